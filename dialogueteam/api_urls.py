from django.urls import path

from dialogueteam import api

urlpatterns = [
    path("lookup/", api.LookupView.as_view(), name="api-lookup"),
    path("contacts/", api.ContactCreateView.as_view(), name="api-contacts"),
]
