from django.urls import path

from applications.views import appeals
from applications.views import caseworker as views

urlpatterns = [
    path("work/queue/", views.queue, name="queue"),
    path("work/queue/assign/", views.queue_assign, name="queue_assign"),
    path("work/cases/<str:reference>/", views.workspace, name="workspace"),
    path("work/cases/<str:reference>/documents/<int:pk>/preview/", views.document_preview, name="document_preview"),
    path("work/cases/<str:reference>/request-information/", views.request_information, name="request_information"),
    path("work/cases/<str:reference>/decision/", views.decide, name="decide"),
    *[path(f"work/cases/<str:reference>/{action.path}", views.case_action, {"action": name}, name=name)
      for name, action in views.ACTIONS.items()],
    path("work/cases/<str:reference>/appeals/letter/", appeals.record_letter, name="appeal_letter"),
    path("work/cases/<str:reference>/appeals/<int:pk>/forwarded/", appeals.record_forwarded,
         name="appeal_forwarded"),
    path("work/cases/<str:reference>/appeals/<int:pk>/outcome/", appeals.record_outcome, name="appeal_outcome"),
    path("work/cases/<str:reference>/completion/finish/", appeals.finish_completion, name="completion_finish"),
    path("work/cases/<str:reference>/completion/return/", appeals.return_completion, name="completion_return"),
    path("work/cases/<str:reference>/bbr-updated/", appeals.tick_bbr, name="bbr_updated"),
    path("work/cases/<str:reference>/stage-documents/<int:pk>/check/", appeals.check_stage_document,
         name="stage_document_check"),
    path("work/advisories/", views.advisories, name="advisories"),
    path("work/advisories/read-all/", views.advisories_read_all, name="advisories_read_all"),
    path("work/advisories/<int:pk>/read/", views.advisory_read, name="advisory_read"),
]
