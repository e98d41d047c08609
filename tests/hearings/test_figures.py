"""The dashboard's hearing figures: the hearings' share of the decided cases' processing time, and the
answer rate."""

import datetime as dt

from django.utils import timezone

from applications.models import Municipality
from applications.services import decisions
from hearings.figures import figures
from hearings.services import answers
from satisfaction.selectors import Period


def test_share_of_processing_time_and_answer_rate(hearing, caseworker, manager, client,
                                                  django_assert_max_num_queries):
    ada = hearing.parties.get(email="ada@example.dk")
    answers.answer(party=ada, comment="No.")
    decisions.record_decision(case=hearing.case, outcome="granted", reasons="Fine.", actor=caseworker)
    case = hearing.case
    case.refresh_from_db()
    today = timezone.localdate()
    period = Period(start=today - dt.timedelta(days=30), end=today)
    with django_assert_max_num_queries(3):
        found = figures(period=period, municipalities=[case.property.municipality_id])
    processing = (case.decided_at - case.submitted_at).total_seconds()
    in_hearing = (case.decided_at - hearing.created_at).total_seconds()
    assert found["decided_cases"] == 1 and found["cases_with_hearing"] == 1
    assert found["hearing_share"] == round(in_hearing / processing, 4)
    assert (found["invited"], found["answered"], found["answer_rate"]) == (2, 1, 0.5)
    other = Municipality.objects.create(code="0147", name="Frederiksberg")
    elsewhere = figures(period=period, municipalities=[other.pk])  # issue 19: not another municipality's
    assert (elsewhere["decided_cases"], elsewhere["invited"], elsewhere["answer_rate"]) == (0, 0, None)
    client.force_login(manager)
    page = client.get("/satisfaction/dashboard/").content.decode()
    assert "Parties who answered" in page and "50 % (1 / 2)" in page
