"""A world of objects of every kind that a URL can name, owned by one applicant (the victim)."""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from applications.models import Advisory, ApplicationType, Case, Document
from applications.services import cases as case_services
from applications.services.catalogue import load_catalogue
from applications.services.documents import add_document
from tests.applications.factories import PropertyFactory
from tests.applications.files import corpus


def walk_patterns(resolver=None, prefix_ns="", prefix=""):
    """Every named URL pattern of the project: (name, route, pattern)."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = f"{prefix_ns}{entry.namespace}:" if entry.namespace else prefix_ns
            yield from walk_patterns(entry, ns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{prefix_ns}{entry.name}", prefix + str(entry.pattern), entry


@dataclass
class World:
    applicant: object
    case: Case  # submitted
    draft: Case
    document: Document
    advisory: Advisory
    contact: object
    forward: object
    meeting: object
    sketch: object
    session: object
    registration: object
    help_code: str
    hearing: object = None
    party: object = None
    attachment: object = None
    firm: object = None  # the applicant's firm (issue 20), and their membership of it
    firm_membership: object = None


def _hearing(case, caseworker, document):
    """A hearing on the case with one party and an attachment (made directly: the world's case stays
    submitted for the other sweeps)."""
    from hearings.models import Attachment, Hearing, Party

    hearing = Hearing.objects.create(case=case, kind="neighbours", deadline=timezone.localdate() + timedelta(days=14),
                                     message="Please comment.", started_by=caseworker)
    hearing.documents.set([document])
    party = Party.objects.create(hearing=hearing, name="Ada Neighbour", email="ada@example.dk")
    attachment = Attachment.objects.create(party=party, file=document.file.name, original_name="a.pdf",
                                           content_type="application/pdf", kind="pdf", size=document.size,
                                           sha256=document.sha256)
    return hearing, party, attachment


def submit_case(case, applicant):
    case_services.update_draft(case=case, actor=applicant, description="Carport of 30 m² next to the house.")
    for item in case.checklist.filter(required=True, is_active=True, state="missing"):
        case_services.mark_not_relevant(case=case, requirement_code=item.requirement.code,
                                        reason="Not relevant for a carport of this size.", actor=applicant)
    case_services.submit(case=case, actor=applicant)
    case.refresh_from_db()
    return case


@pytest.fixture
def world(db, applicant, caseworker, dialogue_member, tmp_path, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    from dialogueteam import services as dialogue_services
    from predialogue import services as predialogue_services
    from predialogue.models import Sketch
    from predialogue.services.requests import _store_sketch as store_sketch
    from tests.predialogue.helpers import published_meeting

    sketches = tmp_path / "sketches"
    sketches.mkdir()
    monkeypatch.setattr(Sketch._meta.get_field("file"), "storage", FileSystemStorage(location=str(sketches)))
    load_catalogue()
    small = ApplicationType.objects.get(code="small-building")
    case = case_services.create_draft(applicant=applicant, property=PropertyFactory(), application_type=small)
    document = add_document(case=case, requirement=case.checklist.first().requirement,
                            uploaded_file=corpus.good_pdf(), actor=applicant)
    submit_case(case, applicant)
    draft = case_services.create_draft(applicant=applicant, property=PropertyFactory(), application_type=small)
    contact = dialogue_services.ask_about_case(case=case, user=applicant, question="When will you decide?")
    logged = dialogue_services.log_contact(actor=dialogue_member, channel="phone", topic="status",
                                           customer_group="private", case=case, summary="Asked about the status",
                                           forward_question="Can you tell the applicant the expected date?")
    forward = logged.forwards.get()
    advisory = Advisory.objects.get(pk=forward.advisory_id)
    meeting = published_meeting(applicant=applicant, prop=case.property, caseworker=caseworker)
    upload, checked = predialogue_services.check_sketches(sketches=[corpus.good_pdf()])[0]
    sketch = Sketch.objects.create(meeting=meeting, original_name=checked.safe_name,
                                   file=store_sketch(uploaded_file=upload, checked=checked),
                                   content_type=checked.content_type, kind=checked.kind, size=checked.size,
                                   sha256=checked.sha256)
    starts = timezone.now() + timedelta(days=5)
    session = predialogue_services.create_session(title="Open house", starts_at=starts,
                                                  ends_at=starts + timedelta(hours=2), place="Njalsgade 13",
                                                  capacity=10, actor=caseworker)
    registration = predialogue_services.register_for_session(
        session=session, name=applicant.full_name, email=applicant.email, user=applicant,
        description="A carport next to the house, about 30 m².")
    help_code = dialogue_services.issue_help_code(case=draft, user=applicant)
    hearing, party, attachment = _hearing(case, caseworker, document)
    from permitportal.accounts.models import Firm, FirmMembership

    firm = Firm.objects.create(cvr="12345678", name="Applicant's Firm ApS", created_by=applicant)
    membership = FirmMembership.objects.create(firm=firm, user=applicant, is_admin=True)
    return World(hearing=hearing, party=party, attachment=attachment, applicant=applicant, case=case,
                 firm=firm, firm_membership=membership,
                 draft=draft, document=document, advisory=advisory, contact=contact, forward=forward,
                 meeting=meeting, sketch=sketch, session=session, registration=registration, help_code=help_code)
