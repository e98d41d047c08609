"""The survey link: no login, one use, an expiry date; a changed, expired or used link gets a clear page
and nothing is recorded twice. Declining and opting out."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from satisfaction import services
from satisfaction.models import Invitation, OptOut, Response
from tests.satisfaction.helpers import invitation, token


def survey_url(tok):
    return reverse("satisfaction:survey", args=[tok])


ANSWERS = {"score_1": "4", "score_2": "5", "score_3": "2", "comment": "The checklist was clear."}


@pytest.fixture
def sent(db):
    return invitation()


def test_the_link_opens_the_survey_without_logging_in(client, sent):
    response = client.get(survey_url(token(sent)))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>How was it to apply?</h1>" in html
    assert f"About your application {sent.case.reference}" in html
    for question in sent.survey.questions.all():
        assert question.text in html
        for n in range(1, 6):
            assert f'name="score_{question.position}" value="{n}"' in html
    assert "1 means “Very hard”, 5 means “Very easy”." in html
    assert response["Referrer-Policy"] == "same-origin"
    assert "no-store" in response["Cache-Control"]


def test_answering_records_one_response_and_thanks(client, sent):
    tok = token(sent)
    response = client.post(survey_url(tok), ANSWERS)
    assert response.status_code == 302 and response["Location"] == reverse("satisfaction:thanks", args=[tok])
    answer = Response.objects.get()
    assert (answer.score_1, answer.score_2, answer.score_3, answer.score_4) == (4, 5, 2, None)
    assert answer.comment == "The checklist was clear."
    assert (answer.touchpoint, answer.channel, answer.customer_group, answer.case, answer.month) == (
        sent.touchpoint, sent.channel, sent.customer_group, sent.case, sent.month)
    sent.refresh_from_db()
    assert sent.state == Invitation.State.ANSWERED and sent.answered_at is not None
    thanks = client.get(reverse("satisfaction:thanks", args=[tok]))
    assert thanks.status_code == 200 and "Thank you for your answers" in thanks.content.decode()


def test_a_used_link_says_so_and_records_nothing_twice(client, sent):
    tok = token(sent)
    client.post(survey_url(tok), ANSWERS)
    again = client.get(survey_url(tok))
    assert again.status_code == 410
    assert "You have already answered this survey" in again.content.decode()
    resend = client.post(survey_url(tok), {**ANSWERS, "score_1": "1"})
    assert resend.status_code == 410
    assert Response.objects.count() == 1 and Response.objects.get().score_1 == 4
    with pytest.raises(services.AlreadyAnswered):
        services.submit_response(token=tok, scores={1: 1})
    assert client.post(reverse("satisfaction:decline", args=[tok])).status_code == 410
    sent.refresh_from_db()
    assert sent.state == Invitation.State.ANSWERED


def test_answering_at_the_same_moment_in_two_tabs_records_one(sent):
    """The unique invitation on the response is the last guard: a second insert becomes 'already answered'."""
    Response.objects.create(invitation=sent, survey=sent.survey, touchpoint=sent.touchpoint, channel=sent.channel,
                            customer_group=sent.customer_group, touchpoint_on=sent.touchpoint_on, month=sent.month,
                            score_1=3)
    with pytest.raises(services.AlreadyAnswered):
        services.submit_response(token=token(sent), scores={1: 5})
    assert Response.objects.count() == 1 and Response.objects.get().score_1 == 3


@pytest.mark.parametrize("change", [
    lambda t: t[:-2] + ("aa" if not t.endswith("aa") else "bb"),  # the signature
    lambda t: "x" + t[1:],  # the payload
    lambda t: t[: len(t) // 2],  # cut off by an e-mail program
    lambda t: "not-a-token",
])
def test_a_changed_link_does_not_work(client, sent, change):
    tok = change(token(sent))
    response = client.get(survey_url(tok))
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert client.post(survey_url(tok), ANSWERS).status_code == 400
    assert client.post(reverse("satisfaction:decline", args=[tok])).status_code == 400
    assert client.post(reverse("satisfaction:opt_out", args=[tok])).status_code == 400
    assert not Response.objects.exists() and not OptOut.objects.exists()
    sent.refresh_from_db()
    assert sent.state == Invitation.State.SENT


def test_a_token_for_another_purpose_does_not_work(client, sent):
    from django.core import signing

    forged = signing.dumps({"i": sent.pk, "n": sent.nonce}, salt="some.other.purpose")
    assert client.get(survey_url(forged)).status_code == 400


def test_an_expired_link_says_the_survey_has_closed(client, sent):
    tok = token(sent)
    with time_machine.travel(timezone.now() + timedelta(days=services.invitation_days(), minutes=1)):
        response = client.get(survey_url(tok))
        assert response.status_code == 410
        assert "This survey has closed" in response.content.decode()
        assert client.post(survey_url(tok), ANSWERS).status_code == 410
        assert client.post(reverse("satisfaction:decline", args=[tok])).status_code == 410
    assert not Response.objects.exists()
    with time_machine.travel(timezone.now() + timedelta(days=services.invitation_days() - 1)):
        assert client.get(survey_url(tok)).status_code == 200  # the day before, it still works


def test_a_link_to_a_survey_that_is_gone_answers_404(client, sent):
    tok = token(sent)
    Invitation.objects.filter(pk=sent.pk).update(nonce="0" * 16)  # as if the invitation had been replaced
    response = client.get(survey_url(tok))
    assert response.status_code == 404
    assert "We cannot find this survey" in response.content.decode()


def test_declining_asks_first_then_closes_the_survey(client, sent):
    tok = token(sent)
    decline_url = reverse("satisfaction:decline", args=[tok])
    page = client.get(decline_url)  # a mail scanner opening the link changes nothing
    assert page.status_code == 200 and "Would you rather not answer?" in page.content.decode()
    sent.refresh_from_db()
    assert sent.state == Invitation.State.SENT
    response = client.post(decline_url)
    assert response.status_code == 302 and response["Location"] == reverse("satisfaction:declined", args=[tok])
    sent.refresh_from_db()
    assert sent.state == Invitation.State.DECLINED and sent.declined_at is not None
    assert "No problem" in client.get(response["Location"]).content.decode()
    later = client.get(survey_url(tok))
    assert later.status_code == 410 and "You said no thanks to this survey" in later.content.decode()
    assert client.post(survey_url(tok), ANSWERS).status_code == 410
    assert client.post(decline_url).status_code == 410
    assert not Response.objects.exists()
    sent.refresh_from_db()
    assert sent.declined_at is not None and sent.state == Invitation.State.DECLINED


def test_opting_out_stops_every_survey_to_the_address(client, sent):
    pending = invitation(email=sent.email, send=False)
    tok = token(sent)
    response = client.post(reverse("satisfaction:opt_out", args=[tok]))
    assert response.status_code == 302
    assert "You will not get surveys from us any more" in client.get(response["Location"]).content.decode()
    assert OptOut.objects.filter(email=sent.email).exists()
    sent.refresh_from_db()
    pending.refresh_from_db()
    assert sent.state == Invitation.State.DECLINED
    assert pending.state == Invitation.State.CANCELLED
    assert services.send_invitation(invitation_id=pending.pk) is False
    assert services.invite(touchpoint="decision", source_key="case:999999", case=None, channel="portal",
                           customer_group="private", recipient=services.Recipient(sent.email.upper(), "en")) is None
    # Opting out twice (the button pressed again) is fine.
    assert client.post(reverse("satisfaction:opt_out", args=[tok])).status_code == 302
    assert OptOut.objects.count() == 1


def test_opting_out_after_answering_keeps_the_answers(client, sent):
    tok = token(sent)
    client.post(survey_url(tok), ANSWERS)
    thanks = client.get(reverse("satisfaction:thanks", args=[tok])).content.decode()
    assert "Never send me surveys again" in thanks
    client.post(reverse("satisfaction:opt_out", args=[tok]))
    sent.refresh_from_db()
    assert sent.state == Invitation.State.ANSWERED and Response.objects.count() == 1
    assert OptOut.objects.filter(email=sent.email).exists()
    assert "Never send me surveys again" not in client.get(reverse("satisfaction:thanks", args=[tok])).content.decode()


def test_the_after_pages_only_follow_their_action(client, sent):
    tok = token(sent)
    for name in ("thanks", "declined", "opted_out"):
        response = client.get(reverse(f"satisfaction:{name}", args=[tok]))
        assert response.status_code == 302 and response["Location"] == survey_url(tok)


def test_nothing_answered_gets_an_error_summary(client, sent):
    response = client.post(survey_url(token(sent)), {"comment": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="error-summary"' in html
    assert 'href="#id_score_1_0"' in html
    assert "Answer at least one question, or choose “No thanks” at the bottom of the page." in html
    assert not Response.objects.exists()


def test_a_score_outside_the_scale_is_refused(client, sent):
    response = client.post(survey_url(token(sent)), {"score_1": "7", "score_2": "3"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose a number from 1 to 5." in html and 'href="#id_score_1_0"' in html
    assert 'value="3" id="id_score_2_2" checked' in html  # the other answers are kept
    assert not Response.objects.exists()
    with pytest.raises(services.ResponseInvalid) as error:
        services.submit_response(token=token(sent), scores={4: 3})  # the survey has no fourth question
    assert error.value.errors == {"score_4": "Choose a number from 1 to 5."}


def test_a_long_comment_is_refused(client, sent):
    response = client.post(survey_url(token(sent)), {"score_1": "4", "comment": "x" * 2001})
    assert response.status_code == 400
    assert "Your comment is too long. Keep it under 2000 characters." in response.content.decode()
    assert not Response.objects.exists()


def test_a_comment_alone_is_an_answer(client, sent):
    client.post(survey_url(token(sent)), {"comment": "Friendly people."})
    answer = Response.objects.get()
    assert answer.comment == "Friendly people." and answer.scores() == {1: None, 2: None, 3: None, 4: None}


def test_the_survey_speaks_the_invitation_language(client, db):
    danish = invitation(language="da")
    html = client.get(survey_url(token(danish))).content.decode()
    assert '<html lang="da">' in html
    assert "<h1>Hvordan var det at søge?</h1>" in html
    assert "Hvor let var det at søge?" in html
    assert "Send mine svar" in html
    # The person chose English with the language switch: English it is.
    client.cookies["django_language"] = "en"
    html = client.get(survey_url(token(danish))).content.decode()
    assert "<h1>How was it to apply?</h1>" in html


def test_each_answer_and_decline_is_counted_once(client, sent):
    from satisfaction.models import SatisfactionDay

    other = invitation(email="other@example.dk")
    unsent = invitation(email="third@example.dk", send=False)
    client.post(survey_url(token(sent)), ANSWERS)
    client.post(survey_url(token(sent)), ANSWERS)  # used: refused, not counted again
    client.post(reverse("satisfaction:opt_out", args=[token(other)]))
    client.post(reverse("satisfaction:opt_out", args=[token(other)]))
    client.post(reverse("satisfaction:decline", args=[token(unsent)]))  # never sent: not in the figures
    [day] = SatisfactionDay.objects.all()
    assert (day.invitations, day.responses, day.declined) == (2, 1, 1)
    assert (day.score_sum_1, day.score_count_1, day.score_sum_3, day.score_count_4) == (4, 1, 2, 0)
