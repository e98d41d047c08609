"""Into the decision: the decision screen lists every answer and takes the weighing of each objection,
the letter carries it, and the parties who objected get the decision with the appeal guidance."""

from django.core import mail

from applications.models import Decision
from applications.services import decisions
from hearings.services import answers, hearings
from tests.applications.pdfs import pdf_text


def _answered(hearing):
    ada, bo = hearing.parties.order_by("id")
    answers.answer(party=ada, comment="The extension takes the evening sun from my garden.")
    answers.answer(party=bo, no_objection=True)
    return ada, bo


def test_the_decision_screen_lists_every_answer(client, hearing, caseworker, django_assert_max_num_queries):
    ada, bo = _answered(hearing)
    client.force_login(caseworker)
    with django_assert_max_num_queries(16):
        page = client.get(f"/work/cases/{hearing.case.reference}/decision/")
    text = page.content.decode()
    assert "Answers from the hearings" in text and "evening sun" in text and bo.name in text
    answer = client.post(f"/hearings/cases/{hearing.case.reference}/{hearing.pk}/parties/{ada.pk}/weigh/",
                         {"text": "The shadow falls on the garden for under an hour in summer.", "next": "decision"})
    assert answer["Location"] == f"/work/cases/{hearing.case.reference}/decision/"


def test_the_letter_shows_the_weighing_and_the_objectors_get_the_decision(
        hearing, caseworker, django_capture_on_commit_callbacks):
    ada, _bo = _answered(hearing)
    hearings.weigh(party=ada, actor=caseworker, text="The shadow falls on the garden for under an hour.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        decisions.record_decision(case=hearing.case, outcome="granted", reasons="Within the local plan.",
                                  actor=caseworker)
    letter = pdf_text(Decision.objects.get(case=hearing.case).letter.open("rb").read())
    assert "Objections from the hearing" in letter and "under an hour" in letter and "evening sun" in letter
    assert "Ada Neighbour" not in letter
    to_ada = [m for m in mail.outbox if m.to == ["ada@example.dk"]]
    assert len(to_ada) == 1 and "Byggeklageenheden" in to_ada[0].body and to_ada[0].attachments
    assert not [m for m in mail.outbox if m.to == ["bo@example.dk"]]  # no objection: no decision letter
    from hearings.tasks import send_decision_to_objectors

    assert send_decision_to_objectors(hearing.case_id) == 0  # once
