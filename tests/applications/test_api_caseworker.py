"""The caseworker API: every endpoint, 409 for a transition the table does not allow, 403 for
applicants on their own case and 404 on anybody else's."""

import datetime as dt

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from applications import hooks
from applications.models import Advisory, Case, InformationRequest
from applications.services import decisions, handling
from applications.services.advisories import raise_advisory
from applications.services.screening import run_screening
from applications.services.transitions import transition
from permitportal.core.models import AuditEntry
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.factories import UserFactory

S = Case.Status


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def url(case, action):
    return f"/api/v1/cases/{case.reference}/{action}"


@pytest.fixture
def case(db):
    case = support.submitted_case()
    run_screening(case_id=case.pk)
    return case


@pytest.fixture
def cw(caseworker):
    return api(caseworker)


def in_review(case, caseworker):
    handling.mark_complete(case=case, actor=caseworker)
    handling.start_review(case=case, actor=caseworker)


POSTS = [
    ("assign/", {"caseworker": "someone@example.dk"}),
    ("information-requests/", {"items": ["site-plan"], "message": "Send it", "kind": "documentation"}),
    ("mark-complete/", {}),
    ("start-review/", {}),
    ("extend-deadline/", {"days": 5, "reason": "Hearing"}),
    ("decision/", {"outcome": "granted", "reasons": "Fine."}),
    ("change-type/", {"application_type": "cw-house"}),
]


@pytest.mark.parametrize(("action", "body"), POSTS)
def test_applicants_get_403_on_their_own_case_and_404_on_others(case, other_applicant, dialogue_member, action,
                                                               body):
    response = api(case.applicant).post(url(case, action), body, format="json")
    assert response.status_code == 403
    assert response.json()["message"]
    assert api(other_applicant).post(url(case, action), body, format="json").status_code == 404
    assert api(dialogue_member).post(url(case, action), body, format="json").status_code == 403
    assert api().post(url(case, action), body, format="json").status_code in (401, 403)
    case.refresh_from_db()
    assert case.status == S.SUBMITTED and case.caseworker is None


def test_assign_by_email(case, cw, caseworker):
    colleague = UserFactory(role="caseworker", email="ole@kk.example.dk")
    response = cw.post(url(case, "assign/"), {"caseworker": "OLE@kk.example.dk"}, format="json")
    assert response.status_code == 200
    assert response.json()["caseworker"]["email"] == colleague.email
    response = cw.post(url(case, "assign/"), {"caseworker": "nobody@example.dk"}, format="json")
    assert response.status_code == 400
    assert response.json()["message"] == "caseworker: Nobody has the e-mail address nobody@example.dk."
    response = cw.post(url(case, "assign/"), {"caseworker": case.applicant.email}, format="json")
    assert response.status_code == 400 and "is not a caseworker" in response.json()["message"]
    response = cw.post(url(case, "assign/"), {"caseworker": "not an address"}, format="json")
    assert response.status_code == 400 and "caseworker" in response.json()["errors"]


def test_information_request(case, cw):
    due = (timezone.localdate() + dt.timedelta(days=10)).isoformat()
    response = cw.post(url(case, "information-requests/"),
                       {"items": ["site-plan", "sections"], "message": "Please send both.", "due_date": due,
                        "kind": "deficiency_pausing"}, format="json")
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "awaiting_information" and data["waiting_for"] == "applicant"
    assert sorted(data["information_request"]["items"]) == ["sections", "site-plan"]
    assert data["information_request"]["due_date"] == due
    assert data["clock"]["state"] == "paused"
    # An open request: the table does not allow another one.
    response = cw.post(url(case, "information-requests/"), {"message": "More"}, format="json")
    assert response.status_code == 409
    assert "cannot become “Awaiting information”" in response.json()["message"]


def test_information_request_validation(case, cw):
    response = cw.post(url(case, "information-requests/"), {"items": [], "message": ""}, format="json")
    assert response.status_code == 400
    assert response.json()["message"] == "Say what you need: pick documents from the list or write a message."
    response = cw.post(url(case, "information-requests/"), {"message": "x", "kind": "letter"}, format="json")
    assert response.status_code == 400 and "kind" in response.json()["errors"]
    response = cw.post(url(case, "information-requests/"), {"message": "x", "due_date": "2020-01-01"}, format="json")
    assert response.status_code == 400 and response.json()["message"] == "The due date must be after today."
    assert InformationRequest.objects.filter(case=case, state="open").count() == 0


def test_information_request_continuity_warnings(case, cw, monkeypatch):
    monkeypatch.setattr(hooks, "continuity_checkers", [lambda c, codes: ["The minutes did not promise sections."]])
    body = {"items": ["sections"], "message": "", "acknowledge_warnings": False}
    response = cw.post(url(case, "information-requests/"), body, format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "continuity_warning"
    assert response.json()["warnings"] == ["The minutes did not promise sections."]
    response = cw.post(url(case, "information-requests/"), {**body, "acknowledge_warnings": True}, format="json")
    assert response.status_code == 201 and response.json()["information_request"]["continuity_warning"] is True


def test_mark_complete_and_start_review(case, cw, caseworker):
    response = cw.post(url(case, "start-review/"), {}, format="json")
    assert response.status_code == 409
    response = cw.post(url(case, "mark-complete/"), {}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "complete"
    assert cw.post(url(case, "mark-complete/"), {}, format="json").status_code == 409
    response = cw.post(url(case, "start-review/"), {}, format="json")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "in_review" and data["caseworker"]["email"] == caseworker.email


def test_mark_complete_with_a_missing_document_is_400(case, cw):
    from applications.models import ChecklistItem

    ChecklistItem.objects.filter(case=case, requirement__code="sections").update(required=True)
    response = cw.post(url(case, "mark-complete/"), {}, format="json")
    assert response.status_code == 400
    assert response.json()["message"] == "1 required documents are still missing. Request them first."


def test_extend_deadline(case, cw):
    before = case.expected_decision_date
    response = cw.post(url(case, "extend-deadline/"), {"days": 7, "reason": "We must hear the neighbours."},
                       format="json")
    assert response.status_code == 200
    assert response.json()["expected_decision_date"] == (before + dt.timedelta(days=7)).isoformat()
    assert "We must hear the neighbours." in response.json()["timeline"][-1]["text"]
    response = cw.post(url(case, "extend-deadline/"), {"days": 0, "reason": ""}, format="json")
    assert response.status_code == 400 and set(response.json()["errors"]) == {"days", "reason"}
    transition(case=case, to=S.WITHDRAWN)
    response = cw.post(url(case, "extend-deadline/"), {"days": 3, "reason": "x"}, format="json")
    assert response.status_code == 409  # a finished case: not allowed (issue 14, item 12)
    assert response.json()["message"] == "The case is “Withdrawn”, so it can no longer be changed."


def test_decision(case, cw, caseworker, django_capture_on_commit_callbacks):
    body = {"outcome": "refused", "reasons": "Too high.", "conditions": "", "guidance": ""}
    assert cw.post(url(case, "decision/"), {**body, "guidance": "Lower it."}, format="json").status_code == 409
    in_review(case, caseworker)
    response = cw.post(url(case, "decision/"), body, format="json")
    assert response.status_code == 400
    assert response.json()["message"] == ("A refusal must say concretely what the applicant could change to get a "
                                          "permit.")
    with django_capture_on_commit_callbacks(execute=True):
        response = cw.post(url(case, "decision/"), {**body, "guidance": "Lower the roof to 3.5 m."}, format="json")
    assert response.status_code == 201
    decision = response.json()["decision"]
    assert decision["outcome"] == "refused" and decision["guidance"] == "Lower the roof to 3.5 m."
    assert decision["decided_at"]
    detail = cw.get(f"/api/v1/cases/{case.reference}/").json()
    assert detail["status"] == "decided"
    assert detail["decision"]["letter_url"] == f"/api/v1/cases/{case.reference}/decision.pdf"
    assert cw.post(url(case, "decision/"), {**body, "guidance": "x"}, format="json").status_code == 409


def test_change_type(case, cw):
    shed = support.application_type("cw-shed3", target=14)
    shed.rules.filter(requirement__code="facades").delete()
    response = cw.post(url(case, "change-type/"), {"application_type": "cw-shed3"}, format="json")
    assert response.status_code == 200
    data = response.json()
    assert data["application_type"] == "cw-shed3"
    assert data["changes"]["removed"] == ["facades"]
    assert "facades" not in [item["requirement"] for item in data["checklist"]]
    response = cw.post(url(case, "change-type/"), {"application_type": "cw-shed3"}, format="json")
    assert response.status_code == 400 and response.json()["message"] == "The case already has this type."
    response = cw.post(url(case, "change-type/"), {"application_type": "no-such-type"}, format="json")
    assert response.status_code == 400 and "Unknown application type" in response.json()["message"]


def test_decision_pdf(case, caseworker, other_applicant, django_capture_on_commit_callbacks):
    path = f"/api/v1/cases/{case.reference}/decision.pdf"
    assert api(case.applicant).get(path).status_code == 404  # no decision yet
    in_review(case, caseworker)
    with django_capture_on_commit_callbacks(execute=True):
        decisions.record_decision(case=case, actor=caseworker, outcome="granted", reasons="Fine.")
    response = api(case.applicant).get(path)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert api(other_applicant).get(path).status_code == 404
    assert not AuditEntry.objects.filter(action="read_decision_letter").exists()
    assert api(caseworker).get(path).status_code == 200
    assert AuditEntry.objects.filter(action="read_decision_letter", actor=caseworker).count() == 1


def test_staff_see_the_screening_applicants_do_not(case, cw):
    staff = cw.get(f"/api/v1/cases/{case.reference}/").json()
    assert staff["screening"]["summary"] == "4 of 4 checks fine"
    assert {"requirement": "site-plan", "field": None, "result": "ok", "message": ""} in staff["screening"]["items"]
    assert staff["screening"]["checked_at"]
    assert staff["decision"] is None
    own = api(case.applicant).get(f"/api/v1/cases/{case.reference}/").json()
    assert "screening" not in own


def test_advisories(case, caseworker, applicant, django_assert_max_num_queries):
    cw = api(caseworker)
    theirs = raise_advisory(kind=Advisory.Kind.SUPPLEMENTARY_MATERIAL, case=case,
                            recipient=UserFactory(role="caseworker"), params={"name": "x.pdf"})
    for n in range(5):
        raise_advisory(kind=Advisory.Kind.SUPPLEMENTARY_MATERIAL, case=case, recipient=caseworker,
                       params={"name": f"{n}.pdf"})
    with django_assert_max_num_queries(6):
        response = cw.get("/api/v1/advisories/")
    data = response.json()
    assert response.status_code == 200
    assert data["unread_count"] == 6  # five of mine and the triage queue's "case screened"
    first = data["results"][0]
    assert set(first) == {"id", "kind", "case", "message", "created_at", "read_at"}
    assert first["case"] == case.reference and first["message"].startswith(f"New material on {case.reference}")
    assert theirs.pk not in [a["id"] for a in data["results"]]
    response = cw.post(f"/api/v1/advisories/{first['id']}/read/")
    assert response.status_code == 200 and response.json()["read_at"]
    assert len(cw.get("/api/v1/advisories/?unread=true").json()["results"]) == 5
    assert cw.post(f"/api/v1/advisories/{theirs.pk}/read/").status_code == 404
    assert api(applicant).get("/api/v1/advisories/").status_code == 403
    assert api(applicant).post(f"/api/v1/advisories/{first['id']}/read/").status_code == 403


def test_the_schema_documents_the_caseworker_endpoints(client, db):
    schema = client.get("/api/schema/?format=json").json()
    for path in ("/api/v1/cases/{reference}/assign/", "/api/v1/cases/{reference}/information-requests/",
                 "/api/v1/cases/{reference}/mark-complete/", "/api/v1/cases/{reference}/start-review/",
                 "/api/v1/cases/{reference}/extend-deadline/", "/api/v1/cases/{reference}/decision/",
                 "/api/v1/cases/{reference}/change-type/", "/api/v1/cases/{reference}/decision.pdf",
                 "/api/v1/advisories/", "/api/v1/advisories/{id}/read/"):
        assert path in schema["paths"], path
    assert "409" in schema["paths"]["/api/v1/cases/{reference}/mark-complete/"]["post"]["responses"]
