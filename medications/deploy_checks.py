"""`manage.py check --deploy`: what a hospital must set before patients rely on the pages."""

from django.core.checks import Warning, register
from django.db import DatabaseError

from medications.models import HospitalContact


@register("medications", deploy=True)
def hospital_route_is_set(app_configs=None, **kwargs):
    """Every safety box and printed page shows the hospital's urgent number; without one it
    can only say 'ask your doctor which number to call'."""
    try:
        has_urgent_number = HospitalContact.objects.urgent().exists()
    except DatabaseError:  # not migrated yet: `migrate` comes first, this check after
        return []
    if has_urgent_number:
        return []
    return [
        Warning(
            "Er staat geen spoednummer van het ziekenhuis in de beheeromgeving.",
            hint="Vul bij 'Telefoonnummers van het ziekenhuis' minstens één nummer in met "
            "'Bij spoed' of 'Buiten kantoortijd'. Het staat in elk veiligheidsblok en op "
            "elke geprinte pagina.",
            id="medications.W001",
        )
    ]
