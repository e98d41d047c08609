from django import forms
from django.conf import settings
from django.contrib.auth import authenticate, password_validation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from permitportal.core import limits

from .models import User


class RegistrationForm(forms.Form):
    full_name = forms.CharField(label=gettext_lazy("Full name"), max_length=200)
    email = forms.EmailField(
        label=gettext_lazy("E-mail address"),
        help_text=gettext_lazy("We send a link to this address to confirm it is yours."),
    )
    phone = forms.CharField(
        label=gettext_lazy("Phone (optional)"), max_length=40, required=False,
        help_text=gettext_lazy("So your caseworker can call you about your case."),
    )
    password1 = forms.CharField(label=gettext_lazy("Password"), widget=forms.PasswordInput(render_value=False),
                                help_text=gettext_lazy("At least 10 characters, not only digits."))
    password2 = forms.CharField(label=gettext_lazy("Repeat the password"), widget=forms.PasswordInput)

    def clean_email(self):
        # Whether the address has an account is not said here: the e-mail tells its owner.
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same. Type the same password twice."))
        if p1:
            candidate = User(email=data.get("email", ""), full_name=data.get("full_name", ""))
            try:
                password_validation.validate_password(p1, candidate)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class LoginForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("E-mail address"), max_length=limits.EMAIL)
    password = forms.CharField(label=gettext_lazy("Password"), widget=forms.PasswordInput, max_length=limits.PASSWORD)

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        self.user = None
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        email, password = data.get("email"), data.get("password")
        if not email or not password:
            return data
        user = authenticate(self.request, email=email, password=password)
        if user is None:
            wait = getattr(self.request, "login_wait_seconds", 0)
            if wait:
                raise forms.ValidationError(
                    ngettext("Too many failed attempts. Try again in %(seconds)d second, or reset your password.",
                             "Too many failed attempts. Try again in %(seconds)d seconds, or reset your password.",
                             wait) % {"seconds": wait}
                )
            if getattr(self.request, "login_unverified", False):
                raise forms.ValidationError(
                    _("Confirm your e-mail address first: open the link we sent you when you registered.")
                )
            raise forms.ValidationError(
                _("The e-mail address or password is not right. Check them and try again.")
            )
        self.user = user
        return data


class PreferencesForm(forms.Form):
    preferred_language = forms.ChoiceField(label=gettext_lazy("Language"), choices=settings.LANGUAGES)
    phone = forms.CharField(label=gettext_lazy("Phone"), max_length=40, required=False)
    notify_by_email = forms.BooleanField(label=gettext_lazy("Send me e-mails when my case changes"), required=False)
    notify_by_sms = forms.BooleanField(label=gettext_lazy("Send me text messages when my case changes"),
                                       required=False)

    def clean(self):
        data = super().clean()
        if data.get("notify_by_sms") and not data.get("phone"):
            self.add_error("phone", _("Enter a phone number to get text messages."))
        return data


class FirmCreateForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("The firm's name"), max_length=limits.NAME,
                           widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "organization"}),
                           error_messages={"required": gettext_lazy("Give the firm's name.")})


class FirmMemberForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("The new member's e-mail address"), max_length=limits.EMAIL,
                             widget=forms.EmailInput(attrs={"class": "form-control", "autocomplete": "off"}),
                             help_text=gettext_lazy("Someone without an account gets an invitation by e-mail."))
    full_name = forms.CharField(label=gettext_lazy("Name (for an invitation)"), max_length=limits.NAME,
                                required=False, widget=forms.TextInput(attrs={"class": "form-control",
                                                                              "autocomplete": "off"}))
    is_admin = forms.BooleanField(label=gettext_lazy("Administrator (may add and remove members)"), required=False)


class WelcomeForm(forms.Form):
    """Choose a password for an account made by someone else (an invitation)."""

    password1 = forms.CharField(label=gettext_lazy("Choose a password"), max_length=limits.PASSWORD,
                                widget=forms.PasswordInput(attrs={"class": "form-control",
                                                                  "autocomplete": "new-password"}),
                                help_text=gettext_lazy("At least 10 characters, not only digits."))
    password2 = forms.CharField(label=gettext_lazy("Repeat the password"), max_length=limits.PASSWORD,
                                widget=forms.PasswordInput(attrs={"class": "form-control",
                                                                  "autocomplete": "new-password"}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two passwords are not the same. Type the same password twice."))
        if p1:
            try:
                password_validation.validate_password(p1, self.user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data
