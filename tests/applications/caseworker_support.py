"""Cases with a checklist and documents for the caseworker tests, built with the ORM and the services.

Independent of the shipped catalogue: one application type ("cw-house") with three required documents
(site plan: PDF only; floor plans and facades: PDF or image) and one recommended (sections).
"""

from django.core.files.base import ContentFile

from applications.models import ApplicationType, Case, ChecklistItem, Document, DocumentRequirement, RequirementRule
from applications.services import cases as case_services
from applications.services.documents import add_document
from tests.applications.factories import CaseFactory
from tests.applications.pdfs import pdf_upload

REQUIRED = ("site-plan", "floor-plans", "facades")
RECOMMENDED = ("sections",)
TITLES = {
    "site-plan": ("Site plan", "Situationsplan", ["pdf"]),
    "floor-plans": ("Floor plans", "Plantegninger", ["pdf", "png", "jpeg"]),
    "facades": ("Facades", "Facadetegninger", ["pdf", "png", "jpeg"]),
    "sections": ("Sections", "Snittegninger", ["pdf", "png", "jpeg"]),
}


def requirement(code: str) -> DocumentRequirement:
    title_en, title_da, formats = TITLES[code]
    req, _created = DocumentRequirement.objects.get_or_create(code=code, defaults={
        "title_en": title_en, "title_da": title_da, "explanation_en": f"Why we need the {title_en.lower()}.",
        "explanation_da": f"Hvorfor vi skal bruge {title_da.lower()}.", "good_example_en": "Drawn to scale.",
        "good_example_da": "Tegnet i målestok.", "accepted_formats": formats,
        "order": list(TITLES).index(code)})
    return req


def application_type(code: str = "cw-house", target: int = 40) -> ApplicationType:
    app_type, created = ApplicationType.objects.get_or_create(code=code, defaults={
        "name_en": f"House ({code})", "name_da": f"Hus ({code})", "summary_en": "A house.", "summary_da": "Et hus.",
        "service_target_days": target})
    if created:
        for code_ in REQUIRED:
            RequirementRule.objects.create(application_type=app_type, requirement=requirement(code_), rule="always")
        for code_ in RECOMMENDED:
            RequirementRule.objects.create(application_type=app_type, requirement=requirement(code_),
                                           rule="recommended")
    return app_type


def draft_with_checklist(*, applicant=None, **kwargs) -> Case:
    """A draft of type cw-house with its checklist (no documents yet)."""
    extra = {"applicant": applicant} if applicant is not None else {}
    case = CaseFactory(application_type=application_type(), description="A 30 m² kitchen extension.",
                       **extra, **kwargs)
    for code in REQUIRED:
        ChecklistItem.objects.create(case=case, requirement=requirement(code), required=True)
    for code in RECOMMENDED:
        ChecklistItem.objects.create(case=case, requirement=requirement(code), required=False)
    return case


def upload(case: Case, code: str, *, actor=None, name: str | None = None) -> Document:
    """Upload a small valid PDF for ``code`` through the documents service."""
    return add_document(case=case, requirement=requirement(code), uploaded_file=pdf_upload(name or f"{code}.pdf"),
                        actor=actor or case.applicant)


def attach_raw(case: Case, code: str, *, data: bytes, name: str, kind: str, content_type: str) -> Document:
    """Store a document without the upload checks (e.g. a kind the requirement no longer accepts)."""
    import hashlib

    storage = Document._meta.get_field("file").storage
    stored = storage.save(f"cases/test/{name}", ContentFile(data))
    doc = Document.objects.create(case=case, requirement=requirement(code), file=stored, original_name=name,
                                  content_type=content_type, kind=kind, size=len(data),
                                  sha256=hashlib.sha256(data).hexdigest(), uploaded_by=case.applicant)
    case_services.refresh_checklist_state(case=case)
    return doc


def submitted_case(*, applicant=None, uploads=REQUIRED, **kwargs) -> Case:
    """A case sent through services.cases.submit with a PDF for each code in ``uploads``."""
    case = draft_with_checklist(applicant=applicant, **kwargs)
    for code in uploads:
        upload(case, code)
    return case_services.submit(case=case, actor=case.applicant)


__all__ = ["REQUIRED", "RECOMMENDED", "requirement", "application_type", "draft_with_checklist",
           "upload", "attach_raw", "submitted_case"]
