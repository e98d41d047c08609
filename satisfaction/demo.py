"""Demo data for ``manage.py seed_demo``: survey answers over the past 14 months, so the dashboard has
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
# What people write, by how they scored (1-5, their first answer): the comments a municipality gets.
COMMENTS = {
    5: ["Det var let at finde ud af, hvilke tegninger der skulle med.", "Hurtigt svar og en venlig sagsbehandler."],
    4: ["Fint forløb, men jeg ventede længe på at høre noget i starten.", "Godt at kunne se datoen for afgørelsen."],
    3: ["Svært at vide, hvad en situationsplan skal vise.", "Det tog tid at finde det rigtige skema."],
    2: ["Jeg blev bedt om den samme tegning to gange.", "Afgørelsen var svær at forstå."],
    1: ["Ingen svarede på min mail i to uger.", "For mange fagudtryk i brevet."],
}
MONTHS = 14


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
        for month in range(MONTHS):
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
                    lower = month % 3 == 1  # some months a little worse
                    scores = {n: max(1, s - lower) for n, s in enumerate(scores, 1)}
                    comments = COMMENTS[scores[1]]
                    comment = comments[month % len(comments)] if (month + i) % 3 == 0 else ""
                    services.submit_response(token=token, comment=comment, scores=scores)
                    answered += 1
    return [f"Satisfaction: {answered} demo answers over {MONTHS} months; the KPI facts of every case refreshed."]
