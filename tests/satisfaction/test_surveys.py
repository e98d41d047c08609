"""The four surveys from the data migration, at most four questions each in English and Danish, editable in
the admin."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from satisfaction.models import Question, Survey, Touchpoint
from tests.factories import UserFactory


def test_one_survey_per_touchpoint_in_plain_english_and_danish(db):
    surveys = {s.touchpoint: s for s in Survey.objects.prefetch_related("questions")}
    assert set(surveys) == set(Touchpoint.values)
    for survey in surveys.values():
        questions = list(survey.questions.all())
        assert 1 <= len(questions) <= 4
        assert [q.position for q in questions] == list(range(1, len(questions) + 1))
        for q in questions:
            assert q.text_en.endswith("?") and q.text_da.endswith("?")
            assert all([q.low_label_en, q.low_label_da, q.high_label_en, q.high_label_da])
        assert survey.title_en and survey.title_da and survey.intro_en and survey.intro_da
    submission = [q.text_en for q in surveys["submission"].questions.all()]
    assert "How easy was it to apply?" in submission
    assert "How clear was it which documents you had to send?" in submission
    decision = " ".join(q.text_en for q in surveys["decision"].questions.all())
    assert "treated" in decision and "time it took" in decision and "Overall" in decision
    contact = " ".join(q.text_en for q in surveys["dialogue_contact"].questions.all())
    assert "reach the right person" in contact


def test_the_database_refuses_a_fifth_question(db):
    survey = Survey.objects.get(touchpoint=Touchpoint.DIALOGUE_CONTACT)
    fields = {"text_en": "Five?", "text_da": "Fem?", "low_label_en": "No", "low_label_da": "Nej",
              "high_label_en": "Yes", "high_label_da": "Ja"}
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(survey=survey, position=5, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(survey=survey, position=2, **fields)  # one question per position


def test_questions_are_edited_in_the_admin(client, db):
    admin = UserFactory(role="manager", is_staff=True, is_superuser=True)
    client.force_login(admin)
    survey = Survey.objects.get(touchpoint=Touchpoint.SUBMISSION)
    url = reverse("admin:satisfaction_survey_change", args=[survey.pk])
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert "How easy was it to apply?" in html and "Hvor let var det at søge?" in html
    assert client.get(reverse("admin:satisfaction_survey_add")).status_code == 403  # one survey per touchpoint
    questions = list(survey.questions.all())
    data = {"is_active": "on", "title_en": survey.title_en, "title_da": survey.title_da,
            "intro_en": survey.intro_en, "intro_da": survey.intro_da,
            "questions-TOTAL_FORMS": str(len(questions)), "questions-INITIAL_FORMS": str(len(questions)),
            "questions-MIN_NUM_FORMS": "0", "questions-MAX_NUM_FORMS": "4"}
    for i, q in enumerate(questions):
        data.update({f"questions-{i}-id": q.pk, f"questions-{i}-survey": survey.pk,
                     f"questions-{i}-position": q.position, f"questions-{i}-text_en": q.text_en,
                     f"questions-{i}-text_da": q.text_da, f"questions-{i}-low_label_en": q.low_label_en,
                     f"questions-{i}-low_label_da": q.low_label_da, f"questions-{i}-high_label_en": q.high_label_en,
                     f"questions-{i}-high_label_da": q.high_label_da})
    data["questions-0-text_en"] = "How easy was it to send your application?"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert survey.questions.get(position=1).text_en == "How easy was it to send your application?"
    data["questions-0-position"] = "6"
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert survey.questions.get(pk=questions[0].pk).position == 1


def test_the_demo_loads_once(db):
    from satisfaction import demo
    from satisfaction.models import Invitation, Response

    lines = demo.load(stdout=None)
    assert lines == ["Satisfaction: 112 demo answers over 14 months; the KPI facts of every case refreshed."]
    assert Invitation.objects.count() == 168 and Response.objects.count() == 112
    assert Invitation.objects.filter(state="declined").count() == 14
    months = set(Response.objects.values_list("month", flat=True))
    assert len(months) >= 14  # spread over the past 14 months
    comments = [r.comment for r in Response.objects.exclude(comment="")]
    assert len(comments) > 10 and len(set(comments)) >= 8 and "Demo answer." not in comments
    assert demo.load(stdout=None) == ["Satisfaction: demo answers already loaded."]
    assert Invitation.objects.count() == 168
