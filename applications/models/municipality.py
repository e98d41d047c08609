"""The municipalities one deployment serves; properties (and through them cases) belong to one."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

CODE_VALIDATOR = RegexValidator(r"^\d{4}$", _("A municipality code is four digits, e.g. 0101."))
COLOUR_VALIDATOR = RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Write the colour as #RRGGBB, e.g. #1b4f8a."))


class Municipality(models.Model):
    """A Danish municipality (four-digit code, e.g. 0101 København), its contact points and branding.
    ``staff`` is who works for it: staff see, search, count and export only their municipalities'."""

    code = models.CharField(_("code"), max_length=4, unique=True, validators=[CODE_VALIDATOR])
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    logo = models.CharField(_("logo"), max_length=200, blank=True,
                            help_text=_("The logo's path among the static files, e.g. municipalities/0101.svg."))
    colour = models.CharField(_("colour"), max_length=7, default="#1b4f8a", validators=[COLOUR_VALIDATOR])
    guidance = models.TextField(_("local guidance"), blank=True,
                                help_text=_("Shown to applicants on top of the national catalogue's guidance."))
    surveys_enabled = models.BooleanField(_("ask applicants about their experience"), default=True)
    # Issue 17 item 6: the parties heard in a hearing are asked too, where the municipality chooses to.
    hearing_survey = models.BooleanField(_("ask the parties heard about the hearing"), default=False)
    staff = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="municipalities",
                                   verbose_name=_("staff"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def __str__(self):
        return f"{self.code} {self.name}"


class LocalServiceTarget(models.Model):
    """A municipality's own service target for a type the national catalogue gives none."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="service_targets")
    application_type = models.ForeignKey("applications.ApplicationType", on_delete=models.CASCADE, related_name="+")
    days = models.PositiveIntegerField(_("service target (days)"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["municipality", "application_type"],
                                               name="one_local_target_per_type")]

    def __str__(self):
        return f"{self.municipality.code} {self.application_type_id}: {self.days}"


class LocalRequirement(models.Model):
    """An extra requirement or guidance a municipality adds to a type on top of the national catalogue."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="local_requirements")
    application_type = models.ForeignKey("applications.ApplicationType", on_delete=models.CASCADE, related_name="+")
    requirement = models.ForeignKey("applications.DocumentRequirement", null=True, blank=True,
                                    on_delete=models.CASCADE, related_name="+")
    guidance = models.TextField(_("guidance"), blank=True)

    def __str__(self):
        return f"{self.municipality.code} {self.application_type_id}"


def default_municipality_id() -> int:
    """The municipality a property without one lands in (``settings.DEFAULT_MUNICIPALITY_CODE``).
    Reads only the key, so a migration that calls it works whatever columns come later."""
    found = Municipality.objects.filter(code=settings.DEFAULT_MUNICIPALITY_CODE).values_list("pk", flat=True).first()
    if found is not None:
        return found
    return Municipality.objects.create(code=settings.DEFAULT_MUNICIPALITY_CODE,
                                       name=settings.DEFAULT_MUNICIPALITY_NAME).pk
