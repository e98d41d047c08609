"""One family of domain errors, mapped once for the API and once for the HTML views.

A service refuses with one of two kinds:

- ``NotAllowed``: the action is not possible in the object's current state (a transition the table
  does not allow, a change to a decided case, published minutes). The API answers 409.
- ``Invalid``: the input is not right; the message says what to change. The API answers 400.

Each app's own errors subclass one of them (``CaseError``, ``PredialogueError``, ``UploadRejected``,
``TransitionNotAllowed``...), so a view never catches them to pick a status code:
``permitportal.core.api.exception_handler`` maps them for the API, and ``DomainErrorMiddleware`` for
the HTML views (a message, and back to the page the form was on). A view that wants the message on its
form (``form.add_error``) still catches ``Invalid`` itself.
"""

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme


class DomainError(Exception):
    """A refusal a person can act on. ``message`` is the sentence shown; ``code`` is for programs;
    ``extra`` goes into the API's answer beside them (for example the missing documents)."""

    status_code = 400
    code = "invalid"

    def __init__(self, message="", *, code: str | None = None, **extra):
        self.message = str(message)
        if code:
            self.code = code
        self.extra = extra
        super().__init__(self.message)

    def __str__(self):
        return self.message


class NotAllowed(DomainError):
    """Not possible in the current state (409)."""

    status_code = 409
    code = "conflict"


class Invalid(DomainError):
    """The input is not right (400)."""

    status_code = 400
    code = "invalid"


def api_body(exc: DomainError) -> dict:
    return {"message": exc.message, "code": exc.code, **exc.extra}


def back_to(request) -> str | None:
    """Where the person came from, when it is on this site."""
    target = request.headers.get("referer") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return None


class DomainErrorMiddleware:
    """The HTML side of the mapping: a domain error that leaves a view becomes a message on the page
    the person came from (303), or, without such a page, a page with the message and 409 or 400. Never a 500.

    The API never gets here: DRF's exception handler answers inside the view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DomainError):
            return None
        target = back_to(request)
        if target:
            messages.error(request, exception.message)
            return HttpResponseRedirect(target, status=303)
        return render(request, "domain_error.html", {"message": exception.message, "status": exception.status_code},
                      status=exception.status_code)
