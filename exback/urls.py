from django.urls import path

from . import account_data, sessions, views

urlpatterns = [
    path("", views.home, name="home"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("account/", views.account, name="account"),
    path("account/export.json", account_data.export_json, name="account_export_json"),
    path("account/export.md", account_data.export_md, name="account_export_md"),
    path("account/delete/", account_data.delete_account, name="account_delete"),
    path("account/sessions/<int:pk>/end/", sessions.end_session, name="account_session_end"),
    path("for-a-counsellor/", views.counsellor, name="counsellor"),
    path("for-a-counsellor/document/", views.counsellor_document, name="counsellor_document"),
    path("about/", views.about, name="about"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
]
