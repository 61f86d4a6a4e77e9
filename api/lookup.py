"""Finding the leaflet for a medicine another system names: by ATC code (a substance such as
L04AX01, or a group such as L04AF), by brand name or by generic name, each matched against
the leaflet and its members. Also the HL7 Infobutton (context-aware knowledge retrieval)
URL form: mainSearchCriteria.v.c with code system mainSearchCriteria.v.cs = the ATC OID.
"""

from dataclasses import dataclass

from api.codes import ATC_OID
from medications.text import sort_key
from medications.validators import ATC_CODE


class BadLookup(ValueError):
    """The question cannot be answered as asked (a malformed code, another code system)."""


@dataclass(frozen=True)
class Question:
    atc: str = ""
    brand: str = ""
    name: str = ""

    @property
    def asked(self):
        return {key: value for key, value in vars(self).items() if value}


def question(atc="", brand="", name="", code="", code_system="", display_name=""):
    """The question from the plain parameters or their Infobutton form."""
    if code or code_system:
        if code_system and code_system != ATC_OID:
            raise BadLookup(
                f"Alleen ATC-codes worden ondersteund (mainSearchCriteria.v.cs={ATC_OID})."
            )
        atc = atc or code
        name = name or display_name
    atc = atc.strip().upper()
    if atc and not ATC_CODE.match(atc):
        raise BadLookup(f"'{atc[:20]}' is geen ATC-code (bijvoorbeeld L04AX01 of L04AF).")
    asked = Question(atc=atc, brand=brand.strip()[:120], name=name.strip()[:120])
    if not asked.asked:
        raise BadLookup("Geef atc, brand of name (of mainSearchCriteria.v.c).")
    return asked


def atc_matches(asked, code):
    """A substance code matches itself; a group code (L04AF) every substance in it."""
    return bool(code) and (code == asked if len(asked) == 7 else code.startswith(asked))


def generic_names(medication):
    """The generic names a leaflet answers to: its substance, its name, its other names and
    each member's substance (without an explanation in brackets)."""
    names = [medication.substance, medication.name, *medication.other_name_list]
    for member in medication.members.all():
        names += [member.substance, member.substance.split(" (")[0]]
    return {sort_key(name) for name in names if name}


def brand_names(medication):
    names = list(medication.brand_name_list)
    for member in medication.members.all():
        names += member.brand_name_list
    return {sort_key(name) for name in names}


def how_it_matches(medication, asked):
    """What matched ('atc', 'brand', 'name'), or [] when the leaflet is no answer. Every
    given criterion must match."""
    matched = []
    if asked.atc:
        codes = [medication.atc, *(member.atc for member in medication.members.all())]
        if not any(atc_matches(asked.atc, code) for code in codes):
            return []
        matched.append("atc")
    if asked.brand:
        if sort_key(asked.brand) not in brand_names(medication):
            return []
        matched.append("brand")
    if asked.name:
        if sort_key(asked.name) not in generic_names(medication):
            return []
        matched.append("name")
    return matched


def find(medications, asked):
    """[(medication, matched_by)] of the published leaflets that answer the question."""
    found = []
    for medication in medications:
        matched = how_it_matches(medication, asked)
        if matched:
            found.append((medication, matched))
    return found
