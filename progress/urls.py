from django.urls import path

from . import views

app_name = "progress"

urlpatterns = [
    path("", views.index, name="index"),
    path("summary/", views.summary, name="summary"),
    path("insights/", views.insights, name="insights"),
    path("exercises/apology/", views.apology, name="apology"),
    path("exercises/self-care/", views.selfcare, name="selfcare"),
    path("exercises/self-care/today/", views.checkin_today, name="checkin_today"),
    path("exercises/self-care/new/", views.checkin_new, name="checkin_new"),
    path("exercises/self-care/<int:pk>/", views.checkin_edit, name="checkin_edit"),
    path("exercises/self-care/<int:pk>/delete/", views.checkin_delete, name="checkin_delete"),
    path("exercises/contacts/", views.contacts, name="contacts"),
    path("exercises/contacts/<int:pk>/", views.contact_edit, name="contact_edit"),
    path("exercises/contacts/<int:pk>/delete/", views.contact_delete, name="contact_delete"),
    path("exercises/feelings/", views.feelings, name="feelings"),
    path("exercises/reach-out/", views.reach_out, name="reach_out"),
    path("exercises/messages/", views.held_messages, name="held_messages"),
    path("exercises/messages/<int:pk>/", views.message_detail, name="message_detail"),
    path("exercises/messages/<int:pk>/rewrite/", views.message_rewrite, name="message_rewrite"),
    path("exercises/messages/<int:pk>/decide/", views.message_decide, name="message_decide"),
    path("exercises/messages/<int:pk>/delete/", views.message_delete, name="message_delete"),
    path("exercises/responsibility/", views.responsibilities, name="responsibilities"),
    path(
        "exercises/responsibility/<int:pk>/",
        views.responsibility_edit,
        name="responsibility_edit",
    ),
    path(
        "exercises/responsibility/<int:pk>/delete/",
        views.responsibility_delete,
        name="responsibility_delete",
    ),
    path("exercises/patterns/", views.patterns, name="patterns"),
    path("exercises/memories/", views.memories, name="memories"),
    path("exercises/memories/<int:pk>/", views.memory_edit, name="memory_edit"),
    path("exercises/memories/<int:pk>/delete/", views.memory_delete, name="memory_delete"),
    path("exercises/date-idea/", views.date_idea, name="date_idea"),
    path("exercises/are-you-sure/", views.readiness, name="readiness"),
    path("reach-out-now/", views.reach_out_now, name="reach_out_now"),
    path("reach-out-now/ground/", views.reach_out_now_ground, name="reach_out_now_ground"),
    path("reach-out-now/end/", views.reach_out_now_end, name="reach_out_now_end"),
    path("<slug:slug>/", views.detail, name="detail"),
    path("<slug:slug>/start/", views.start, name="start"),
    path("<slug:slug>/complete/", views.complete, name="complete"),
    path("<slug:slug>/reopen/", views.reopen, name="reopen"),
]
