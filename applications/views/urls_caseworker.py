from django.urls import path

from applications.views import caseworker as views

urlpatterns = [
    path("work/queue/", views.queue, name="queue"),
    path("work/queue/assign/", views.queue_assign, name="queue_assign"),
    path("work/cases/<str:reference>/", views.workspace, name="workspace"),
    path("work/cases/<str:reference>/documents/<int:pk>/preview/", views.document_preview, name="document_preview"),
    path("work/cases/<str:reference>/assign/", views.assign, name="case_assign"),
    path("work/cases/<str:reference>/request-information/", views.request_information, name="request_information"),
    path("work/cases/<str:reference>/mark-complete/", views.mark_complete, name="mark_complete"),
    path("work/cases/<str:reference>/start-review/", views.start_review, name="start_review"),
    path("work/cases/<str:reference>/extend-deadline/", views.extend_deadline, name="extend_deadline"),
    path("work/cases/<str:reference>/change-type/", views.change_type, name="change_type"),
    path("work/cases/<str:reference>/decision/", views.decide, name="decide"),
    path("work/cases/<str:reference>/withdraw/", views.withdraw, name="case_withdraw"),
    path("work/cases/<str:reference>/claims/<slug:code>/", views.decide_claim, name="decide_claim"),
    path("work/cases/<str:reference>/notes/", views.add_note, name="add_note"),
    path("work/advisories/", views.advisories, name="advisories"),
    path("work/advisories/read-all/", views.advisories_read_all, name="advisories_read_all"),
    path("work/advisories/<int:pk>/read/", views.advisory_read, name="advisory_read"),
]
