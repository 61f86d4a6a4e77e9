from django.apps import AppConfig


class ServingConfig(AppConfig):
    """Serving the site: the whole-page cache, rate limits, the HTTP policy of views and the
    Dutch error pages. The label stays "pages" (the app's old name), so its table and
    migration history stay as every database has them."""

    name = "serving"
    label = "pages"
    verbose_name = "Pagina's serveren"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from serving import checks  # noqa: F401  (check --deploy: the portal's own settings)
