"""Property register views: the JSON the address autocomplete asks for."""

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from applications.selectors import properties as property_selectors
from permitportal.core.search_input import bounded_search

AUTOCOMPLETE_LIMIT = 10


@require_GET
@cache_control(private=True, max_age=60)
def autocomplete(request):
    """``[{"id": 12, "label": "Æbeløgade 4A, 2100 København Ø"}, ...]``; an empty list for fewer than 3 characters,
    400 with ``{"message": ...}`` for a search out of bounds (see ``bounded_search``)."""
    try:
        query = bounded_search(request.GET.get("q", ""))
    except ValidationError as exc:
        return JsonResponse({"message": " ".join(exc.messages)}, status=400)
    if not property_selectors.is_search_long_enough(query):
        return JsonResponse([], safe=False)
    found = property_selectors.search_properties(query=query, limit=AUTOCOMPLETE_LIMIT)
    return JsonResponse([{"id": p.pk, "label": property_selectors.property_label(p)} for p in found], safe=False)
