"""One family of domain errors, mapped once for the API (exception handler) and once for HTML (middleware)."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from permitportal.core.api import exception_handler
from permitportal.core.errors import DomainErrorMiddleware, Invalid, NotAllowed


@pytest.mark.parametrize(("error", "status", "code"), [(NotAllowed("Not now."), 409, "conflict"),
                                                       (Invalid("Say why."), 400, "invalid"),
                                                       (Invalid("Missing.", code="incomplete", missing=[1]), 400,
                                                        "incomplete")])
def test_the_api_answers_409_or_400_with_the_message(error, status, code):
    response = exception_handler(error, {})
    assert response.status_code == status
    assert response.data["message"] == error.message and response.data["code"] == code
    assert response.data.get("missing", [1]) == [1]


def _request(**headers):
    request = RequestFactory().post("/work/cases/B-2026-00001/withdraw/", **headers)
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


@pytest.mark.parametrize("error", [NotAllowed("The case is decided."), Invalid("Write a reason.")])
def test_an_html_view_goes_back_with_the_message(error):
    request = _request(HTTP_REFERER="http://testserver/work/cases/B-2026-00001/")
    response = DomainErrorMiddleware(lambda r: None).process_exception(request, error)
    assert (response.status_code, response["Location"]) == (303, "http://testserver/work/cases/B-2026-00001/")
    assert [m.message for m in get_messages(request)] == [error.message]


@pytest.mark.django_db
def test_without_a_page_to_go_back_to_the_message_is_the_page():
    request = _request(HTTP_REFERER="https://evil.example/")
    request.user = None
    response = DomainErrorMiddleware(lambda r: None).process_exception(request, NotAllowed("The case is decided."))
    assert response.status_code == 409
    assert "The case is decided." in response.content.decode()


def test_other_errors_are_left_alone():
    assert DomainErrorMiddleware(lambda r: None).process_exception(_request(), ValueError("bug")) is None
