from django.apps import AppConfig


class MedicationsConfig(AppConfig):
    name = "medications"
    verbose_name = "Medicijninformatie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from medications.editing import (
            admin,  # noqa: F401  (registers the editors' admin)
            history,
        )
        from medications.printing import receivers  # noqa: F401  (a new content version, PDFs)
        from medications.publishing import guard  # noqa: F401  (tripwire: writes outside it)

        # After modeltranslation has added the fields of each language (its app comes first).
        history.register()
        from medications import deploy_checks  # noqa: F401  (registers the checks)
