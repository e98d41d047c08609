from django.urls import path

from dialogueteam import views

app_name = "dialogueteam"

urlpatterns = [
    path("", views.lookup, name="lookup"),
    path("cases/<str:reference>/", views.card, name="card"),
    path("cases/<str:reference>/ask/", views.ask, name="ask"),
    path("cases/<str:reference>/help-code/", views.help_code_create, name="help_code_create"),
    path("cases/<str:reference>/predialogue/", views.start_predialogue, name="start_predialogue"),
    path("contacts/", views.contacts, name="contacts"),
    path("contacts/new/", views.contact_create, name="contact_create"),
    path("forwards/<int:pk>/", views.forward, name="forward"),
    path("questions/", views.questions, name="questions"),
    path("questions/<int:pk>/", views.question, name="question"),
    path("help/", views.help_enter, name="help_enter"),
    path("assisted/", views.assisted_start, name="assisted_start"),
    path("help/<str:code>/", views.help_draft, name="help_draft"),
]
