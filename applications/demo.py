"""Demo data for ``manage.py seed_demo``: each part of the core adds its loader to LOADERS."""

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def load_catalogue(*, stdout) -> list[str]:
    from applications.services.catalogue import load_catalogue as load

    version = load()
    return [f"Catalogue {version.version} loaded"]


# The demo's municipalities: the two with staff and cases, and the neighbours whose addresses the
# demo register holds (so the guide can name the municipality that will handle a case there).
DEMO_MUNICIPALITIES = [
    {"code": "0101", "name": "København", "email": "byggeri@kk.example.dk", "phone": "+45 33 66 33 66",
     "address": "Njalsgade 13, 2300 København S", "website": "https://www.kk.dk",
     "opening_hours": "Mandag-onsdag 10-15, torsdag 10-17, fredag 10-13", "colour": "#1b4f8a",
     "hearing_survey": True},  # København asks the parties it hears (issue 17 item 6); Frederiksberg does not
    {"code": "0147", "name": "Frederiksberg", "email": "byggesag@frb.example.dk", "phone": "+45 38 21 21 21",
     "address": "Smallegade 1, 2000 Frederiksberg", "website": "https://www.frederiksberg.dk",
     "opening_hours": "Mandag-torsdag 10-15, fredag 10-13", "colour": "#1d6b3a"},
    {"code": "0151", "name": "Ballerup"}, {"code": "0161", "name": "Glostrup"}, {"code": "0163", "name": "Herlev"},
    {"code": "0165", "name": "Albertslund"}, {"code": "0167", "name": "Hvidovre"},
    {"code": "0169", "name": "Høje-Taastrup"}, {"code": "0175", "name": "Rødovre"}, {"code": "0185", "name": "Tårnby"},
]
# Who works where: the demo's staff (seed_demo) in København, and Frederiksberg's own.
DEMO_STAFF = [
    ("caseworker@example.dk", "caseworker", ["0101"], ""),
    ("dialogue@example.dk", "dialogue_team", ["0101"], ""),
    ("manager@example.dk", "manager", ["0101"], ""),
    ("caseworker.frb@example.dk", "caseworker", ["0147"], "Frida Fogh"),
    ("dialogue.frb@example.dk", "dialogue_team", ["0147"], "Frederik Falk"),
    ("manager.frb@example.dk", "manager", ["0147"], "Freja Friis"),
    ("national@example.dk", "national", [], "Niels Nørgaard"),
]


# Frederiksberg's own additions for types without a national target (issue 19): a local service target and an
# extra requirement with its guidance. Made up for the demo.
DEMO_LOCAL_TARGETS = [("0147", "demolition", 21), ("0147", "change-of-use", 35)]
DEMO_LOCAL_REQUIREMENTS = [
    ("0147", "demolition", "facades",
     "Frederiksberg beder om facadetegninger eller fotos af alle facader på en bygning, der skal rives ned, "
     "til kommunens arkiv."),
]


def load_local_rules(*, stdout) -> list[str]:
    """Local targets and requirements on top of the national catalogue (after the catalogue is loaded)."""
    from applications.models import (
        ApplicationType,
        DocumentRequirement,
        LocalRequirement,
        LocalServiceTarget,
        Municipality,
    )

    types = {t.code: t for t in ApplicationType.objects.all()}
    for code, type_code, days in DEMO_LOCAL_TARGETS:
        if type_code in types:
            LocalServiceTarget.objects.update_or_create(municipality=Municipality.objects.get(code=code),
                                                        application_type=types[type_code], defaults={"days": days})
    for code, type_code, requirement, guidance in DEMO_LOCAL_REQUIREMENTS:
        found = DocumentRequirement.objects.filter(code=requirement).first()
        if type_code in types and found is not None:
            LocalRequirement.objects.get_or_create(municipality=Municipality.objects.get(code=code),
                                                   application_type=types[type_code], requirement=found,
                                                   defaults={"guidance": guidance})
    return [f"Local rules: {len(DEMO_LOCAL_TARGETS)} local targets, {len(DEMO_LOCAL_REQUIREMENTS)} extra requirement."]


def load_municipalities(*, stdout) -> list[str]:
    """The municipalities and who works for each (new demo staff get the demo password)."""
    from applications.models import Municipality
    from applications.services.municipalities import create_staff

    for values in DEMO_MUNICIPALITIES:
        Municipality.objects.update_or_create(code=values["code"], defaults=values)
    for email, role, codes, name in DEMO_STAFF:
        user, created = create_staff(email=email, role=role, codes=codes, full_name=name)
        if created:
            from permitportal.core.management.commands.seed_demo import DEMO_PASSWORD

            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
    return [f"Municipalities: {len(DEMO_MUNICIPALITIES)}; staff in "
            + ", ".join(f"{e} ({', '.join(c) or 'national'})" for e, _r, c, _n in DEMO_STAFF[3:])]


def load_properties(*, stdout) -> list[str]:
    from applications.services.properties import import_properties

    report = import_properties(path=DATA / "demo_properties.csv")
    return [f"Properties: {len(report.created)} created, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged, {len(report.skipped)} skipped."]


def blank_pdf(title: str = "") -> bytes:
    """A one-page A4 PDF that passes the upload checks: the demo's (and the load test's) drawings. A title
    makes each drawing a file of its own (its own checksum)."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if title:
        writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _application(*, applicant, address: str, type_code: str, description: str, send: bool = True, firm=None):
    """A case made the way an applicant makes one: draft, description, a site plan, the rest marked not
    relevant, sent."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from applications.models import ApplicationType, Property
    from applications.services import cases
    from applications.services.documents import add_document

    case = cases.create_draft(applicant=applicant, property=Property.objects.get(address=address),
                              application_type=ApplicationType.objects.get(code=type_code), firm=firm)
    cases.update_draft(case=case, actor=applicant, description=description)
    first = case.checklist.filter(required=True, is_active=True).order_by("pk").first()
    if first is not None:
        add_document(case=case, requirement=first.requirement, actor=applicant,
                     uploaded_file=SimpleUploadedFile("situationsplan.pdf", blank_pdf(), "application/pdf"))
    if send:
        for item in case.checklist.filter(required=True, is_active=True, state="missing"):
            cases.mark_not_relevant(case=case, requirement_code=item.requirement.code, actor=applicant,
                                    reason="Ikke relevant for dette projekt (demo).")
        cases.submit(case=case, actor=applicant)
    return case


def load_cases(*, stdout) -> list[str]:
    """Cases in every stage for the demo logins: a draft, a new case, one waiting for information, one
    in review, one granted and one refused, so each role has something to look at."""
    from django.test.utils import override_settings

    from applications.models import Case
    from applications.services import decisions, handling, requests
    from permitportal.accounts.models import User

    applicant = User.objects.filter(email="applicant@example.dk").first()
    architect = User.objects.filter(email="architect@example.dk").first()
    worker = User.objects.filter(email="caseworker@example.dk").first()
    if not (applicant and architect and worker):
        return []
    if Case.objects.filter(applicant__in=[applicant, architect]).exists():
        return ["Cases: the demo cases are there already."]
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        _application(applicant=applicant, address="Kongens Nytorv 24", type_code="small-building",
                     description="Carport på 28 m² i forlængelse af huset.", send=False)
        _application(applicant=applicant, address="Kongens Nytorv 27A", type_code="small-building",
                     description="Udhus på 18 m² til cykler og haveredskaber.")
        waiting = _application(applicant=applicant, address="Kongens Nytorv 2", type_code="single-family-house",
                               description="Tilbygning på 35 m² med nyt badeværelse.")
        handling.assign(case=waiting, caseworker=worker, actor=worker)
        requests.open_information_request(
            case=waiting, items=[waiting.checklist.filter(is_active=True).order_by("pk").first().requirement.code],
            message="Situationsplanen mangler målene til skel. Send en ny med målene påført.", due_date=None,
            kind="documentation", actor=worker)
        review = _application(applicant=architect, address="Kongens Nytorv 11B", type_code="single-family-house",
                              description="Ny tagetage med to kviste.")
        handling.assign(case=review, caseworker=worker, actor=worker)
        _complete(case=review, worker=worker)
        handling.start_review(case=review, actor=worker)
        for outcome, address, text, guidance in (
                ("granted", "Kongens Nytorv 2", "Carport på 30 m².", ""),
                ("refused", "Kongens Nytorv 24", "Garage på 60 m² tæt på skel.",
                 "Flyt garagen mindst 2,5 m fra skel, eller gør den højst 50 m², så kan den tillades.")):
            case = _application(applicant=architect, address=address, type_code="small-building", description=text)
            handling.assign(case=case, caseworker=worker, actor=worker)
            _complete(case=case, worker=worker)
            handling.start_review(case=case, actor=worker)
            decisions.record_decision(case=case, outcome=outcome, actor=worker, guidance=guidance,
                                      reasons="Projektet er vurderet efter bygningsreglementet (demo).")
        frb_worker = User.objects.filter(email="caseworker.frb@example.dk").first() or worker
        _application(applicant=applicant, address="Fuglebakkevej 14", type_code="small-building",
                     description="Carport på 25 m² ved indkørslen.")
        frb_review = _application(applicant=architect, address="Godthåbsvej 87", type_code="single-family-house",
                                  description="Altaner mod gården på fire etager.")
        handling.assign(case=frb_review, caseworker=frb_worker, actor=frb_worker)
        _complete(case=frb_review, worker=frb_worker)
    counts = Case.objects.filter(applicant__in=[applicant, architect]).values_list("status", flat=True)
    return [f"Cases: {len(counts)} demo cases ({', '.join(sorted(counts))})."]


def _complete(*, case, worker):
    """The caseworker answers the applicant's "not relevant" claims (accepts them: a case with an unanswered
    claim cannot be completed or decided) and marks the case complete."""
    from applications.services import handling

    for item in handling.unanswered_claims(case=case):
        handling.decide_not_relevant_claim(case=case, requirement_code=item.requirement.code, accept=True,
                                           actor=worker)
    handling.mark_complete(case=case, actor=worker)


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


# The demo applicant's cases after the decision (issue 18): (address, type, what, the state it ends in).
AFTER_DECISION_CASES = [
    ("Gothersgade 112B", "small-building", "Carport på 26 m² ved gavlen.", "permitted"),
    ("Gothersgade 39", "housing-multistorey", "Ny etage med fire lejligheder på taget.", "work_started"),
    ("Gothersgade 51", "single-family-house", "Tilbygning på 40 m² med to værelser.", "completion_reported"),
    ("Gothersgade 53", "small-building", "Garage på 45 m² i skel mod naboen.", "appealed"),
    ("Nørregade 23", "small-building", "Udhus på 30 m² bag huset.", "lapsed"),
]


# Days before today: the decision, the start, the completion report (None: not reached).
AFTER_DECISION_DAYS = {"permitted": (60, None, None), "work_started": (120, 40, None),
                       "completion_reported": (200, 150, 3), "appealed": (10, None, None),
                       "lapsed": (400, None, None)}


def load_after_decision(*, stdout) -> list[str]:
    """The demo applicant's cases after the decision, each moved through the services on its own days: a permit
    waiting for the start, work started (with the start declarations), completion reported with its document
    waiting for the caseworker's check, a decision a neighbour has appealed, a permit that lapsed. Needs
    time-machine (a development package, installed by ``make run``)."""
    from django.test.utils import override_settings

    from applications.models import Case, Property
    from permitportal.accounts.models import User

    applicant = User.objects.filter(email="applicant@example.dk").first()
    worker = User.objects.filter(email="caseworker@example.dk").first()
    addresses = [address for address, *_rest in AFTER_DECISION_CASES]
    if not (applicant and worker) or Property.objects.filter(address__in=addresses).count() < len(addresses):
        return []
    if Case.objects.filter(applicant=applicant, property__address__in=addresses).exists():
        return ["After the decision: the demo cases are there already."]
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        made = [_after_decision_case(applicant=applicant, worker=worker, address=address, type_code=type_code,
                                     text=text, state=state)
                for address, type_code, text, state in AFTER_DECISION_CASES]
    return [f"After the decision: {len(made)} demo cases ({', '.join(made)})."]


def _days_ago(days: int, hour: int = 10):
    from datetime import datetime, time, timedelta

    import time_machine
    from django.utils import timezone

    day = timezone.localdate() - timedelta(days=days)
    return time_machine.travel(timezone.make_aware(datetime.combine(day, time(hour))), tick=False)


def _stage_files(case, stage: str) -> dict:
    """A blank PDF for each document the stage asks for, by requirement code."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from applications.services import stage_documents

    return {r.code: SimpleUploadedFile(f"{r.code}.pdf", blank_pdf(f"{case.pk} {r.code}"), "application/pdf")
            for r in stage_documents.required_for(case=case, stage=stage)}


def _after_decision_case(*, applicant, worker, address, type_code, text, state) -> str:
    """One case granted on its day and taken to ``state``; its status."""
    from django.utils import timezone

    from applications.services import appeals, completion, decisions, handling, start_of_work

    decided, started, completed = AFTER_DECISION_DAYS[state]
    with _days_ago(decided + 14):
        case = _application(applicant=applicant, address=address, type_code=type_code, description=text)
        handling.assign(case=case, caseworker=worker, actor=worker)
        _complete(case=case, worker=worker)
        handling.start_review(case=case, actor=worker)
    with _days_ago(decided, 13):
        decisions.record_decision(case=case, outcome="granted", actor=worker,
                                  reasons="Projektet er vurderet efter bygningsreglementet (demo).")
    if state == "appealed":
        with _days_ago(decided - 5):
            appeals.lodge_appeal(case=case, actor=worker, by_letter=True, appellant_name="Ole Nabo",
                                 appellant_email="ole.nabo@example.dk",
                                 grounds="Garagen tager lyset fra min have og står for tæt på skel.")
    else:
        with _days_ago(decided - 31):
            decisions.close_after_appeal_period()
    case.refresh_from_db()
    if started is not None:
        with _days_ago(started):
            start_of_work.report_start(case=case, actor=applicant, start_date=timezone.localdate(),
                                       files=_stage_files(case, "start"))
        case.refresh_from_db()
    if completed is not None:
        with _days_ago(completed):
            completion.report_completion(case=case, actor=applicant, completed_on=timezone.localdate(),
                                         files=_stage_files(case, "completion"))
    if state == "lapsed":
        start_of_work.lapse_permits()
    case.refresh_from_db()
    return case.status


# Called in order; a later loader may use what an earlier one loaded (cases need properties).
DEMO_FIRM_CVR = "12345678"  # a made-up CVR number for the demo firm


def load_firm(*, stdout) -> list[str]:
    """A demo firm (issue 20): the architect is its administrator, the colleague a member, and it has a draft and
    a sent case, so both see the firm's cases in "My applications". The firm is made directly: in the portal a
    firm is created from a verified business login's CVR, which the demo has not got."""
    from django.test.utils import override_settings

    from permitportal.accounts.models import Firm, FirmMembership, User
    from permitportal.accounts.services_firms import add_member

    architect = User.objects.filter(email="architect@example.dk").first()
    colleague = User.objects.filter(email="colleague@example.dk").first()
    if not (architect and colleague):
        return []
    if Firm.objects.filter(cvr=DEMO_FIRM_CVR).exists():
        return ["Firm: the demo firm is there already."]
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
        firm = Firm.objects.create(cvr=DEMO_FIRM_CVR, name="Bæk & Kollega Arkitekter ApS", created_by=architect)
        FirmMembership.objects.create(firm=firm, user=architect, is_admin=True, added_by=architect)
        add_member(firm=firm, actor=architect, email=colleague.email)
        _application(applicant=architect, address="Kongens Nytorv 27A", type_code="single-family-house", firm=firm,
                     description="Tilbygning på 40 m² med nyt køkken (for bygherren).")
        _application(applicant=colleague, address="Kongens Nytorv 11B", type_code="small-building", firm=firm,
                     description="Carport på 25 m² (for bygherren).", send=False)
    return [f"Firm: {firm.name} (CVR {firm.cvr}) with 2 members and 2 cases."]


LOADERS = [
    load_municipalities,
    load_catalogue,
    load_local_rules,
    load_properties,
    load_history,
    load_cases,
    load_after_decision,
    load_firm,
]


def load(*, stdout) -> list[str]:
    lines: list[str] = []
    for loader in LOADERS:
        lines.extend(loader(stdout=stdout) or [])
    return lines
