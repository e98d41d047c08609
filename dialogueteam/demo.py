"""Demo data for ``manage.py seed_demo``: the search index, and a logged call with a forwarded question."""


def load(*, stdout) -> list[str]:
    from applications.models import Case
    from dialogueteam import services
    from dialogueteam.models import Contact
    from dialogueteam.search import rebuild_all
    from permitportal.accounts.models import User

    lines = [f"Dialogue team: {rebuild_all()} cases can be found in the lookup."]
    member = User.objects.filter(email="dialogue@example.dk").first()
    case = Case.objects.exclude(status=Case.Status.DRAFT).order_by("submitted_at").first()
    if member is None or case is None or Contact.objects.exists():
        return lines
    services.log_contact(
        actor=member, channel=Contact.Channel.PHONE, topic=Contact.Topic.STATUS, customer_group=case.customer_group,
        case=case, summary="Asked when the decision comes and whether the drawings are enough.",
        forward_question="Are the drawings enough, or will you ask for sections as well?",
    )
    lines.append(f"Dialogue team: a call about {case.reference} is logged and its question forwarded.")
    return lines
