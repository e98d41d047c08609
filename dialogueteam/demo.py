"""Demo data for ``manage.py seed_demo``: the search index, and a logged call with a forwarded question."""


def load(*, stdout) -> list[str]:
    from applications.models import Case
    from dialogueteam import services
    from dialogueteam.models import Contact
    from dialogueteam.search import rebuild_all
    from permitportal.accounts.models import User

    lines = [f"Dialogue team: {rebuild_all()} cases can be found in the lookup."]
    member = User.objects.filter(email="dialogue@example.dk").first()
    case = Case.objects.exclude(status__in=[Case.Status.DRAFT, Case.Status.CLOSED]).order_by("submitted_at").first()
    if member is None or case is None or Contact.objects.exists():
        return lines
    services.log_contact(
        actor=member, channel=Contact.Channel.PHONE, topic=Contact.Topic.STATUS, customer_group=case.customer_group,
        case=case, summary="Spurgte, hvornår afgørelsen kommer, og om tegningerne er nok.",
        forward_question="Er tegningerne nok, eller skal ansøgeren også sende snittegninger?",
    )
    lines.append(f"Dialogue team: a call about {case.reference} is logged and its question forwarded.")
    return lines
