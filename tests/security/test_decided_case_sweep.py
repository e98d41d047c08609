"""Every state-changing endpoint on a decided (or withdrawn) case: 409, nothing changed (issue 14, item 12).

The sweep walks every URL that names a case and POSTs to it as the person it is for (the owner, a
caseworker), with a body that would succeed on an open case. The API answers 409 (405 where the
route only reads); an HTML page answers 409, or goes back with an error message. Nothing in the
case, its documents, checklist, timeline, representatives, requests or advisories changes. A new
route that names a case must be placed in one of the lists below, or the sweep fails.
"""

import datetime as dt

import pytest
from django.contrib.messages import ERROR
from django.urls import reverse
from django.utils import timezone

from applications.models import (
    Advisory,
    ApplicationType,
    Case,
    CaseEvent,
    CaseRepresentative,
    ChecklistItem,
    Document,
    InformationRequest,
    Mandate,
)
from applications.services import cases as case_services
from applications.services import decisions, handling
from applications.services.catalogue import load_catalogue
from hearings.models import Hearing, Party
from permitportal.accounts.services import issue_api_token
from tests.applications.factories import PropertyFactory
from tests.applications.files import corpus
from tests.security.conftest import submit_case, walk_patterns

# Routes that only read: a POST changes nothing (the snapshot below).
READ_ONLY = {
    "applications:document_download", "applications:case_detail", "applications:receipt",
    "applications:receipt_pdf", "applications:decision_pdf", "applications:workspace",
    "applications:document_preview", "dialogueteam:card", "api-case-detail", "api-case-receipt",
    "api-case-decision-pdf", "applications:occupancy_pdf", "api-case-occupancy-pdf",
    "hearings:detail", "hearings:attachment", "hearings:letter",
}
# A draft's own pages: a sent case has none, so they answer 404 as for any case that is no draft.
DRAFT_ONLY = {"applications:draft_edit", "applications:draft_documents", "applications:draft_check",
              "applications:draft_change_answers", "applications:draft_from_guide",
              "applications:assisted_send_link"}  # issue 20: the assisting staff member's link, for a draft
# Not changes to the case, so allowed after the decision, by design:
ALLOWED_AFTER_DECISION = {
    "applications:add_note",  # staff's internal notes are their own record, not the applicant's case
    "dialogueteam:ask",  # a question about the decision is exactly what a citizen may ask
    "dialogueteam:start_predialogue",  # a new pre-application meeting after a refusal (DESIGN.md)
    "applications:remove_representative",  # the owner may always take back someone's access to their case
    # What follows the decision (issue 18): appeals, start, completion, occupancy permit and BBR task, each
    # refused by its own table when the case is not in the state it needs (tests/applications/test_appeals*.py,
    # test_start_of_work.py, test_completion.py).
    "applications:appeal", "applications:appeal_letter", "applications:appeal_forwarded",
    "applications:appeal_outcome", "applications:report_start", "applications:report_completion",
    "applications:completion_finish", "applications:completion_return", "applications:bbr_updated",
    "api-case-appeals", "api-case-appeal-forwarded", "api-case-appeal-outcome", "api-case-start-notice",
    "api-case-completion", "api-case-completion-return", "api-case-occupancy-permit", "api-case-bbr-updated",
    "api-case-mandate",  # the owner may always revoke a mandate they gave
    # The documents at the start and at completion (issue 18): sent and checked only while the work is under way,
    # refused otherwise by their own service (tests/applications/test_stage_documents.py).
    "applications:stage_document_check", "applications:stage_document_send", "api-case-stage-documents",
    "api-case-stage-document-check",
}

OWNER, CASEWORKER = "owner", "caseworker"

# Routes that change a case, and who may use them on an open case.
STATE_CHANGING = {
    "applications:submit": OWNER, "applications:upload": OWNER, "applications:not_relevant": OWNER,
    "applications:invite_representative": OWNER, "applications:answer_request": OWNER,
    "dialogueteam:help_code_create": OWNER, "api-case-documents": OWNER, "api-case-not-relevant": OWNER,
    "api-case-submit": OWNER, "applications:request_mandate": OWNER, "api-case-mandates": OWNER,
    "applications:request_information": CASEWORKER, "applications:decide": CASEWORKER,
    "applications:case_assign": CASEWORKER, "applications:mark_complete": CASEWORKER,
    "applications:start_review": CASEWORKER, "applications:extend_deadline": CASEWORKER,
    "applications:change_type": CASEWORKER, "applications:case_withdraw": CASEWORKER,
    "applications:decide_claim": CASEWORKER, "api-case-assign": CASEWORKER,
    "api-case-information-requests": CASEWORKER, "api-case-mark-complete": CASEWORKER,
    "api-case-start-review": CASEWORKER, "api-case-extend-deadline": CASEWORKER, "api-case-decision": CASEWORKER,
    "api-case-change-type": CASEWORKER,
    "hearings:start": CASEWORKER, "hearings:close": CASEWORKER, "hearings:extend": CASEWORKER,
    "hearings:weigh": CASEWORKER, "api-case-hearings": CASEWORKER, "api-hearing-close": CASEWORKER,
    "api-hearing-extend": CASEWORKER,
    # Assisted digital (issue 20): refused for a case the dialogue team did not start, and once sent.
    "api-case-confirm": OWNER, "api-case-confirmation-link": OWNER,
}


def _future():
    return (timezone.localdate() + dt.timedelta(days=14)).isoformat()


def bodies(world):
    """What each state-changing route is sent: bodies that would succeed on an open case."""
    claim = world.claim_code
    other_type = world.other_type
    return {
        "applications:submit": [{}],
        "applications:upload": [lambda: {"file": corpus.good_pdf(), "requirement": claim}],
        "applications:not_relevant": [{"requirement": world.plain_code,
                                       "reason": "Not relevant for a carport of this size."},
                                      {"requirement": claim, "undo": "1"}],
        "applications:invite_representative": [{"email": "architect@example.com"}],
        "applications:answer_request": [{}],
        "dialogueteam:help_code_create": [{}],
        "applications:request_information": [{"items": [claim], "message": "Send the site plan.",
                                               "due_date": _future(), "kind": "documentation"}],
        "applications:decide": [{"outcome": "granted", "reasons": "It keeps the rules."}],
        "applications:case_assign": [{"to_me": "on"}],
        "applications:mark_complete": [{}],
        "applications:start_review": [{}],
        "applications:extend_deadline": [{"days": 7, "reason": "We must hear the neighbours."}],
        "applications:change_type": [{"application_type": other_type}],
        "applications:case_withdraw": [{"reason": "The applicant phoned on Monday."}],
        "applications:decide_claim": [{"decision": "accept"}],
        "api-case-documents": [lambda: {"file": corpus.good_pdf(), "requirement": claim}],
        "api-case-not-relevant": [{"reason": "Not relevant for a carport of this size."}],
        "api-case-submit": [{}],
        "applications:request_mandate": [{"scope": "case", "valid_until": _future()}],
        "api-case-mandates": [{"scope": "case", "valid_until": _future()}],
        "api-case-assign": [{"caseworker": world.caseworker.email}],
        "api-case-information-requests": [{"items": [claim], "message": "Send the site plan.",
                                            "due_date": _future()}],
        "api-case-mark-complete": [{}],
        "api-case-start-review": [{}],
        "api-case-extend-deadline": [{"days": 7, "reason": "We must hear the neighbours."}],
        "api-case-decision": [{"outcome": "granted", "reasons": "It keeps the rules."}],
        "api-case-change-type": [{"application_type": other_type}],
        "hearings:start": [{"kind": "neighbours", "message": "Please comment.", "parties": "Ada, ada@example.dk"}],
        "hearings:close": [{}],
        "hearings:extend": [{"deadline": _future(), "reason": "A neighbour asked for more time."}],
        "hearings:weigh": [{"text": "Within the local plan."}],
        "api-case-hearings": [{"kind": "neighbours", "message": "Please comment.",
                               "parties": [{"name": "Ada", "email": "ada@example.dk"}]}],
        "api-hearing-close": [{}],
        "api-hearing-extend": [{"deadline": _future(), "reason": "A neighbour asked for more time."}],
        "api-case-confirm": [{}],
        "api-case-confirmation-link": [{}],
    }


def case_routes():
    return sorted({(name, route) for name, route, pattern in walk_patterns()
                   if "reference" in pattern.pattern.regex.groupindex and not route.startswith("admin/")})


class World:
    pass


@pytest.fixture(params=["decided", "withdrawn"])
def finished(request, db, applicant, caseworker):
    load_catalogue()
    small = ApplicationType.objects.get(code="small-building")
    case = case_services.create_draft(applicant=applicant, property=PropertyFactory(), application_type=small)
    submit_case(case, applicant)  # marks the required documents not relevant: pending claims
    if request.param == "decided":
        # The claims must be answered before completion (issue 15, item 1).
        for item in handling.unanswered_claims(case=case):
            handling.decide_not_relevant_claim(case=case, requirement_code=item.requirement.code, accept=True,
                                               actor=caseworker)
        handling.mark_complete(case=case, actor=caseworker)
        handling.start_review(case=case, actor=caseworker)
        decisions.record_decision(case=case, outcome="granted", reasons="It keeps the rules.", actor=caseworker)
    else:
        handling.withdraw(case=case, actor=applicant)
    case.refresh_from_db()
    world = World()
    world.case, world.applicant, world.caseworker = case, applicant, caseworker
    items = list(ChecklistItem.objects.filter(case=case, is_active=True).select_related("requirement"))
    world.claim_code = next(i.requirement.code for i in items if i.not_relevant_reason)
    world.plain_code = next((i.requirement.code for i in items if not i.not_relevant_reason), world.claim_code)
    world.other_type = ApplicationType.objects.exclude(pk=small.pk).filter(is_active=True).first().code
    world.document = Document.objects.create(case=case, original_name="old.pdf", size=1, kind="pdf", sha256="0")
    world.hearing = Hearing.objects.create(case=case, kind="neighbours", message="Please comment.",
                                           deadline=timezone.localdate() + dt.timedelta(days=7))
    world.party = Party.objects.create(hearing=world.hearing, name="Ada", email="ada@example.dk")
    return world


def snapshot(case):
    def rows(model, **filters):
        return sorted(model.objects.filter(**filters).values_list(), key=repr)

    return {"case": Case.objects.filter(pk=case.pk).values().get(),
            "documents": rows(Document, case=case), "checklist": rows(ChecklistItem, case=case),
            "events": rows(CaseEvent, case=case), "representatives": rows(CaseRepresentative, case=case),
            "requests": rows(InformationRequest, case=case), "advisories": rows(Advisory, case=case),
            "hearings": rows(Hearing, case=case), "parties": rows(Party, hearing__case=case),
            "mandates": rows(Mandate, case=case)}


def _url(name, route, world):
    kwargs = {"reference": world.case.reference}
    if "<slug:code>" in route:
        kwargs["code"] = world.claim_code
    if "<int:pk>" in route:
        kwargs["pk"] = world.document.pk
    if "<int:hearing_id>" in route:
        kwargs["hearing_id"] = world.hearing.pk
    if "<int:party_id>" in route:
        kwargs["party_id"] = world.party.pk
    if "<int:mandate_id>" in route:
        kwargs["mandate_id"] = 1
    return reverse(name, kwargs=kwargs)


def test_every_route_that_names_a_case_is_placed():
    known = READ_ONLY | DRAFT_ONLY | ALLOWED_AFTER_DECISION | set(STATE_CHANGING)
    unplaced = [name for name, _ in case_routes() if name not in known]
    assert not unplaced, f"place these routes in the decided-case sweep: {unplaced}"


def test_a_finished_case_refuses_every_change(client, finished):
    world = finished
    token = {OWNER: issue_api_token(user=world.applicant)[0],
             CASEWORKER: issue_api_token(user=world.caseworker)[0]}
    before = snapshot(world.case)
    wrong = []
    table = bodies(world)
    assert set(table) == set(STATE_CHANGING)
    for name, route in case_routes():
        url = _url(name, route, world)
        is_api = route.startswith("api/")
        if name in READ_ONLY or name in DRAFT_ONLY:
            client.force_login(world.applicant if not route.startswith("work/") else world.caseworker)
            got = client.post(url).status_code
            if got >= 500 or (name in DRAFT_ONLY and got != 404):
                wrong.append(f"POST {url} -> {got}")
            continue
        if name in ALLOWED_AFTER_DECISION:
            continue
        who, sends = STATE_CHANGING[name], table[name]
        user = world.applicant if who == OWNER else world.caseworker
        for body in sends:
            data = body() if callable(body) else body
            if is_api:
                client.logout()
                multipart = "file" in data
                response = client.post(url, data, HTTP_AUTHORIZATION=f"Token {token[who]}",
                                       **({} if multipart else {"content_type": "application/json"}))
                if response.status_code != 409:
                    wrong.append(f"POST {url} {sorted(data)} -> {response.status_code}: {response.content[:200]}")
                continue
            client.force_login(user)
            response = client.post(url, data)
            errors = [m for m in response.wsgi_request._messages if m.level == ERROR]
            refused = response.status_code == 409 or (response.status_code in (302, 303) and errors)
            if not refused:
                wrong.append(f"POST {url} {sorted(data)} -> {response.status_code} without an error message")
    assert not wrong, "\n".join(wrong)
    assert snapshot(world.case) == before


@pytest.mark.parametrize("as_api", [False, True], ids=["html", "api"])
def test_the_defects_found(client, finished, as_api):
    """The four found when the portal was probed: an upload (201), withdrawing a "not relevant" claim,
    and extend-deadline, change-type and not-relevant answering 400; now each is refused with 409."""
    world = finished
    if as_api:
        owner = {"HTTP_AUTHORIZATION": f"Token {issue_api_token(user=world.applicant)[0]}"}
        staff = {"HTTP_AUTHORIZATION": f"Token {issue_api_token(user=world.caseworker)[0]}"}
        base = f"/api/v1/cases/{world.case.reference}/"
        answers = [
            client.post(base + "documents/", {"file": corpus.good_pdf()}, **owner),
            client.post(base + f"requirements/{world.plain_code}/not-relevant/",
                        {"reason": "Not relevant for a carport of this size."}, content_type="application/json",
                        **owner),
            client.post(base + "extend-deadline/", {"days": 7, "reason": "Neighbours."},
                        content_type="application/json", **staff),
            client.post(base + "change-type/", {"application_type": world.other_type},
                        content_type="application/json", **staff),
        ]
        assert [r.status_code for r in answers] == [409] * 4
        assert {r.json()["code"] for r in answers} == {"case_finished"}
    else:
        client.force_login(world.applicant)
        answer = client.post(reverse("applications:not_relevant", args=[world.case.reference]),
                             {"requirement": world.claim_code, "undo": "1"})
        assert answer.status_code == 409
        assert ChecklistItem.objects.get(case=world.case, requirement__code=world.claim_code).not_relevant_reason
        upload = client.post(reverse("applications:upload", args=[world.case.reference]),
                             {"file": corpus.good_pdf()}, HTTP_REFERER=f"http://testserver/cases/{world.case.reference}/")
        assert upload.status_code == 303
        assert [str(m) for m in upload.wsgi_request._messages] == [
            f"The case is “{Case.Status(world.case.status).label}”, so it can no longer be changed."]
    assert Document.objects.filter(case=world.case).count() == 1
