from django.urls import path

from applications.views import documents, properties

urlpatterns = [
    path("properties/autocomplete/", properties.autocomplete, name="property_autocomplete"),
    path("cases/<str:reference>/documents/<int:pk>/download/", documents.download, name="document_download"),
]
