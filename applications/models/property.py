from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .municipality import Municipality, default_municipality_id


class Property(models.Model):
    """A property in the register (imported from CSV by ``manage.py import_properties``)."""

    address = models.CharField(_("address"), max_length=200)
    postcode = models.CharField(_("postcode"), max_length=10)
    city = models.CharField(_("city"), max_length=100)
    cadastral_number = models.CharField(_("cadastral number"), max_length=60, db_index=True)
    property_number = models.CharField(_("property number"), max_length=20, unique=True)
    zoning_plan = models.CharField(_("zoning plan"), max_length=200, blank=True)
    year_built = models.PositiveIntegerField(_("year built"), null=True, blank=True)
    built_area = models.PositiveIntegerField(_("built area (m²)"), null=True, blank=True)
    use = models.CharField(_("use"), max_length=100, blank=True)
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="properties",
                                     default=default_municipality_id, verbose_name=_("municipality"))
    search_text = models.CharField(max_length=400, db_index=True, editable=False, default="")

    class Meta:
        ordering = ["address"]
        verbose_name_plural = _("properties")

    def __str__(self):
        return f"{self.address}, {self.postcode} {self.city}"

    def save(self, *args, **kwargs):
        self.search_text = " ".join(
            [self.address, self.postcode, self.city, self.cadastral_number, self.property_number]
        ).lower()
        super().save(*args, **kwargs)


class PropertyCorrection(models.Model):
    """An applicant says the register's value is wrong; staff check and correct the register."""

    property = models.ForeignKey(Property, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(max_length=40)
    register_value = models.CharField(max_length=200, blank=True)
    reported_value = models.CharField(max_length=200)
    comment = models.TextField(blank=True)
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.property_id}.{self.field}: {self.register_value} -> {self.reported_value}"
