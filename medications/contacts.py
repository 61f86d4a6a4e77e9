"""Whom a patient calls, and for what: the numbers a leaflet gives (each with its purpose and
the organisation it belongs to) and the hospital's own route. Only numbers meant for urgent
matters go in the safety box; question and appointment lines go under the questions."""

from dataclasses import dataclass

from medications.models import HospitalContact


@dataclass(frozen=True)
class Route:
    """What one page shows about calling: urgent numbers first, then question lines."""

    urgent_from_leaflet: list
    questions_from_leaflet: list
    hospital_urgent: list
    hospital_other: list

    @property
    def has_urgent_number(self):
        return bool(self.urgent_from_leaflet or self.hospital_urgent)


def route_for(medication):
    """The calling route of one leaflet's page (one query for the hospital's numbers)."""
    hospital = list(HospitalContact.objects.all())
    contacts = medication.leaflet_contacts
    return Route(
        urgent_from_leaflet=[c for c in contacts if c.is_urgent],
        questions_from_leaflet=[c for c in contacts if not c.is_urgent],
        hospital_urgent=[c for c in hospital if c.is_urgent],
        hospital_other=[c for c in hospital if not c.is_urgent],
    )
