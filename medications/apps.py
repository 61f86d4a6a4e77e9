from django.apps import AppConfig


class MedicationsConfig(AppConfig):
    name = "medications"
    verbose_name = "Medicijninformatie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from medications import history, receivers  # noqa: F401  (rows changed -> write path)

        # After modeltranslation has added the fields of each language (its app comes first).
        history.register()
        from medications import deploy_checks  # noqa: F401  (registers the checks)
