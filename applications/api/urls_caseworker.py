from django.urls import path

from applications.api import caseworker as views

urlpatterns = [
    path("cases/<str:reference>/assign/", views.AssignView.as_view(), name="api-case-assign"),
    path("cases/<str:reference>/information-requests/", views.InformationRequestView.as_view(),
         name="api-case-information-requests"),
    path("cases/<str:reference>/mark-complete/", views.MarkCompleteView.as_view(), name="api-case-mark-complete"),
    path("cases/<str:reference>/start-review/", views.StartReviewView.as_view(), name="api-case-start-review"),
    path("cases/<str:reference>/extend-deadline/", views.ExtendDeadlineView.as_view(),
         name="api-case-extend-deadline"),
    path("cases/<str:reference>/decision/", views.DecisionView.as_view(), name="api-case-decision"),
    path("cases/<str:reference>/change-type/", views.ChangeTypeView.as_view(), name="api-case-change-type"),
    path("cases/<str:reference>/decision.pdf", views.DecisionPdfView.as_view(), name="api-case-decision-pdf"),
    path("advisories/", views.AdvisoryListView.as_view(), name="api-advisories"),
    path("advisories/<int:pk>/read/", views.AdvisoryReadView.as_view(), name="api-advisory-read"),
]
