"""Demo data for ``manage.py seed_demo``: survey answers over the last six months, so the dashboard has
something to show, and the KPI facts of the demo cases. Loading twice adds nothing.

The invitations go through the services like real ones (the e-mails to the made-up addresses are kept in
memory, not printed); the answers too, through each invitation's signed link.
"""

from datetime import timedelta

# (touchpoint, channel, customer group, scores or None for "no thanks" or "" for no answer)
PATTERN = [
    ("submission", "portal", "owner", (4, 4, 5)), ("submission", "portal", "professional", (3, 2, 4)),
    ("submission", "portal", "private", (5, 3, 4)), ("submission", "portal", "owner", ""),
    ("decision", "portal", "owner", (4, 3, 4)), ("decision", "portal", "private", (2, 1, 2)),
    ("decision", "portal", "professional", None), ("dialogue_contact", "phone", "private", (5, 5, 5, 5)),
    ("dialogue_contact", "email", "owner", (4, 3, 4, 4)), ("dialogue_contact", "desk", "private", ""),
    ("predialogue_meeting", "meeting", "professional", (5, 4, 5, 5)), ("predialogue_meeting", "meeting", "owner", ""),
]


def load(*, stdout) -> list[str]:
    from django.test.utils import override_settings
    from django.utils import timezone

    from satisfaction import facts, services
    from satisfaction.models import Invitation

    facts.refresh_case_facts()
    if Invitation.objects.filter(source_key__startswith="demo:").exists():
        return ["Satisfaction: demo answers already loaded."]
    now = timezone.now()
    answered = 0
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        for month in range(6):
            for i, (touchpoint, channel, group, scores) in enumerate(PATTERN):
                number = month * len(PATTERN) + i
                invitation = services.invite(
                    touchpoint=touchpoint, source_key=f"demo:{number}", channel=channel, customer_group=group,
                    recipient=services.Recipient(f"demo-survey-{number}@example.dk", "da"),
                    at=now - timedelta(days=30 * month + i))
                if invitation is None:
                    continue
                services.send_invitation(invitation_id=invitation.pk)
                token = services.make_token(invitation)
                if scores is None:
                    services.decline(token=token)
                elif scores:
                    lower = month % 2  # some months a little worse
                    services.submit_response(token=token, comment="Demo answer." if i == 0 else "",
                                             scores={n: max(1, s - lower) for n, s in enumerate(scores, 1)})
                    answered += 1
    return [f"Satisfaction: {answered} demo answers over six months; the KPI facts of every case refreshed."]
