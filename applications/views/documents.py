"""Documents: the permission-checked download. Files are never served any other way."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from applications.selectors.documents import get_document_for_user
from applications.services.uploads import safe_filename
from permitportal.accounts import roles
from permitportal.core import audit


@login_required
@require_GET
def download(request, reference, pk):
    """The file as an attachment, for the case's applicant, its representatives and staff (404 for anyone else)."""
    case, document = get_document_for_user(user=request.user, reference=reference, pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404("The stored file is missing") from exc
    if roles.is_staff_member(request.user):
        audit.record(actor=request.user, action="document_download", object_type="document", object_id=document.pk,
                     detail=f"{case.reference}: {document.original_name}")
    response = FileResponse(handle, as_attachment=True, filename=safe_filename(document.original_name),
                            content_type=document.content_type or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
