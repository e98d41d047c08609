"""What the pre-application pages share: the meeting the user may see, the role checks, the way back."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from permitportal.accounts import roles

from .. import selectors
from ..models import Meeting


def _meeting(request, pk) -> Meeting:
    return selectors.get_meeting_for_user(user=request.user, pk=pk)


def _require_manager(request):
    if not selectors.can_manage(request.user):
        raise PermissionDenied


def _require_staff(request):
    if not roles.is_staff_member(request.user):
        raise PermissionDenied


def _back(request, default):
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return redirect(target)
    return redirect(default)
