"""The admin's part of the one isolation filter (issue 19): a staff member who is not a superuser sees, and
can pick, only their own municipalities' rows. Every ModelAdmin of a model that leads to a municipality
uses ``MunicipalityScopedAdmin`` (``tests/security/test_municipality_sweep.py`` fails for one that does not)."""

from applications.selectors.municipalities import member_municipality_ids, scoped_to_member


class MunicipalityScopedAdmin:
    """``municipality_field`` leads from the row to its municipality (``"municipality"``,
    ``"property__municipality"``, ``"case__property__municipality"``...). Superusers, who run the
    deployment, see every municipality."""

    municipality_field = "property__municipality"

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        if request.user.is_superuser:
            return qs
        return scoped_to_member(qs, user=request.user, field=self.municipality_field)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "municipality" and field is not None and not request.user.is_superuser:
            field.queryset = field.queryset.filter(pk__in=member_municipality_ids(user=request.user))
        return field
