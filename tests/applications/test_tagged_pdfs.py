"""Letters and receipts are tagged PDFs (PDF/UA-1): screen readers follow them as they follow the pages."""

from django.core import mail

from applications.services import decisions, handling
from applications.services.receipts import render_receipt_pdf
from tests.applications import caseworker_support as support
from tests.applications.pdfs import assert_tagged
from tests.factories import UserFactory


def test_the_receipt_is_tagged(db):
    case = support.submitted_case()
    assert_tagged(render_receipt_pdf(case=case, language="da"), language="da")
    assert_tagged(render_receipt_pdf(case=case, language="en"), language="en",
                  title=f"Receipt for your application {case.reference}")


def test_the_decision_letter_is_tagged(db, django_capture_on_commit_callbacks):
    case = support.submitted_case(applicant=UserFactory(role="applicant", preferred_language="da"))
    worker = UserFactory(role="caseworker")
    handling.mark_complete(case=case, actor=worker)
    handling.start_review(case=case, actor=worker)
    case.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        decision = decisions.record_decision(case=case, actor=worker, outcome="granted",
                                             reasons="Projektet følger lokalplanen.")
    assert mail.outbox
    assert_tagged(decisions.render_letter(decision=decision), language="da",
                  title=f"Afgørelse om ansøgning {case.reference}")
