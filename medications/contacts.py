"""Whom a patient calls: the phone number the source leaflet gives (if it gives one) and the
hospital's own contact from the settings, each labelled with where it comes from."""

import re
from dataclasses import dataclass

from django.conf import settings

FROM_LEAFLET = "Uit de folder"
FROM_HOSPITAL = "Uw ziekenhuis"


@dataclass(frozen=True)
class Contact:
    label: str  # where the number comes from: the leaflet or the hospital
    name: str
    phone: str

    @property
    def tel(self):
        """The number for a tel: link: digits and a leading +, nothing else."""
        return re.sub(r"(?!^\+)\D", "", self.phone.strip())


def whom_to_call(medication):
    """The leaflet's own contact, then the hospital's; either may be missing. A hospital
    without a phone number in the settings is left out (its contact text is in the footer)."""
    contacts = []
    if medication.contact_phone:
        contacts.append(Contact(FROM_LEAFLET, medication.contact_name, medication.contact_phone))
    if settings.SITE_CONTACT_PHONE:
        hospital = settings.SITE_HOSPITAL_NAME
        name = "" if hospital.casefold() == FROM_HOSPITAL.casefold() else hospital
        contacts.append(Contact(FROM_HOSPITAL, name, settings.SITE_CONTACT_PHONE))
    return contacts
