from django.urls import path

from . import views

app_name = "stages"

urlpatterns = [
    path("", views.index, name="index"),
]
