from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views, views_data, views_firms

app_name = "accounts"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("verify/<str:token>/", views.verify, name="verify"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("language/", views.set_language, name="set_language"),
    path("settings/", views.preferences, name="preferences"),
    path("my-data/", views_data.my_data, name="my_data"),
    path("my-data/download/", views_data.my_data_download, name="my_data_download"),
    path("delete/", views_data.delete_account, name="delete_account"),
    path("firms/", views_firms.firms, name="firms"),
    path("firms/<int:firm_id>/", views_firms.firm, name="firm"),
    path("firms/<int:firm_id>/members/<int:member_id>/remove/", views_firms.firm_member_remove,
         name="firm_member_remove"),
    path("firms/<int:firm_id>/members/<int:member_id>/admin/", views_firms.firm_member_admin,
         name="firm_member_admin"),
    path("welcome/<str:token>/", views_firms.welcome, name="welcome"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            email_template_name="accounts/email/password_reset.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
