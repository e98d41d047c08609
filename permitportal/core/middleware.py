"""Requests whose address no browser would send: a control character (NUL included) in the path or the
query string answers 400 with a sentence, before any view looks anything up with it (PostgreSQL
cannot even compare a text holding NUL). Request bodies are the API parsers' and the forms' business.
"""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from permitportal.core.parsers import has_control_character


def _refused(request) -> bool:
    if has_control_character(request.path):
        return True
    return any(has_control_character(key) or any(has_control_character(v) for v in values)
               for key, values in request.GET.lists())


class RefuseControlCharactersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _refused(request):
            message = _("The address contains a control character (such as NUL). Check the link, or type the "
                        "search again with letters, digits and punctuation only.")
            if request.path.startswith("/api/"):
                return JsonResponse({"message": message, "code": "control_character"}, status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
