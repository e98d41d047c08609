from django.urls import path

from applications.views import appeals, assisted, cases, mandates, representatives

urlpatterns = [
    path("cases/", cases.my_applications, name="my_applications"),
    path("cases/new/", cases.draft_create, name="draft_create"),
    path("cases/<str:reference>/", cases.case_detail, name="case_detail"),
    path("cases/<str:reference>/edit/", cases.draft_edit, name="draft_edit"),
    path("cases/<str:reference>/documents/", cases.draft_documents, name="draft_documents"),
    path("cases/<str:reference>/check/", cases.draft_check, name="draft_check"),
    path("cases/<str:reference>/change-answers/", cases.draft_change_answers, name="draft_change_answers"),
    path("cases/<str:reference>/from-guide/", cases.draft_from_guide, name="draft_from_guide"),
    path("cases/<str:reference>/submit/", cases.submit, name="submit"),
    path("cases/<str:reference>/receipt/", cases.receipt, name="receipt"),
    path("cases/<str:reference>/receipt.pdf", cases.receipt_pdf, name="receipt_pdf"),
    path("cases/<str:reference>/upload/", cases.upload, name="upload"),
    path("cases/<str:reference>/not-relevant/", cases.not_relevant, name="not_relevant"),
    path("cases/<str:reference>/representatives/", representatives.invite_representative, name="invite_representative"),
    path("cases/<str:reference>/representatives/remove/", representatives.remove_representative,
         name="remove_representative"),
    path("cases/<str:reference>/answer/", cases.answer_request, name="answer_request"),
    path("cases/<str:reference>/decision.pdf", cases.decision_pdf, name="decision_pdf"),
    path("cases/<str:reference>/appeal/", appeals.appeal_page, name="appeal"),
    path("cases/<str:reference>/start/", appeals.report_start, name="report_start"),
    path("cases/<str:reference>/completion/", appeals.report_completion, name="report_completion"),
    path("cases/<str:reference>/stage-documents/", appeals.send_stage_document, name="stage_document_send"),
    path("cases/<str:reference>/occupancy.pdf", appeals.occupancy_pdf, name="occupancy_pdf"),
    path("cases/<str:reference>/assisted-link/", assisted.send_link, name="assisted_send_link"),
    path("assisted/<str:token>/", assisted.confirm, name="assisted_confirm"),
    path("representation/<str:token>/", representatives.accept_representation, name="representation_accept"),
    path("cases/<str:reference>/mandates/", mandates.request_mandate, name="request_mandate"),
    path("mandates/<str:token>/", mandates.mandate, name="mandate"),
]
