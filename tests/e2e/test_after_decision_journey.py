"""Issue 18's "Must show" in a browser: a granted case; a neighbour heard in the case appeals in time; the
caseworker records the forwarding and a "remitted" outcome; the case returns to review with an event; it is
granted again; the holder reports the start and the completion with the documents the type asks for; the
caseworker checks them and issues the occupancy permit. axe on every page."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from applications.models import Appeal, Case, CaseEvent, Decision, OccupancyPermit, StageDocument
from applications.services import decisions, handling
from hearings.models import Hearing
from hearings.services import hearings
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.applications.pdfs import pdf_bytes
from tests.applications.test_stage_documents import stage_rules
from tests.e2e.test_caseworker_journey import log_in, new_page
from tests.factories import UserFactory


def _granted_case(caseworker, neighbour) -> Case:
    """A case in review, a neighbour heard in it, granted."""
    stage_rules()
    case = support.submitted_case(applicant=UserFactory(role="applicant", full_name="Søren Ærø"))
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    hearings.start_hearing(case=case, actor=caseworker, kind=Hearing.Kind.NEIGHBOURS, message="A carport.",
                                     parties=[{"name": neighbour.full_name, "email": neighbour.email}])
    decisions.record_decision(case=case, actor=caseworker, outcome="granted", reasons="Follows the local plan.")
    case.refresh_from_db()
    return case


@pytest.mark.django_db(transaction=True)
def test_appeal_remitted_granted_again_start_completion_occupancy_permit(page, axe, browser, live_server, tmp_path,
                                                                         private_storage):  # noqa: F811
    caseworker = UserFactory(role="caseworker", full_name="Karen Sagsbehandler")
    neighbour = UserFactory(role="applicant", full_name="Ada Nabo", email_verified=True)
    case = _granted_case(caseworker, neighbour)
    holder = case.applicant
    today = timezone.localdate().isoformat()

    # The neighbour, heard in the case, appeals within the period.
    context, other = new_page(browser, live_server)
    try:
        log_in(other, neighbour)
        other.goto(f"/cases/{case.reference}/appeal/")
        assert other.get_by_role("heading", name=re.compile("Appeal the decision")).is_visible()
        axe(other, "after-appeal-form")
        other.get_by_label("Why do you appeal the decision?").fill("The carport takes the evening sun from my garden.")
        other.get_by_role("button", name="Send the appeal").click()
        assert "Your appeal is received." in other.locator(".messages").inner_text()
        axe(other, "after-appeal-sent")
    finally:
        context.close()
    appeal = Appeal.objects.get(case=case)
    assert appeal.role == Appeal.Role.PARTY and appeal.appellant == neighbour

    # The caseworker records the forwarding to the appeals body, then its "remitted" outcome.
    log_in(page, caseworker)
    page.goto(f"/work/cases/{case.reference}/")
    axe(page, "after-workspace-appealed")
    page.get_by_label("Sent to the appeals body on").fill(today)
    page.get_by_role("button", name="Record as sent").click()
    assert "Saved." in page.locator(".messages").inner_text()
    axe(page, "after-workspace-forwarded")
    page.get_by_label("Outcome").select_option("remitted")
    page.get_by_label("Why (shown to the applicant when the case is remitted)").fill("The neighbour's light.")
    page.get_by_role("button", name="Record the outcome").click()
    case.refresh_from_db()
    assert case.status == Case.Status.IN_REVIEW
    assert CaseEvent.objects.filter(case=case, kind="status:in_review", params__variant="appeal_remitted").exists()
    axe(page, "after-workspace-remitted")

    # Granted again.
    page.get_by_role("link", name="Record the decision").click()
    axe(page, "after-decision-form")
    page.get_by_label("Outcome").select_option("granted")
    page.get_by_label("Reasons").fill("The carport is moved 1 m back; the garden keeps its evening sun.")
    page.get_by_role("button", name="Record the decision").click()
    assert "The decision is recorded." in page.locator(".messages").inner_text()
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED

    # The holder sees the remittal on the timeline and reports the start with the start declaration.
    context, mine = new_page(browser, live_server)
    try:
        log_in(mine, holder)
        mine.goto(f"/cases/{case.reference}/")
        assert "The case is back in review for a new decision after the appeal" in mine.content()
        axe(mine, "after-holder-granted-again")
        declaration = tmp_path / "starterklaering.pdf"
        declaration.write_bytes(pdf_bytes("Starterklæring"))
        mine.get_by_label("Start declaration").set_input_files(str(declaration))
        mine.get_by_label("The day the work started").fill(today)
        mine.get_by_role("button", name="Report the start").click()
        assert "we have noted the day the work started" in mine.locator(".messages").inner_text()
        axe(mine, "after-holder-started")

        # The appeal period of the new decision passes (its date moved back): the permit is in force.
        Decision.objects.filter(case=case).update(decided_at=timezone.now() - dt.timedelta(days=40))
        decisions.close_after_appeal_period()
        case.refresh_from_db()
        assert case.status == Case.Status.WORK_STARTED

        mine.goto(f"/cases/{case.reference}/")
        axe(mine, "after-holder-work-started")
        done = tmp_path / "faerdigmelding.pdf"
        done.write_bytes(pdf_bytes("Færdigmelding"))
        mine.get_by_label("Completion declaration").set_input_files(str(done))
        mine.get_by_label("The day the work was completed").fill(today)
        mine.get_by_role("button", name="Report completed").click()
        assert "the completion report is sent" in mine.locator(".messages").inner_text()
        axe(mine, "after-holder-completed")
    finally:
        context.close()
    case.refresh_from_db()
    assert case.status == Case.Status.COMPLETION_REPORTED
    assert StageDocument.objects.filter(case=case, status="pending").count() == 2

    # The caseworker checks both documents, ticks the BBR task and issues the occupancy permit.
    page.goto(f"/work/cases/{case.reference}/")
    assert page.get_by_role("heading", name="Documents with the completion report").is_visible()
    axe(page, "after-workspace-completion")
    page.get_by_role("button", name="Issue the occupancy permit and close the case").click()
    assert "Accept these completion documents first: Completion declaration" in page.locator(
        ".messages").inner_text()
    page.get_by_role("button", name="Save the check of Start declaration").click()
    page.get_by_role("button", name="Save the check of Completion declaration").click()
    assert StageDocument.objects.filter(case=case, status="accepted").count() == 2
    axe(page, "after-workspace-checked")
    page.get_by_role("button", name="Mark the BBR as updated").click()
    page.get_by_role("button", name="Issue the occupancy permit and close the case").click()
    assert "Saved." in page.locator(".messages").inner_text()
    axe(page, "after-workspace-closed")
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED and OccupancyPermit.objects.filter(case=case).exists()

    context, mine = new_page(browser, live_server)
    try:
        log_in(mine, holder)
        mine.goto(f"/cases/{case.reference}/")
        assert mine.get_by_role("link", name="Download the occupancy permit (PDF)").is_visible()
        axe(mine, "after-holder-occupancy")
    finally:
        context.close()
