from django.urls import path

from applications.api import cases, firms, mandates

urlpatterns = [
    path("cases/", cases.CaseListView.as_view(), name="api-cases"),
    path("cases/<str:reference>/", cases.CaseDetailView.as_view(), name="api-case-detail"),
    path("cases/<str:reference>/documents/", cases.DocumentUploadView.as_view(), name="api-case-documents"),
    path("cases/<str:reference>/requirements/<slug:code>/not-relevant/", cases.NotRelevantView.as_view(),
         name="api-case-not-relevant"),
    path("cases/<str:reference>/submit/", cases.SubmitView.as_view(), name="api-case-submit"),
    path("cases/<str:reference>/confirm/", cases.ConfirmView.as_view(), name="api-case-confirm"),
    path("cases/<str:reference>/confirmation-link/", cases.ConfirmationLinkView.as_view(),
         name="api-case-confirmation-link"),
    path("firms/<int:firm_id>/cases/", firms.FirmCasesView.as_view(), name="api-firm-cases"),
    path("cases/<str:reference>/receipt.pdf", cases.ReceiptPdfView.as_view(), name="api-case-receipt"),
    path("cases/<str:reference>/mandates/", mandates.CaseMandatesView.as_view(), name="api-case-mandates"),
    path("cases/<str:reference>/mandates/<int:mandate_id>/", mandates.MandateRevokeView.as_view(),
         name="api-case-mandate"),
    path("mandates/<str:token>/accept/", mandates.MandateAcceptView.as_view(), name="api-mandate-accept"),
]
