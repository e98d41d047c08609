"""GET /api/v1/lookup/?q= : the fields of the contract, who may call it, and bounded queries."""

import pytest

from permitportal.core.models import AuditEntry

FIELDS = {"reference", "address", "applicant_name", "status", "status_text", "expected_decision_date", "on_track",
          "waiting_for", "caseworker"}


def test_lookup_returns_the_contract_fields(api_for, make_case, caseworker):
    case = make_case(status="complete", address="Ørstedsvej 5", name="Ærlige Åge", caseworker=caseworker)
    response = api_for(caseworker).get("/api/v1/lookup/", {"q": "ØRSTEDSVEJ"})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "ørstedsvej" and body["more"] is False
    [result] = body["results"]
    assert set(result) == FIELDS
    assert result["reference"] == case.reference
    assert result["address"] == "Ørstedsvej 5, 2200 København N"
    assert result["applicant_name"] == "Ærlige Åge"
    assert result["status"] == "complete" and result["waiting_for"] == "municipality"
    assert result["expected_decision_date"] == case.expected_decision_date.isoformat()
    assert result["on_track"] is True
    assert result["caseworker"] == {"name": caseworker.get_full_name(), "email": caseworker.email,
                                    "phone": caseworker.phone}
    assert AuditEntry.objects.filter(action="case_lookup", actor=caseworker, detail__contains=case.reference).exists()


def test_short_query_gets_400_with_a_message(api_for, dialogue_member):
    response = api_for(dialogue_member).get("/api/v1/lookup/", {"q": "æø"})
    assert response.status_code == 400
    assert "at least three letters" in response.json()["message"]


def test_anonymous_gets_401_or_403(client, db):
    assert client.get("/api/v1/lookup/", {"q": "vej"}).status_code in (401, 403)


@pytest.mark.parametrize("rows", [1, 10])
def test_lookup_api_queries_are_bounded(api_for, make_case, dialogue_member, caseworker, rows,
                                        django_assert_max_num_queries):
    for n in range(rows):
        make_case(address=f"Blegdamsvej {n + 1}", caseworker=caseworker if n % 2 else None)
    api = api_for(dialogue_member)
    with django_assert_max_num_queries(3):  # roles, the search, the read log
        response = api.get("/api/v1/lookup/", {"q": "blegdamsvej"})
    assert len(response.json()["results"]) == rows
