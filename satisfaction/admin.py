from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from applications.admin_scope import MunicipalityScopedAdmin

from .models import MAX_QUESTIONS, Invitation, OptOut, Question, Response, Survey


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    max_num = MAX_QUESTIONS
    fields = ("position", ("text_en", "text_da"), ("low_label_en", "low_label_da"), ("high_label_en", "high_label_da"))


@admin.register(Survey)
class SurveyAdmin(admin.ModelAdmin):
    list_display = ("touchpoint", "title_en", "is_active", "question_count")
    list_editable = ("is_active",)
    readonly_fields = ("touchpoint",)
    fields = ("touchpoint", "is_active", ("title_en", "title_da"), ("intro_en", "intro_da"))
    inlines = [QuestionInline]

    @admin.display(description=_("questions"))
    def question_count(self, obj):
        return obj.questions.count()

    def has_add_permission(self, request):
        return False  # one survey per touchpoint, created by the migration

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Invitation)
class InvitationAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    municipality_field = "municipality"

    list_display = ("id", "touchpoint", "channel", "customer_group", "state", "created_at", "sent_at")
    list_filter = ("touchpoint", "state", "channel", "customer_group")
    date_hierarchy = "created_at"
    raw_id_fields = ("case",)
    # Written only by satisfaction.services; the e-mail address is personal data and not searchable here.
    readonly_fields = [f.name for f in Invitation._meta.fields if f.name not in ("id", "nonce")]
    exclude = ("nonce",)

    def has_add_permission(self, request):
        return False


@admin.register(Response)
class ResponseAdmin(MunicipalityScopedAdmin, admin.ModelAdmin):
    municipality_field = "municipality"

    list_display = ("id", "touchpoint", "channel", "customer_group", "month", "score_1", "score_2", "score_3",
                    "score_4", "created_at")
    list_filter = ("touchpoint", "channel", "customer_group")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Response._meta.fields if f.name != "id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OptOut)
class OptOutAdmin(admin.ModelAdmin):
    list_display = ("email", "created_at")
    search_fields = ("email",)
