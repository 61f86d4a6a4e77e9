from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Zoeken"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import receivers  # noqa: F401  (content changes -> index)
