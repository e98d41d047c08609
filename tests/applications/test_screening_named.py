"""Issue 15 item 4: screening names each check that is not fine, for the caseworker (advisory, workspace)
and the applicant (timeline), and flags one file (by its checksum) sent for several documents."""

import pytest
from django.urls import reverse
from django.utils import translation

from applications.models import Advisory, CaseEvent, InformationRequest, ScreeningResult
from applications.selectors.advisories import advisory_text
from applications.selectors.cases import public_timeline
from applications.services import cases as case_services
from applications.services.documents import add_document
from applications.services.screening import run_screening
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_upload
from tests.factories import PASSWORD

R = ScreeningResult.Result


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def one_page_for_every_drawing():
    """The same one-page PDF sent as the site plan, the floor plans and the facades."""
    case = support.draft_with_checklist()
    for code in support.REQUIRED:
        add_document(case=case, requirement=support.requirement(code), actor=case.applicant,
                     uploaded_file=pdf_upload(f"{code}.pdf", text="One page with everything"))
    return case_services.submit(case=case, actor=case.applicant)


def test_one_file_for_several_drawings_is_flagged(db):
    case = one_page_for_every_drawing()
    run = run_screening(case_id=case.pk)
    results = {r.requirement.code: r for r in run.results.select_related("requirement") if r.requirement_id}
    assert {code: results[code].result for code in support.REQUIRED} == {code: R.SAME_FILE for code in support.REQUIRED}
    assert "Floor plans, Facades" in results["site-plan"].message
    assert (run.ok_count, run.total_count) == (1, 4)  # only the recommended sections, not sent, is fine
    drafted = InformationRequest.objects.get(case=case, state="draft")
    assert sorted(i.requirement.code for i in drafted.items.all()) == sorted(support.REQUIRED)


def test_different_files_pass(db):
    case = support.submitted_case()
    run = run_screening(case_id=case.pk)
    assert (run.ok_count, run.total_count) == (4, 4)
    assert "variant" not in CaseEvent.objects.get(case=case, kind="screened").params


def test_the_failed_checks_are_named_for_applicant_and_caseworker(db, client, caseworker):
    case = support.draft_with_checklist()
    support.upload(case, "site-plan")
    support.upload(case, "floor-plans")
    case_services.mark_not_relevant(case=case, requirement_code="facades", actor=case.applicant,
                                    reason="The carport has no walls, so there is no facade.")
    case_services.submit(case=case, actor=case.applicant)
    type(case).objects.filter(pk=case.pk).update(description="")  # as an older case may have it
    run_screening(case_id=case.pk)

    with translation.override("en"):
        timeline = " ".join(e["text"] for e in public_timeline(case=case))
        advisory = advisory_text(Advisory.objects.get(case=case, kind=Advisory.Kind.CASE_SCREENED))
    named = ("Not fine: Facades (Marked not relevant: to be checked), Description of the project (Missing).")
    assert f"3 of 5 checks fine. {named}" in timeline
    assert named in advisory
    with translation.override("da"):
        timeline_da = " ".join(e["text"] for e in public_timeline(case=case))
    assert "Ikke i orden: Facadetegninger (" in timeline_da and "Beskrivelse af projektet (Mangler)." in timeline_da

    client.login(email=caseworker.email, password=PASSWORD)
    page = client.get(reverse("applications:workspace", args=[case.reference])).content.decode()
    failed = page.split('class="mb-0 screening-failed"')[1].split("</ul>")[0]
    assert "The project description is empty." in failed


def test_the_same_file_is_named_on_the_workspace(db, client, caseworker):
    case = one_page_for_every_drawing()
    run_screening(case_id=case.pk)
    client.login(email=caseworker.email, password=PASSWORD)
    page = client.get(reverse("applications:workspace", args=[case.reference])).content.decode()
    failed = page.split('class="mb-0 screening-failed"')[1].split("</ul>")[0]
    assert failed.count("The same file as another document") == 3
    assert '<a href="#req-site-plan">Site plan</a>' in failed
