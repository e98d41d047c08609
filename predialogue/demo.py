"""Demo data for ``manage.py seed_demo``: a requested and a scheduled pre-application meeting for the demo
applicant, and an open-house session on the next Saturday, written in Danish as the municipality's staff and
its citizens write them. Runs after the core's demo (users, catalogue,
properties); loading twice adds nothing."""

from datetime import datetime, time, timedelta

from django.utils import timezone


def load(*, stdout) -> list[str]:
    from applications.models import Property
    from permitportal.accounts.models import User
    from predialogue import services
    from predialogue.models import Meeting, OpenHouseSession

    applicant = User.objects.filter(email="applicant@example.dk").first()
    caseworker = User.objects.filter(email="caseworker@example.dk").first()
    properties = list(Property.objects.order_by("id")[:2])
    if applicant is None or caseworker is None or len(properties) < 2:
        return ["Pre-application meetings: skipped (no demo users or properties)."]
    lines = []
    if not Meeting.objects.filter(applicant=applicant).exists():
        services.create_request(
            requested_by=applicant, property=properties[0],
            description="En kvist på taget mod gaden, cirka 4 m bred.",
            questions="Tillader lokalplanen en kvist mod gaden?\nHvilke tegninger skal I bruge?",
            preferred_times="Hverdage om formiddagen")
        scheduled = services.create_request(
            requested_by=applicant, property=properties[1],
            description="En tilbygning i to etager på 60 m² mod haven.",
            questions="Hvor tæt på skel må vi bygge?", preferred_times="Tirsdage efter kl. 14")
        day = timezone.localdate() + timedelta(days=7)
        starts = timezone.make_aware(datetime.combine(day, time(10, 0)))
        services.schedule_meeting(meeting=scheduled, starts_at=starts, place="Njalsgade 13, lokale 2.14",
                                  caseworker=caseworker, actor=caseworker)
        lines.append("Pre-application meetings: 1 requested, 1 scheduled for applicant@example.dk.")
    if not OpenHouseSession.objects.exists():
        today = timezone.localdate()
        saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
        starts = timezone.make_aware(datetime.combine(saturday, time(10, 0)))
        services.create_session(title="Åbent hus: tilbygninger, carporte og kviste", starts_at=starts,
                                ends_at=starts + timedelta(hours=3), place="Njalsgade 13, 2300 København S",
                                capacity=20, actor=caseworker,
                                description="Kom forbi med dine skitser, og tal med en sagsbehandler.")
        lines.append(f"Open house on {saturday:%Y-%m-%d}.")
    return lines
