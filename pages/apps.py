from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = "Pagina's serveren"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from pages import receivers  # noqa: F401  (content changes -> a new content version)
        from portal import checks  # noqa: F401  (check --deploy: the portal's own settings)
