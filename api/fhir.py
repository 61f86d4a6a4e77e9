"""A leaflet as an HL7 FHIR (R5) electronic product information document: a Bundle of type
`document`, one per language, shaped after the HL7 ePI Type 1 profile (Type 2: with a
MedicinalProductDefinition per medicine, with its names and ATC code).

- Bundle: a persistent identifier (leaflet and language), `timestamp` = first publication.
- Composition first: identifier new per version, `version` = our publication version,
  `status` final, `type` Package Leaflet (EMA SPOR 100000155531 / 100000155538), the hospital
  as author (an Organization in the Bundle), one root section (QRD 200000029894) holding one
  section per part of the page, each coded (api.codes) with XHTML narrative.
- Narrative: medications.html.xhtml inside `<div xmlns="http://www.w3.org/1999/xhtml">`,
  only elements FHIR narrative allows (no buttons, forms, scripts, styles or data attributes).
"""

import uuid
from html import escape

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from api import codes
from api.languages import term_languages
from api.leaflets import address_maker
from medications import html as stored_html
from medications.addresses import absolute_url

XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"
PROFILE_BASE = "http://hl7.org/fhir/uv/emedicinal-product-info/StructureDefinition/"
BUNDLE_PROFILES = {1: "Bundle-epi-type1", 2: "Bundle-epi-type2"}
COMPOSITION_PROFILE = "Composition-epi-type1"
# Names of things in the portal's own namespace: a uuid5 per name gives each resource a
# fullUrl that is the same for the same leaflet, language and version.
NAMESPACE = uuid.UUID("6b3c1f0e-4d1a-5e7b-9c2d-8f1e2a3b4c5d")


def urn(*parts):
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, '/'.join(map(str, parts)))}"


def instant(moment):
    """A FHIR instant: seconds and a time zone."""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def narrative(inner_xhtml, language):
    return {
        "status": "additional",
        "div": f'<div xmlns="{XHTML_NAMESPACE}" lang="{language}" xml:lang="{language}">'
        f"{inner_xhtml}</div>",
    }


def coding(code):
    system = codes.QRD_SYSTEM if code.system == "qrd" else portal_code_system()
    return {"coding": [{"system": system, "code": code.code, "display": code.display}]}


def portal_code_system():
    return absolute_url(codes.PORTAL_CODE_SYSTEM_PATH)


def identifier_system(name):
    return absolute_url(f"{reverse('api:api-root')}fhir/{name}")


def first_published(medication):
    changes = medication.change_log
    moments = [change.published_at for change in changes] or [medication.approved_at]
    moments = [moment for moment in moments if moment] or [medication.updated_at]
    return min(moments)


def last_changed(medication):
    return medication.approved_at or medication.updated_at


def page_sections(medication, language):
    address_of = address_maker(medication)
    sections = []
    if medication.alarm_groups or medication.leaflet_contacts:
        sections.append(
            {
                "title": safety_title(medication, language),
                "code": coding(codes.SAFETY_BOX),
                "text": narrative(safety_xhtml(medication), settings.LANGUAGE_CODE),
            }
        )
    for section in medication.ordered_sections:
        sections.append(
            {
                "title": section.heading,
                "code": coding(codes.SECTION_CODES[section.kind]),
                "text": narrative(stored_html.xhtml(section.body_html, address_of), language),
            }
        )
    terms = [t for t in medication.glossary_terms.all() if language in term_languages(t)]
    if terms:
        sections.append(
            {
                "title": glossary_title(language),
                "code": coding(codes.GLOSSARY),
                "text": narrative(glossary_xhtml(terms, address_of), language),
            }
        )
    return sections


def safety_title(medication, language):
    """The safety box's heading as the page has it. The box is written in Dutch only: in
    another language its title says so, and its narrative is marked lang="nl"."""
    if language != settings.LANGUAGE_CODE:
        return f"{codes.SAFETY_BOX.display} (Nederlands)"
    if medication.has_direct_alarm:
        return "Wanneer moet u direct contact opnemen?"
    return "Wanneer neemt u contact op?"


def glossary_title(language):
    return {"nl": "Moeilijke woorden", "en": "Hard words explained"}.get(
        language, codes.GLOSSARY.display
    )


def safety_xhtml(medication):
    """The safety box as narrative: each situation, its signs and what to do; the leaflet's
    urgent numbers with their owner; and 112 for life-threatening complaints."""
    parts = []
    for group in medication.alarm_groups:
        applies = f" ({escape(group.applies_to)})" if group.applies_to else ""
        parts.append(f"<h3>{escape(group.title)}{applies}</h3>")
        if group.signs:
            parts.append("<ul>" + "".join(f"<li>{escape(s)}</li>" for s in group.signs) + "</ul>")
        else:
            parts.append("<p>De folder noemt hierbij geen klachten.</p>")
        lead = "<b>Meteen:</b> " if group.is_direct else ""
        parts.append(f"<p>{lead}{escape(group.action)}</p>")
        if not group.urgency_stated:
            parts.append("<p>De folder zegt niet hoe snel u contact moet opnemen.</p>")
    urgent = [contact for contact in medication.leaflet_contacts if contact.is_urgent]
    if urgent:
        items = "".join(
            f"<li>{escape(c.purpose_label)}: {escape(c.name + ', ' if c.name else '')}"
            f"{escape(c.phone)} (nummer uit de folder van {escape(c.owner)})</li>"
            for c in urgent
        )
        parts.append(f"<ul>{items}</ul>")
    parts.append("<p>Bij levensbedreigende klachten: bel 112.</p>")
    return "".join(parts)


def glossary_xhtml(terms, address_of):
    items = "".join(
        f"<dt>{escape(term.term)}</dt><dd>{stored_html.xhtml(term.explanation_html, address_of)}"
        "</dd>"
        for term in terms
    )
    return f"<dl>{items}</dl>"


def organization(medication):
    return {
        "resourceType": "Organization",
        "id": "hospital",
        "identifier": [{"system": identifier_system("organization"), "value": "hospital"}],
        "name": settings.SITE_HOSPITAL_NAME,
        "contact": [{"telecom": [{"system": "url", "value": absolute_url("/")}]}],
    }


def product_definitions(medication):
    """One MedicinalProductDefinition per medicine: the leaflet's own, or each member's."""
    members = list(medication.members.all())
    products = []
    if not members:
        products.append(
            product("product", medication.substance or medication.name, medication.atc,
                    medication.brand_name_list)
        )  # fmt: skip
    for position, member in enumerate(members, start=1):
        products.append(
            product(f"product-{position}", member.substance, member.atc, member.brand_name_list)
        )
    return products


def product(key, substance, atc, brands):
    names = [{"productName": name} for name in (substance, *brands)]
    resource = {"resourceType": "MedicinalProductDefinition", "id": key, "name": names}
    if atc:
        resource["classification"] = [
            {"coding": [{"system": codes.ATC_SYSTEM, "code": atc}], "text": f"ATC {atc}"}
        ]
    return resource


def bundle(medication, language, profile_type=1):
    """The ePI document of `medication` in `language` (a language the leaflet has)."""
    with translation.override(language):
        version = medication.version_number
        document = f"{medication.slug}-{language}"
        organization_url = urn(document, "organization")
        products = product_definitions(medication) if profile_type == 2 else []
        product_urls = [urn(document, version, resource["id"]) for resource in products]
        composition = {
            "resourceType": "Composition",
            "id": f"{document}-v{version}",
            "meta": {
                "versionId": str(version),
                "lastUpdated": instant(last_changed(medication)),
                "profile": [PROFILE_BASE + COMPOSITION_PROFILE],
            },
            "language": language,
            "text": narrative(f"<p>{escape(medication.name)}</p>", language),
            "identifier": [
                {"system": identifier_system("composition"), "value": f"{document}-v{version}"}
            ],
            "version": str(version),
            "status": "final",
            "type": {
                "coding": [
                    {
                        "system": codes.DOCUMENT_TYPE_SYSTEM,
                        "code": codes.PACKAGE_LEAFLET[0],
                        "display": codes.PACKAGE_LEAFLET[1],
                    }
                ]
            },
            "subject": [{"reference": url} for url in product_urls]
            or [{"display": medication.name}],
            "date": instant(last_changed(medication)),
            "author": [{"reference": organization_url}],
            "title": medication.name,
            "section": [
                {
                    "title": medication.name,
                    "code": {
                        "coding": [
                            {
                                "system": codes.QRD_SYSTEM,
                                "code": codes.ROOT_SECTION[0],
                                "display": codes.ROOT_SECTION[1],
                            }
                        ]
                    },
                    "text": narrative(f"<p>{escape(medication.summary)}</p>", language),
                    "section": page_sections(medication, language),
                }
            ],
        }
        entries = [
            {"fullUrl": urn(document, version, "composition"), "resource": composition},
            {"fullUrl": organization_url, "resource": organization(medication)},
            *(
                {"fullUrl": url, "resource": resource}
                for url, resource in zip(product_urls, products, strict=True)
            ),
        ]
        return {
            "resourceType": "Bundle",
            "id": f"{document}-type{profile_type}",
            "meta": {
                "versionId": str(version),
                "lastUpdated": instant(last_changed(medication)),
                "profile": [PROFILE_BASE + BUNDLE_PROFILES[profile_type]],
            },
            "identifier": {"system": identifier_system("epi"), "value": document},
            "type": "document",
            "timestamp": instant(first_published(medication)),
            "entry": entries,
        }


def code_system():
    """The portal's own section codes as a FHIR CodeSystem, served at its own URL."""
    return {
        "resourceType": "CodeSystem",
        "id": "leaflet-section",
        "url": portal_code_system(),
        "name": "LeafletSection",
        "title": "Sections of a hospital's patient leaflet without an EMA QRD code",
        "status": "active",
        "content": "complete",
        "caseSensitive": True,
        "concept": [{"code": code.code, "display": code.display} for code in codes.PORTAL_CODES],
    }


def operation_outcome(code, diagnostics):
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": diagnostics}],
    }
