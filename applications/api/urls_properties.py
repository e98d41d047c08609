from django.urls import path

from applications.api import municipalities, properties

urlpatterns = [
    path("municipalities/", municipalities.MunicipalityListView.as_view(), name="api-municipalities"),
    path("properties/", properties.PropertyListView.as_view(), name="api-properties"),
    path("properties/<int:pk>/", properties.PropertyDetailView.as_view(), name="api-property-detail"),
]
