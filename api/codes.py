"""Codes for the parts of a leaflet in exports: the EMA QRD package-leaflet section codes
where one fits, else a code of the portal's own (a FHIR CodeSystem it serves itself).

The QRD codes are EMA SPOR list 200000029659 ("Quality Review of Documents (QRD) Product
Information Template"); the portal's hospital leaflets have topics that list lacks
(monitoring, vaccination, surgery, when to call, the glossary), as the ePI guides allow
(the section code binding is extensible).
"""

from dataclasses import dataclass

from medications.choices import SectionKind

QRD_SYSTEM = "https://spor.ema.europa.eu/v1/lists/200000029659"
DOCUMENT_TYPE_SYSTEM = "https://spor.ema.europa.eu/v1/lists/100000155531"
PACKAGE_LEAFLET = ("100000155538", "Package Leaflet")
ROOT_SECTION = ("200000029894", "B. PACKAGE LEAFLET")
ATC_SYSTEM = "http://www.whocc.no/atc"
ATC_OID = "2.16.840.1.113883.6.73"
PORTAL_CODE_SYSTEM_PATH = "/api/v1/fhir/CodeSystem/leaflet-section"


@dataclass(frozen=True)
class Code:
    system: str  # "qrd" or "portal"
    code: str
    display: str


def qrd(code, display):
    return Code("qrd", code, display)


def portal(code, display):
    return Code("portal", code, display)


SECTION_CODES = {
    SectionKind.WERKING: qrd("200000029895", "1. What X is and what it is used for"),
    SectionKind.AANDOENING: portal("condition", "The condition it is used for"),
    SectionKind.VOOR_DE_START: qrd("200000029896", "2. What you need to know before you take X"),
    SectionKind.NIET_GEBRUIKEN: qrd("200000029897", "Do not take X"),
    SectionKind.DOSERING: qrd("200000029905", "3. How to take X"),
    SectionKind.WANNEER_WERKT_HET: portal("onset", "When it starts to work"),
    SectionKind.BIJWERKINGEN: qrd("200000029910", "4. Possible side effects"),
    SectionKind.WANNEER_CONTACT: portal("alarm", "When to contact your doctor or hospital"),
    SectionKind.CONTROLES: portal("monitoring", "Blood tests and other checks"),
    SectionKind.ZWANGERSCHAP: qrd("200000029902", "Pregnancy and breast-feeding"),
    SectionKind.VACCINATIE: portal("vaccination", "Vaccinations"),
    SectionKind.OPERATIES: portal("surgery", "Surgery and the dentist"),
    SectionKind.ANDERE_MEDICIJNEN: qrd("200000029900", "Other medicines and X"),
    SectionKind.BEWAREN: qrd("200000029913", "5. How to store X"),
    SectionKind.REIZEN: portal("travel", "Travelling"),
    SectionKind.MEER_WETEN: qrd("200000029920", "Other sources of information"),
    SectionKind.VRAGEN: portal("questions", "Questions and contact"),
}
SAFETY_BOX = portal("safety-box", "When to act at once: signs, actions and phone numbers")
GLOSSARY = portal("glossary", "Hard words explained")

# Every code of the portal's own code system, in a stable order (its CodeSystem resource).
PORTAL_CODES = [
    code for code in (*SECTION_CODES.values(), SAFETY_BOX, GLOSSARY) if code.system == "portal"
]
