from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from . import roles, selectors, services
from .forms import LoginForm, PreferencesForm, RegistrationForm


def remember_language(response, language: str) -> None:
    """The language cookie, with the same name and flags as Django's own (LANGUAGE_COOKIE_SECURE...)."""
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, max_age=settings.LANGUAGE_COOKIE_AGE,
                        path=settings.LANGUAGE_COOKIE_PATH, domain=settings.LANGUAGE_COOKIE_DOMAIN,
                        secure=settings.LANGUAGE_COOKIE_SECURE, httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                        samesite=settings.LANGUAGE_COOKIE_SAMESITE)


def register(request):
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            services.register_applicant(
                email=form.cleaned_data["email"],
                password=form.cleaned_data["password1"],
                full_name=form.cleaned_data["full_name"],
                phone=form.cleaned_data["phone"],
                language=translation.get_language() or "da",
            )
            # The same page whether or not the address already had an account.
            return render(request, "accounts/register_done.html", {"email": form.cleaned_data["email"]})
    else:
        form = RegistrationForm()
    return render(request, "accounts/register.html", {"form": form})


def verify(request, token):
    try:
        user = services.verify_email(token=token)
    except services.AccountError as exc:
        return render(request, "accounts/verify_failed.html", {"reason": str(exc)}, status=400)
    login(request, user, backend="permitportal.accounts.backends.EmailBackend")
    messages.success(request, _("Your e-mail address is confirmed and you are logged in."))
    return redirect("home")


def login_view(request):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = ""
    if request.method == "POST":
        form = LoginForm(request.POST, request=request)
        if form.is_valid():
            login(request, form.user)
            response = redirect(next_url or roles.landing_page(form.user))
            translation.activate(form.user.preferred_language)
            remember_language(response, form.user.preferred_language)
            return response
    else:
        form = LoginForm(request=request)
    national_login = settings.OIDC_PROVIDER_NAME if selectors.national_login_enabled() else ""
    return render(request, "accounts/login.html", {"form": form, "next": next_url, "national_login": national_login})


@require_POST
def logout_view(request):
    logout(request)
    messages.info(request, _("You are logged out."))
    return redirect("home")


@require_POST
def set_language(request):
    """Switch language for this browser and remember it for a logged-in user."""
    language = request.POST.get("language", "")
    if request.user.is_authenticated:
        services.set_preferred_language(user=request.user, language=language)
    return django_set_language(request)


@login_required
def preferences(request):
    user = request.user
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.set_preferred_language(user=user, language=form.cleaned_data["preferred_language"])
            services.update_notification_preferences(
                user=user,
                by_email=form.cleaned_data["notify_by_email"],
                by_sms=form.cleaned_data["notify_by_sms"],
                phone=form.cleaned_data["phone"],
            )
            messages.success(request, _("Your settings are saved."))
            response = redirect("accounts:preferences")
            remember_language(response, user.preferred_language)
            return response
    else:
        form = PreferencesForm(initial={
            "preferred_language": user.preferred_language,
            "phone": user.phone,
            "notify_by_email": user.notify_by_email,
            "notify_by_sms": user.notify_by_sms,
        })
    return render(request, "accounts/preferences.html",
                  {"form": form, "identity": selectors.national_identity_of(user)})
