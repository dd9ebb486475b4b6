from django.urls import path

from . import views
from .views import conversations

app_name = "contact"
urlpatterns = [
    path("", views.console, name="console"),
    path("live/", views.console_live, name="console_live"),
    path("callbacks/", views.callbacks, name="callbacks"),
    path("wallboard/", views.wallboard, name="wallboard"),
    path("wallboard/live/", views.wallboard_live, name="wallboard_live"),
    path("333/", views.dashboard_333, name="dashboard_333"),
    path("volumes/", views.volumes, name="volumes"),
    path("extensions/", views.extensions, name="extensions"),
    path("conversations/", conversations.conversations, name="conversations"),
    path("conversations/<int:pk>/", conversations.conversation, name="conversation"),
    path("conversations/<int:pk>/live/", conversations.conversation_live, name="conversation_live"),
]
