app_name = "kindness"
urlpatterns: list = []
