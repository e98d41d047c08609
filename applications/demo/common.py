"""The demo's municipalities, catalogue, local rules, property register, and the demo logins' own cases in every
stage, with the helpers the other demo loaders share."""

from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


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
