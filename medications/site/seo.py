"""What search engines and shared links read about a page: a short description that ends at a
sentence boundary, and schema.org data (JSON-LD) about a leaflet. Plain values only: the
facts come from the leaflet's own fields, nothing is added."""

import json
import re

from medications.choices import SectionKind

DESCRIPTION_LENGTH = 160
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9À-Ý\"'(])")


def first_sentences(text, max_length=DESCRIPTION_LENGTH):
    """As many whole sentences as fit in `max_length` characters, at least the first one
    (never a sentence cut off with '…': 'Het doel …' tells a reader nothing)."""
    text = " ".join((text or "").split())
    sentences = SENTENCE_END.split(text)
    kept = sentences[:1]
    for sentence in sentences[1:]:
        if len(" ".join([*kept, sentence])) > max_length:
            break
        kept.append(sentence)
    return " ".join(kept)


# schema.org health aspects (members of HealthAspectEnumeration) of the section kinds: what
# each part of a leaflet is about, for the JSON-LD here and the API's sections.
HEALTH_ASPECTS = {
    SectionKind.WERKING: "HowItWorksHealthAspect",
    SectionKind.AANDOENING: "OverviewHealthAspect",
    SectionKind.VOOR_DE_START: "UsageOrScheduleHealthAspect",
    SectionKind.NIET_GEBRUIKEN: "SafetyHealthAspect",
    SectionKind.DOSERING: "UsageOrScheduleHealthAspect",
    SectionKind.WANNEER_WERKT_HET: "EffectivenessHealthAspect",
    SectionKind.BIJWERKINGEN: "SideEffectsHealthAspect",
    SectionKind.WANNEER_CONTACT: "SeeDoctorHealthAspect",
    SectionKind.CONTROLES: "SafetyHealthAspect",
    SectionKind.ZWANGERSCHAP: "PregnancyHealthAspect",
    SectionKind.VACCINATIE: "SafetyHealthAspect",
    SectionKind.OPERATIES: "SafetyHealthAspect",
    SectionKind.ANDERE_MEDICIJNEN: "SafetyHealthAspect",
    SectionKind.BEWAREN: "UsageOrScheduleHealthAspect",
    SectionKind.REIZEN: "LivingWithHealthAspect",
    SectionKind.MEER_WETEN: "RelatedTopicsHealthAspect",
    SectionKind.VRAGEN: "GettingAccessHealthAspect",
}


def drug(name, substance="", atc="", brands=()):
    """A schema.org Drug: its name, its substance's common name and ATC code where known."""
    data = {"@type": "Drug", "name": name}
    if substance:
        data["nonProprietaryName"] = substance
    if brands:
        data["proprietaryName"] = list(brands)
    if atc:
        data["code"] = {"@type": "MedicalCode", "codeValue": atc, "codingSystem": "ATC"}
    return data


def drugs_of(medication):
    """The leaflet's medicine, or each medicine of a group leaflet. A member's `substance` is
    its common name, unless the leaflet names one substance for all its members: then the
    members are forms of that one ('IVIg (via een infuus in een ader)')."""
    members = list(medication.members.all())
    if not members:
        return drug(
            medication.name, medication.substance, medication.atc, medication.brand_name_list
        )
    shared = medication.substance
    return [
        drug(member.substance, shared or member.substance, member.atc,
             member.brand_name_list)
        for member in members
    ]  # fmt: skip


def leaflet_structured_data(medication, page_url, language="nl"):
    """schema.org MedicalWebPage about the medication, for a <script type="application/ld+json">
    block: data for search engines, never executed (the CSP allows no inline scripts). The
    same facts and codes as the API's detail (api.leaflets)."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "@id": f"{page_url}#pagina",
        "name": medication.name,
        "url": page_url,
        "inLanguage": language,
        "description": first_sentences(medication.summary),
        "about": drugs_of(medication),
        "medicalAudience": {"@type": "Patient"},
        "lastReviewed": medication.last_reviewed.isoformat(),
        "hasPart": [
            {
                "@type": "HealthTopicContent",
                "headline": section.heading,
                "hasHealthAspect": f"https://schema.org/{HEALTH_ASPECTS[section.kind]}",
                "url": f"{page_url}#{section.anchor}",
            }
            for section in medication.ordered_sections
        ],
    }
    if medication.version_number:
        data["version"] = str(medication.version_number)
    return json_script_text(data)


def json_script_text(data):
    """JSON that is safe inside <script>: '<', '>' and '&' as \\u escapes (like Django's
    json_script), so no text of a leaflet can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
