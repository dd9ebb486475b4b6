from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "chinjeol.community"
    label = "community"
    verbose_name = "친절 신고·공동체"
