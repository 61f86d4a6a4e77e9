from django.apps import AppConfig


class MedicationsConfig(AppConfig):
    name = "medications"
    verbose_name = "Medicijninformatie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from medications import receivers  # noqa: F401  (rows changed -> the write path)
