"""Admin for the core. The catalogue is edited here (after saving, the live catalogue is checked for dead
ends, cycles and unknown codes, and any problem is shown); cases and documents are for looking up, and a
case's status is read-only: it changes only through services.transitions."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from applications import models as m
from applications.admin_scope import MunicipalityScopedAdmin
from applications.selectors.catalogue import catalogue_as_data
from applications.services.catalogue import check_catalogue


class CatalogueCheckMixin:
    """After every save, check the whole live catalogue and show what an edit broke."""

    def _check_live_catalogue(self, request):
        for problem in check_catalogue(data=catalogue_as_data()):
            messages.warning(request, _("Catalogue problem: %(problem)s") % {"problem": problem})

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self._check_live_catalogue(request)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self._check_live_catalogue(request)


class RuleForTypeInline(admin.TabularInline):
    model = m.RequirementRule
    fk_name = "application_type"
    extra = 0
    fields = ("requirement", "rule", "condition", "source")
    autocomplete_fields = ("requirement",)


class RuleForRequirementInline(admin.TabularInline):
    model = m.RequirementRule
    fk_name = "requirement"
    extra = 0
    fields = ("application_type", "rule", "condition", "source")
    autocomplete_fields = ("application_type",)


@admin.register(m.ApplicationType)
class ApplicationTypeAdmin(CatalogueCheckMixin, admin.ModelAdmin):
    list_display = ("code", "name_en", "name_da", "kind", "service_target_days", "service_target_scope", "is_active",
                    "order")
    list_filter = ("kind", "service_target_scope", "is_active")
    list_editable = ("service_target_days", "order")
    search_fields = ("code", "name_en", "name_da")
    inlines = [RuleForTypeInline]
    fieldsets = (
        (None, {"fields": ("code", "kind", "service_target_days", "service_target_scope", "source", "is_active",
                           "order")}),
        (_("English"), {"fields": ("name_en", "summary_en", "covers_en")}),
        (_("Danish"), {"fields": ("name_da", "summary_da", "covers_da")}),
    )


@admin.register(m.DocumentRequirement)
class DocumentRequirementAdmin(CatalogueCheckMixin, admin.ModelAdmin):
    list_display = ("code", "title_en", "title_da", "accepted_formats", "order")
    list_editable = ("order",)
    search_fields = ("code", "title_en", "title_da")
    inlines = [RuleForRequirementInline]
    fieldsets = (
        (None, {"fields": ("code", "accepted_formats", "order")}),
        (_("English"), {"fields": ("title_en", "explanation_en", "good_example_en")}),
        (_("Danish"), {"fields": ("title_da", "explanation_da", "good_example_da")}),
    )


class GuideOptionInline(admin.StackedInline):
    model = m.GuideOption
    fk_name = "question"
    extra = 0
    fields = (("code", "order"), ("label_en", "label_da"), ("next_question", "outcome"), "register_match")
    autocomplete_fields = ("next_question", "outcome")


@admin.register(m.GuideQuestion)
class GuideQuestionAdmin(CatalogueCheckMixin, admin.ModelAdmin):
    list_display = ("code", "text_en", "is_start", "register_field", "order")
    list_filter = ("is_start", "register_field")
    search_fields = ("code", "text_en", "text_da")
    inlines = [GuideOptionInline]
    fieldsets = (
        (None, {"fields": ("code", "is_start", "register_field", "order")}),
        (_("English"), {"fields": ("text_en", "help_en")}),
        (_("Danish"), {"fields": ("text_da", "help_da")}),
    )


@admin.register(m.GuideOutcome)
class GuideOutcomeAdmin(CatalogueCheckMixin, admin.ModelAdmin):
    list_display = ("code", "kind", "application_type")
    list_filter = ("kind",)
    search_fields = ("code", "text_en", "text_da")
    autocomplete_fields = ("application_type",)
    fieldsets = (
        (None, {"fields": ("code", "kind", "application_type", "source")}),
        (_("English"), {"fields": ("text_en", "still_applies_en", "must_report_en")}),
        (_("Danish"), {"fields": ("text_da", "still_applies_da", "must_report_da")}),
    )


@admin.register(m.CatalogueVersion)
class CatalogueVersionAdmin(admin.ModelAdmin):
    """Versions come from ``manage.py load_catalogue``; here they can only be read."""

    list_display = ("version", "is_current", "loaded_at", "short_checksum")
    readonly_fields = ("version", "checksum", "loaded_at", "is_current", "snapshot")

    @admin.display(description=_("checksum"))
    def short_checksum(self, obj):
        return obj.checksum[:12]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- Property register and cases --------------------------------------------------------------

@admin.register(m.Property)
class PropertyAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    municipality_field = "municipality"
    list_display = ("address", "postcode", "city", "municipality", "cadastral_number", "property_number",
                    "year_built", "use")
    search_fields = ("address", "cadastral_number", "property_number")
    list_filter = ("municipality", "use")


@admin.register(m.PropertyCorrection)
class PropertyCorrectionAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    list_display = ("property", "field", "register_value", "reported_value", "created_at", "resolved_at")
    list_filter = ("field", "resolved_at")
    raw_id_fields = ("property", "reported_by")
    search_fields = ("property__address",)


class NoDraftsMixin(MunicipalityScopedAdmin):
    """A draft is the applicant's own until they submit it: staff see it only with a help code from the
    applicant (dialogueteam), never in the admin. ``draft_field`` leads from the row to its case's status.
    Staff see only their municipalities' rows (``MunicipalityScopedAdmin``)."""

    draft_field = "case__status"
    municipality_field = "case__property__municipality"

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(**{self.draft_field: m.Case.Status.DRAFT})


class MunicipalityAdmin(admin.ModelAdmin):
    """A municipality's contact points, branding, local targets and requirements: edited by its own
    managers only (superusers add municipalities)."""

    list_display = ("code", "name", "email", "phone")
    search_fields = ("code", "name")
    filter_horizontal = ("staff",)

    def get_queryset(self, request):
        qs = super().get_queryset(request)
        return qs if request.user.is_superuser else qs.filter(staff=request.user)

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        from permitportal.accounts import roles

        if request.user.is_superuser:
            return True
        if not roles.has_role(request.user, roles.MANAGER):
            return False
        return obj is None or obj.staff.filter(pk=request.user.pk).exists()

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_module_permission(self, request):
        return self.has_change_permission(request)


class LocalServiceTargetInline(admin.TabularInline):
    model = m.LocalServiceTarget
    extra = 0


class LocalRequirementInline(admin.TabularInline):
    model = m.LocalRequirement
    extra = 0


MunicipalityAdmin.inlines = [LocalServiceTargetInline, LocalRequirementInline]
admin.site.register(m.Municipality, MunicipalityAdmin)


@admin.register(m.Case)
class CaseAdmin(NoDraftsMixin, admin.ModelAdmin):
    draft_field = "status"
    municipality_field = "property__municipality"
    list_display = ("reference", "status", "application_type")
    list_filter = ("status", "application_type")
    search_fields = ("reference",)
    raw_id_fields = ("property", "applicant", "caseworker")
    # The status changes only through services.transitions, never by editing it here.
    readonly_fields = ("status", "reference", "created_at", "updated_at", "submitted_at", "completed_at",
                       "decided_at", "closed_at")

    def has_add_permission(self, request):
        return False  # cases start in the portal (services.cases.create_draft)


@admin.register(m.ChecklistItem)
class ChecklistItemAdmin(NoDraftsMixin, admin.ModelAdmin):
    list_display = ("case", "requirement", "required", "state", "is_active")
    list_filter = ("state", "required")
    raw_id_fields = ("case",)
    search_fields = ("case__reference",)


@admin.register(m.Document)
class DocumentAdmin(NoDraftsMixin, admin.ModelAdmin):
    list_display = ("case", "requirement", "original_name", "kind", "size", "uploaded_at", "superseded_at")
    raw_id_fields = ("case", "uploaded_by", "superseded_by")
    search_fields = ("case__reference", "original_name")


@admin.register(m.CaseEvent)
class CaseEventAdmin(NoDraftsMixin, admin.ModelAdmin):
    list_display = ("case", "at", "kind", "is_public")
    list_filter = ("kind",)
    raw_id_fields = ("case", "actor")
    search_fields = ("case__reference",)
