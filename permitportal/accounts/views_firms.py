"""Firm accounts (issue 20, item 3) and the invitation link of an account made for someone. Thin: each view
calls one service or selector (services_firms, selectors_firms, services_invitations)."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from permitportal.core import limits
from permitportal.core.errors import DomainError

from . import selectors_firms, services_firms, services_invitations
from .forms import FirmCreateForm, FirmMemberForm, WelcomeForm
from .models import FirmMembership


@login_required
def firms(request):
    """The user's firms, and creating the firm of their verified CVR number."""
    form = FirmCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            firm = services_firms.create_firm(user=request.user, name=form.cleaned_data["name"])
        except DomainError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The firm %(name)s is created. You are its administrator.") % {
                "name": firm.name})
            return redirect("accounts:firm", firm_id=firm.pk)
    return render(request, "accounts/firms.html", {
        "memberships": list(selectors_firms.current_memberships(user=request.user).order_by("firm__name")),
        "form": form, "cvr": selectors_firms.verified_cvr(user=request.user)})


@login_required
def firm(request, firm_id):
    """A firm's members; its administrators add and remove them."""
    the_firm, membership = selectors_firms.firm_for_member(user=request.user, firm_id=firm_id)
    form = FirmMemberForm(request.POST or None) if membership.is_admin else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            added = services_firms.add_member(firm=the_firm, actor=request.user, email=data["email"],
                                              full_name=data["full_name"], is_admin=data["is_admin"])
        except DomainError as exc:
            form.add_error("email", str(exc))
        else:
            messages.success(request, _("%(email)s is now a member of the firm.") % {"email": added.user.email})
            return redirect("accounts:firm", firm_id=the_firm.pk)
    return render(request, "accounts/firm.html", {
        "firm": the_firm, "membership": membership, "members": selectors_firms.members_of(firm=the_firm),
        "form": form})


def _member_of(request, firm_id, member_id) -> FirmMembership:
    the_firm, _mine = selectors_firms.firm_for_member(user=request.user, firm_id=firm_id)
    if not 0 < member_id <= limits.ID:
        raise Http404("No such member")
    member = FirmMembership.objects.select_related("firm", "user").filter(
        pk=member_id, firm=the_firm, left_at__isnull=True).first()
    if member is None:
        raise Http404("No such member")
    return member


@login_required
@require_POST
def firm_member_remove(request, firm_id, member_id):
    member = _member_of(request, firm_id, member_id)
    services_firms.remove_member(membership=member, actor=request.user)  # 409s: DomainErrorMiddleware
    if member.user_id == request.user.pk:
        messages.success(request, _("You have left %(name)s.") % {"name": member.firm.name})
        return redirect("accounts:firms")
    messages.success(request, _("%(email)s is no longer a member of the firm.") % {"email": member.user.email})
    return redirect("accounts:firm", firm_id=member.firm_id)


@login_required
@require_POST
def firm_member_admin(request, firm_id, member_id):
    member = _member_of(request, firm_id, member_id)
    services_firms.set_admin(membership=member, actor=request.user, is_admin=request.POST.get("is_admin") == "1")
    messages.success(request, _("The member's role is saved."))
    return redirect("accounts:firm", firm_id=member.firm_id)


def welcome(request, token):
    """The invitation link of an account made for someone: choose a password, and go on."""
    try:
        user, next_path = services_invitations.read_invitation(token=token)
    except services_invitations.InvitationError as exc:
        return render(request, "accounts/verify_failed.html", {"reason": str(exc)}, status=400)
    if not services_invitations.is_invited(user):
        messages.info(request, _("Your account is ready. Log in to go on."))
        if request.user.pk == user.pk:
            return redirect(next_path)
        return redirect(f"{reverse('accounts:login')}?{urlencode({'next': next_path})}")
    form = WelcomeForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            user, next_path = services_invitations.accept_invitation(token=token,
                                                                     password=form.cleaned_data["password1"])
        except services_invitations.InvitationError as exc:
            return render(request, "accounts/verify_failed.html", {"reason": str(exc)}, status=400)
        login(request, user, backend="permitportal.accounts.backends.EmailBackend")
        messages.success(request, _("Your password is saved and you are logged in."))
        return redirect(next_path)
    return render(request, "accounts/welcome.html", {"form": form, "invited": user})
