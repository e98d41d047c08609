"""The past 14 months of a municipality's cases, each moved through the services on its own days."""

from .common import _complete, blank_pdf

# The past 14 months of a municipality's cases: (type, share of cases, what people apply for).
HISTORY_TYPES = [
    ("small-building", 40, ["Carport på 24 m² ved indkørslen.", "Garage på 42 m² med skur.",
                            "Udhus på 16 m² til haveredskaber.", "Overdækket terrasse på 20 m²."]),
    ("single-family-house", 32, ["Tilbygning på 28 m² med nyt køkken.", "Ny tagetage med kviste mod haven.",
                                 "Nyt parcelhus på 145 m² i ét plan.", "Udestue på 18 m² mod syd."]),
    ("other-structure", 10, ["Solceller på 40 m² på garagens tag.", "Skilt på 3 m² på facaden."]),
    ("change-of-use", 9, ["Butik i stueetagen bliver til bolig.", "Lager bliver til værksted."]),
    ("demolition", 9, ["Nedrivning af garage på 60 m².", "Nedrivning af et udhus på 70 m² og en carport."]),
]
HISTORY_APPLICANTS = [
    ("lars.nielsen@example.dk", "Lars Nielsen"), ("mette.jensen@example.dk", "Mette Jensen"),
    ("henrik.hansen@example.dk", "Henrik Hansen"), ("sofie.pedersen@example.dk", "Sofie Pedersen"),
    ("jens.larsen@example.dk", "Jens Larsen"), ("camilla.soerensen@example.dk", "Camilla Sørensen"),
    ("peter.rasmussen@example.dk", "Peter Rasmussen"), ("tegnestuen.nord@example.dk", "Tegnestuen Nord ApS"),
]
HISTORY_CASES = 48


def load_history(*, stdout) -> list[str]:
    """Cases spread over the past 14 months, each moved through the services on its own days (the clock is set
    to each step's day): screening, an information request for about a third, review and a decision after a
    realistic time, mostly within the type's target, some over. The dashboard and the KPIs then look like a
    municipality's. Needs time-machine (a development package, installed by ``make run``)."""
    from django.test.utils import override_settings

    from applications.models import ApplicationType, Case, Property
    from applications.services import decisions
    from permitportal.accounts import roles
    from permitportal.accounts.models import User
    from permitportal.accounts.services import add_role

    worker = User.objects.filter(email="caseworker@example.dk").first()
    if worker is None or not Property.objects.exists():
        return []
    emails = [email for email, _name in HISTORY_APPLICANTS]
    if Case.objects.filter(applicant__email__in=emails).exists():
        return ["History: the past 14 months' cases are there already."]
    people = []
    for email, name in HISTORY_APPLICANTS:
        person, _created = User.objects.get_or_create(email=email, defaults={
            "full_name": name, "email_verified": True, "is_active": True, "preferred_language": "da"})
        add_role(user=person, role=roles.APPLICANT)
        people.append(person)
    history = _History(
        worker=worker, people=people,
        types={t.code: t for t in ApplicationType.objects.filter(code__in=[c for c, _w, _d in HISTORY_TYPES])},
        # Anywhere in the caseworker's municipality but Kongens Nytorv, where the demo logins' own cases are.
        addresses=list(Property.objects.filter(municipality__staff=worker)
                       .exclude(address__startswith="Kongens Nytorv").order_by("pk").values_list("pk", flat=True)))
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        decided = sum(history.one_case(n) for n in range(HISTORY_CASES))
        decisions.close_after_appeal_period()  # what the nightly sweep does: past the appeal period, closed
    return [f"History: {HISTORY_CASES} cases over the past 14 months, {decided} of them decided."]


class _History:
    """One history case's life, step by step on its own days (``load_history``)."""

    def __init__(self, *, worker, people, types, addresses):
        import random

        from django.utils import timezone

        self.rng = random.Random(2026)
        self.worker, self.people, self.types, self.addresses = worker, people, types, addresses
        self.today = timezone.localdate()

    def at(self, day, hour):
        from datetime import datetime, time

        import time_machine
        from django.utils import timezone

        return time_machine.travel(timezone.make_aware(datetime.combine(day, time(hour, self.rng.randint(0, 59)))),
                                   tick=False)

    @staticmethod
    def weekday(day):
        from datetime import timedelta

        return day + timedelta(days={5: 2, 6: 1}.get(day.weekday(), 0))

    def one_case(self, n: int) -> bool:
        """Submit, screen (and ask for information now and then), review and decide; True when decided."""
        from datetime import timedelta

        from applications.services import decisions, handling

        rng = self.rng
        code, _weight, descriptions = rng.choices(HISTORY_TYPES, weights=[w for _c, w, _d in HISTORY_TYPES])[0]
        app_type = self.types[code]
        day = self.weekday(self.today - timedelta(days=425 - n * 420 // HISTORY_CASES + rng.randint(-3, 3)))
        case = self.submitted(day=day, app_type=app_type, description=rng.choice(descriptions))
        day = self.screened(case=case, day=self.weekday(day + timedelta(days=rng.randint(1, 4))))
        target = app_type.service_target_days
        review_day = self.weekday(day + timedelta(days=rng.randint(2, max(3, target // 3))))
        decision_day = self.weekday(day + timedelta(days=round(target * rng.triangular(0.35, 1.25, 0.7))))
        if review_day >= self.today:
            return False
        with self.at(review_day, 11):
            case.refresh_from_db()
            handling.start_review(case=case, actor=self.worker)
        if decision_day >= self.today:
            return False
        refused = rng.random() < 0.08
        with self.at(decision_day, 13):
            case.refresh_from_db()
            decisions.record_decision(
                case=case, actor=self.worker, outcome="refused" if refused else "granted",
                reasons="Projektet er vurderet efter bygningsreglementet og lokalplanen.",
                guidance="Gør bygningen højst 50 m², eller flyt den mindst 2,5 m fra skel." if refused else "")
        return True

    def submitted(self, *, day, app_type, description):
        from django.core.files.uploadedfile import SimpleUploadedFile

        from applications.models import Property
        from applications.services import cases
        from applications.services.documents import add_document

        applicant = self.rng.choice(self.people)
        with self.at(day, self.rng.randint(8, 21)):
            case = cases.create_draft(applicant=applicant, application_type=app_type,
                                      property=Property.objects.get(pk=self.rng.choice(self.addresses)))
            cases.update_draft(case=case, actor=applicant, description=description)
            for item in case.checklist.filter(required=True, is_active=True).select_related("requirement"):
                add_document(case=case, requirement=item.requirement, actor=applicant,
                             uploaded_file=SimpleUploadedFile(f"{item.requirement.code}.pdf",
                                                              blank_pdf(f"{case.pk} {item.requirement.code}"),
                                                              "application/pdf"))
            return cases.submit(case=case, actor=applicant)

    def screened(self, *, case, day):
        """Assigned and found complete, about a third after an information request; the day it was complete."""
        from datetime import timedelta

        from django.core.files.uploadedfile import SimpleUploadedFile

        from applications.services import handling, requests
        from applications.services.documents import add_document

        rng, worker = self.rng, self.worker
        with self.at(day, 9):
            handling.assign(case=case, caseworker=worker, actor=worker)
            case.refresh_from_db()
            if rng.random() < 0.35:  # about a third lack something at screening
                first = case.checklist.filter(required=True, is_active=True).order_by("pk").first()
                requests.open_information_request(
                    case=case, items=[first.requirement.code], due_date=None, kind="documentation",
                    actor=worker, message="Tegningen mangler mål til skel. Send en ny med målene påført.")
                day = self.weekday(day + timedelta(days=rng.randint(4, 18)))
                with self.at(day, 19):
                    add_document(case=case, requirement=first.requirement, actor=case.applicant,
                                 uploaded_file=SimpleUploadedFile("ny-tegning.pdf", blank_pdf(f"{case.pk} ny"),
                                                                  "application/pdf"))
                    requests.answer_request(case=case, actor=case.applicant)
                day = self.weekday(day + timedelta(days=rng.randint(1, 3)))
        with self.at(day, 10):
            case.refresh_from_db()
            _complete(case=case, worker=worker)
        return day
