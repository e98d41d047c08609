"""Issue 15 item 1: a "not relevant" claim still waiting for the caseworker blocks completion, the
review and the decision (409 naming the claim), screening lists it, and a decided case offers no
accept/reject buttons."""

import pytest
from django.urls import reverse

from applications.models import Case, ChecklistItem, Decision
from applications.services import cases as case_services
from applications.services import decisions, handling
from applications.services.screening import run_screening
from applications.services.transitions import CaseFinished, TransitionNotAllowed
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.factories import PASSWORD

S = Case.Status
FIRE_REASON = "The carport is open on three sides, so there is no fire documentation to give."


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def claimed_case():
    """A submitted case whose facades the applicant says are not relevant; the caseworker has not answered."""
    case = support.draft_with_checklist()
    support.upload(case, "site-plan")
    support.upload(case, "floor-plans")
    case_services.mark_not_relevant(case=case, requirement_code="facades", reason=FIRE_REASON, actor=case.applicant)
    return case_services.submit(case=case, actor=case.applicant)


def test_an_unanswered_claim_blocks_mark_complete(db, caseworker):
    case = claimed_case()
    with pytest.raises(handling.ClaimsUnanswered) as err:
        handling.mark_complete(case=case, actor=caseworker)
    assert isinstance(err.value, TransitionNotAllowed)
    assert "Facades" in str(err.value)
    case.refresh_from_db()
    assert case.status == S.SUBMITTED


def test_an_unanswered_claim_blocks_the_review_and_the_decision(db, caseworker):
    case = claimed_case()
    handling.decide_not_relevant_claim(case=case, requirement_code="facades", accept=True, actor=caseworker)
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    # The applicant claims another document is not relevant while the case is in review.
    case_services.mark_not_relevant(case=case, requirement_code="sections", reason=FIRE_REASON, actor=case.applicant)
    with pytest.raises(handling.ClaimsUnanswered, match="Sections"):
        decisions.record_decision(case=case, actor=caseworker, outcome="granted", reasons="Fine.")
    assert not Decision.objects.filter(case=case).exists()
    handling.decide_not_relevant_claim(case=case, requirement_code="sections", accept=False, actor=caseworker)
    decisions.record_decision(case=case, actor=caseworker, outcome="granted", reasons="Fine.")
    case.refresh_from_db()
    assert case.status == S.DECIDED


def test_an_unanswered_claim_blocks_review_straight_from_awaiting_information(db, caseworker):
    from applications.services import requests

    case = claimed_case()
    requests.open_information_request(case=case, items=["site-plan"], message="Show the boundary.",
                                      due_date=None, kind="documentation", actor=caseworker)
    with pytest.raises(handling.ClaimsUnanswered):
        handling.start_review(case=case, actor=caseworker)


def test_an_answered_or_uploaded_claim_does_not_block(db, caseworker):
    case = claimed_case()
    support.upload(case, "facades")  # the applicant sent it after all: nothing left to answer
    handling.mark_complete(case=case, actor=caseworker)
    case.refresh_from_db()
    assert case.status == S.COMPLETE


def test_the_api_answers_409_naming_the_claim(db, caseworker):
    from rest_framework.test import APIClient

    case = claimed_case()
    api = APIClient()
    api.force_authenticate(caseworker)
    response = api.post(f"/api/v1/cases/{case.reference}/mark-complete/", {}, format="json")
    assert response.status_code == 409
    assert "Facades" in response.json()["message"]


def test_the_workspace_says_which_claim_blocks_mark_complete(db, client, caseworker):
    case = claimed_case()
    client.login(email=caseworker.email, password=PASSWORD)
    page = client.post(reverse("applications:mark_complete", args=[case.reference]), follow=True).content.decode()
    assert "First accept or reject the applicant&#x27;s claim that this document is not relevant: Facades." in page
    case.refresh_from_db()
    assert case.status == S.SUBMITTED


def test_screening_lists_the_unanswered_claim(db, client, caseworker):
    case = claimed_case()
    run_screening(case_id=case.pk)
    client.login(email=caseworker.email, password=PASSWORD)
    page = client.get(reverse("applications:workspace", args=[case.reference])).content.decode()
    failed = page.split('class="mb-0 screening-failed"')[1].split("</ul>")[0]
    assert "Facades" in failed and "Marked not relevant: to be checked" in failed


def test_a_decided_case_offers_no_accept_or_reject(db, client, caseworker):
    case = claimed_case()
    handling.decide_not_relevant_claim(case=case, requirement_code="facades", accept=True, actor=caseworker)
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)
    decisions.record_decision(case=case, actor=caseworker, outcome="granted", reasons="Fine.")
    # A claim left pending on the item (as before this rule) must not offer buttons on a decided case.
    ChecklistItem.objects.filter(case=case, requirement__code="facades").update(not_relevant_claim="pending")
    client.login(email=caseworker.email, password=PASSWORD)
    page = client.get(reverse("applications:workspace", args=[case.reference])).content.decode()
    assert "Accept: not needed" not in page
    with pytest.raises(CaseFinished):
        handling.decide_not_relevant_claim(case=case, requirement_code="facades", accept=False, actor=caseworker)
    workspace = reverse("applications:workspace", args=[case.reference])
    response = client.post(reverse("applications:decide_claim", args=[case.reference, "facades"]),
                           {"decision": "reject"}, HTTP_REFERER=f"http://testserver{workspace}", follow=True)
    assert "so it can no longer be changed." in response.content.decode()
    assert ChecklistItem.objects.get(case=case, requirement__code="facades").not_relevant_claim == "pending"
