"""Advisories: kinds, dedupe, the at-risk and overdue sweeps, the daily digest, the inbox and its count."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from applications.models import Advisory, Case, InformationRequest
from applications.selectors.advisories import advisory_text, inbox_for_display, inbox_queryset, unread_count
from applications.selectors.status import readers_params
from applications.services import handling, requests
from applications.services.advisories import (
    mark_all_read,
    mark_read,
    raise_advisory,
    send_daily_digests,
    sweep_overdue_requests,
    sweep_targets_at_risk,
)
from applications.services.cases import extend_deadline
from applications.tasks import send_advisory_digests, sweep_advisories
from tests.applications import caseworker_support as support
from tests.applications.files.storage import private_storage  # noqa: F401  (fixture)
from tests.factories import PASSWORD, UserFactory

K = Advisory.Kind


@pytest.fixture(autouse=True)
def _own_file_folder(private_storage):  # noqa: F811  (each test stores its documents in its own folder)
    return private_storage


@pytest.fixture
def case(db):
    return support.submitted_case()


PARAMS = {
    K.CASE_SCREENED: {"ok": 7, "total": 9},
    K.SUPPLEMENTARY_MATERIAL: {"name": "site-plan.pdf"},
    K.TARGET_AT_RISK: {"date": "2026-05-01"},
    K.REQUEST_OVERDUE: {"due": "2026-04-01"},
    K.FORWARDED_QUESTION: {"question": "When will the case be decided?"},
    K.MINUTES_LINKED: {},
    K.SCREENING_DUE: {"date": "2026-03-09"},
    K.APPEAL_LODGED: {},
    K.COMPLETION_REPORTED: {},
    K.HEARING_READY: {},
}


@pytest.mark.parametrize("kind", K.values)
def test_every_kind_reads_as_a_sentence_with_the_reference(case, kind):
    advisory = raise_advisory(kind=kind, case=case, params=PARAMS[kind])
    text = advisory_text(advisory)
    assert case.reference in text
    assert "%(" not in text
    for value in readers_params(PARAMS[kind]).values():  # days written out: "1 May 2026"
        assert str(value) in text


def test_an_advisory_writes_its_day_out_in_the_readers_language(case):
    from django.utils import translation

    advisory = raise_advisory(kind=K.TARGET_AT_RISK, case=case, params={"date": "2026-05-01"})
    with translation.override("en"):
        assert advisory_text(advisory).endswith("expected decision date 1 May 2026.")
    with translation.override("da"):
        assert "1. maj 2026" in advisory_text(advisory)  # the ordinal dot


def test_the_recipient_is_the_assigned_caseworker_or_the_triage_queue(case, caseworker):
    to_triage = raise_advisory(kind=K.CASE_SCREENED, case=case, params={"ok": 1, "total": 1})
    assert to_triage.recipient is None
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    assert raise_advisory(kind=K.CASE_SCREENED, case=case, params={"ok": 1, "total": 1}).recipient == caseworker


def test_a_dedupe_key_raises_an_advisory_once(case):
    first = raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, dedupe_key="doc:1", params={"name": "a.pdf"})
    second = raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, dedupe_key="doc:1", params={"name": "a.pdf"})
    assert first is not None and second is None
    assert Advisory.objects.filter(dedupe_key="doc:1").count() == 1
    assert raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, params={"name": "b.pdf"}) is not None


# --- Sweeps -----------------------------------------------------------------------------------

def test_at_risk_sweep_advises_once_per_expected_date(case, caseworker, settings):
    settings.TARGET_AT_RISK_DAYS = 5
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    expected = case.expected_decision_date
    far = support.submitted_case()  # same date, but we look from further away below
    Case.objects.filter(pk=far.pk).update(expected_decision_date=expected + dt.timedelta(days=30))
    paused = support.submitted_case()
    requests.open_information_request(case=paused, items=["sections"], message="", due_date=None,
                                      kind="documentation", actor=caseworker)
    Case.objects.filter(pk=paused.pk).update(expected_decision_date=expected)

    assert sweep_targets_at_risk(today=expected - dt.timedelta(days=6)) == 0
    assert sweep_targets_at_risk(today=expected - dt.timedelta(days=5)) == 1
    advisory = Advisory.objects.get(kind=K.TARGET_AT_RISK)
    assert advisory.case == case and advisory.recipient == caseworker
    assert date_format(expected, "j F Y") in advisory_text(advisory)  # the day, written out
    assert sweep_targets_at_risk(today=expected - dt.timedelta(days=2)) == 0  # once per date
    # An extension moves the date; when the new date comes near, the caseworker is told again.
    extend_deadline(case=case, days=3, reason="Neighbour hearing", actor=caseworker)
    assert sweep_targets_at_risk(today=expected) == 1
    assert Advisory.objects.filter(kind=K.TARGET_AT_RISK, case=paused).count() == 0
    assert Advisory.objects.filter(kind=K.TARGET_AT_RISK, case=far).count() == 0


def test_overdue_sweep_advises_once_per_request(case, caseworker):
    handling.assign(case=case, caseworker=caseworker, actor=caseworker)
    due = timezone.localdate() + dt.timedelta(days=3)
    request = requests.open_information_request(case=case, items=["sections"], message="", due_date=due,
                                                kind="documentation", actor=caseworker)
    assert sweep_overdue_requests(today=due) == 0
    assert sweep_overdue_requests(today=due + dt.timedelta(days=1)) == 1
    assert sweep_overdue_requests(today=due + dt.timedelta(days=2)) == 0
    request.refresh_from_db()
    assert request.overdue_advised_at is not None
    advisory = Advisory.objects.get(kind=K.REQUEST_OVERDUE)
    assert advisory.recipient == caseworker and date_format(due, "j F Y") in advisory_text(advisory)


def test_the_sweep_task_runs_both_sweeps(case, caseworker):
    InformationRequest.objects.create(case=case, state="open", due_date=dt.date(2020, 1, 1),
                                      sent_at=timezone.now())
    result = sweep_advisories.delay().get()
    assert result["overdue"] == 1
    assert Advisory.objects.filter(kind=K.REQUEST_OVERDUE).count() == 1


# --- Digest -----------------------------------------------------------------------------------

def test_the_daily_digest_lists_unread_advisories_in_the_readers_language(case):
    danish = UserFactory(role="caseworker", preferred_language="da")
    quiet = UserFactory(role="caseworker", notify_by_email=False)
    handling.assign(case=case, caseworker=danish, actor=danish)
    raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, params={"name": "facade.pdf"})
    read = raise_advisory(kind=K.CASE_SCREENED, case=case, params={"ok": 3, "total": 4})
    mark_read(advisory=read, user=danish)
    mail.outbox.clear()
    assert send_daily_digests() == 1
    message = mail.outbox[0]
    assert message.to == [danish.email]
    assert quiet.email not in {addr for m in mail.outbox for addr in m.to}
    assert "facade.pdf" in message.body and case.reference in message.body
    assert "3 af 4" not in message.body and "3 of 4" not in message.body  # read ones are not repeated
    assert "Nyt materiale" in message.body  # the advisory text itself is in Danish
    assert "/work/advisories/" in message.body
    # Nothing unread: no e-mail.
    mark_all_read(user=danish)
    mail.outbox.clear()
    assert send_advisory_digests.delay().get() == 0
    assert mail.outbox == []


# --- Inbox and unread count ------------------------------------------------------------------------

def test_the_inbox_holds_own_and_triage_advisories_unread_first(case, caseworker):
    other = UserFactory(role="caseworker")
    mine = raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, recipient=caseworker, params={"name": "x.pdf"})
    triage = raise_advisory(kind=K.CASE_SCREENED, case=case, params={"ok": 1, "total": 2})
    theirs = raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, recipient=other, params={"name": "y.pdf"})
    assert set(inbox_queryset(user=caseworker)) == {mine, triage}
    assert unread_count(user=caseworker) == 2
    mark_read(advisory=triage, user=caseworker)
    newest = raise_advisory(kind=K.MINUTES_LINKED, case=case, recipient=caseworker)
    assert [a["id"] for a in inbox_for_display(user=caseworker)] == [newest.pk, mine.pk, triage.pk]
    assert unread_count(user=caseworker) == 2
    assert mark_all_read(user=caseworker) == 2
    assert unread_count(user=caseworker) == 0
    theirs.refresh_from_db()
    assert theirs.read_at is None  # someone else's inbox is untouched


def test_applicants_have_no_inbox(case, applicant):
    raise_advisory(kind=K.CASE_SCREENED, case=case, params={"ok": 1, "total": 1})
    assert unread_count(user=applicant) == 0
    assert inbox_for_display(user=applicant) == []


def test_the_header_links_to_the_inbox_with_the_unread_count(case, caseworker, client):
    raise_advisory(kind=K.CASE_SCREENED, case=case, params={"ok": 1, "total": 2})
    raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, recipient=caseworker, params={"name": "z.pdf"})
    client.login(email=caseworker.email, password=PASSWORD)
    html = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("applications:advisories")}"' in html
    assert '2<span class="visually-hidden"> unread</span>' in html
    assert f'href="{reverse("applications:queue")}"' in html


def test_the_inbox_page_marks_one_and_all_read(case, caseworker, client, django_assert_max_num_queries):
    client.login(email=caseworker.email, password=PASSWORD)
    first = raise_advisory(kind=K.CASE_SCREENED, case=case, params={"ok": 1, "total": 2})
    for n in range(10):
        raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, recipient=caseworker, params={"name": f"{n}.pdf"})
    with django_assert_max_num_queries(12):
        response = client.get(reverse("applications:advisories"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "was screened: 1 of 2 checks fine" in html and "9.pdf" in html
    response = client.post(reverse("applications:advisory_read", args=[first.pk]))
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.read_at and first.read_by == caseworker
    response = client.post(reverse("applications:advisory_read", args=[first.pk]), {"open": "1"})
    assert response["Location"] == reverse("applications:workspace", args=[case.reference])
    client.post(reverse("applications:advisories_read_all"))
    assert unread_count(user=caseworker) == 0


def test_someone_elses_advisory_cannot_be_marked_read(case, caseworker, client):
    other = UserFactory(role="caseworker")
    theirs = raise_advisory(kind=K.SUPPLEMENTARY_MATERIAL, case=case, recipient=other, params={"name": "y.pdf"})
    client.login(email=caseworker.email, password=PASSWORD)
    assert client.post(reverse("applications:advisory_read", args=[theirs.pk])).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_inbox_is_for_caseworkers_only(client, applicant, dialogue_member):
    url = reverse("applications:advisories")
    assert client.get(url).status_code == 302  # anonymous: to the login page
    client.login(email=applicant.email, password=PASSWORD)
    assert client.get(url).status_code == 403
    client.login(email=dialogue_member.email, password=PASSWORD)
    assert client.get(url).status_code == 403
