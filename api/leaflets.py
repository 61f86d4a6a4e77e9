"""Published leaflets as plain data for the API: what a page shows, with its codes, in one
language. Reads only live copies (`Medication.objects.published()`), so a draft cannot get
in; texts come from medications.html (clean XHTML and plain text), never from page markup.
"""

from django.conf import settings
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from api import codes
from api.languages import leaflet_languages
from medications import html as stored_html
from medications.addresses import absolute_url, site_base_url
from medications.models import Medication
from medications.site.seo import HEALTH_ASPECTS


class LanguageMissing(Exception):
    """The leaflet exists, but not in the language asked for."""

    def __init__(self, medication, language, available):
        super().__init__(language)
        self.medication = medication
        self.language = language
        self.available = available


def published():
    return Medication.objects.published().with_page_content()


def published_leaflet(slug):
    medication = published().filter(slug=slug).first()
    if medication is None:
        raise Http404(slug)
    return medication


def in_language(medication, language):
    """The languages of `medication`; raises LanguageMissing when `language` is not one."""
    available = leaflet_languages(medication)
    if language not in available:
        raise LanguageMissing(medication, language, available)
    return available


def api_url(name, *args, language=None):
    url = absolute_url(reverse(f"api:{name}", args=args))
    if language and language != settings.LANGUAGE_CODE:
        url += f"?lang={language}"
    return url


def address_maker(medication):
    """Links in exported text: '#dosering' to the section on the page, '/x' to the site."""
    page = absolute_url(medication.get_absolute_url())

    def address_of(href):
        if href.startswith("#"):
            return page + href
        if href.startswith("/"):
            return site_base_url() + href
        return href

    return address_of


def links(medication, language):
    return {
        "page": absolute_url(medication.get_absolute_url()),
        "api": api_url("medicine", medication.slug, language=language),
        "epi": api_url("epi", medication.slug, language=language),
        "embed": absolute_url(reverse("embed:leaflet", args=[medication.slug])),
    }


def summary(medication, language, available=None):
    """One leaflet in a list or a lookup answer."""
    with translation.override(language):
        return {
            "slug": medication.slug,
            "name": medication.name,
            "language": language,
            "available_languages": available or leaflet_languages(medication),
            "kind": medication.kind,
            "route": medication.route,
            "substance": medication.substance or None,
            "brand_names": medication.brand_name_list,
            "atc_codes": atc_codes(medication),
            "version": medication.version_number,
            "last_reviewed": medication.last_reviewed,
            "date_modified": medication.approved_at or medication.updated_at,
            "links": links(medication, language),
        }


def atc_codes(medication):
    """The leaflet's own ATC code and its members', each once, in order."""
    found = [medication.atc, *(member.atc for member in medication.members.all())]
    return list(dict.fromkeys(code for code in found if code))


def document_control(medication):
    return {
        "version": medication.version_number,
        "owner_department": medication.owner_department or None,
        "reference_number": medication.reference_number or None,
        "approved_by": medication.approved_by or None,
        "approved_at": medication.approved_at,
        "last_reviewed": medication.last_reviewed,
        "reviewed_by": medication.reviewed_by or None,
        "next_review": medication.next_review_due,
        "source": {
            "publisher": medication.source_publisher or None,
            "title": medication.source_title,
            "date": medication.source_date or None,
            "note": medication.source_note or None,
        },
    }


def safety_box(medication):
    """The safety box as data: each situation with its signs, action and urgency, and the
    leaflet's phone numbers with purpose and owner. Written in Dutch (the editors write it
    once, in the source language), so it says so."""
    return {
        "language": settings.LANGUAGE_CODE,
        "alarm": [
            {
                "title": group.title,
                "applies_to": group.applies_to or None,
                "signs": list(group.signs),
                "signs_are_examples": group.signs_are_examples,
                "action": group.action,
                "urgency": group.urgency,
            }
            for group in medication.alarm_groups
        ],
        "contacts": [
            {
                "purpose": contact.purpose,
                "urgent": contact.is_urgent,
                "owner": contact.owner,
                "name": contact.name or None,
                "phone": contact.phone,
                "tel": contact.tel,
                "note": contact.note or None,
            }
            for contact in medication.leaflet_contacts
        ],
        "emergency_number": "112",
        "common_questions": [
            {"code": answer.code, "answer": answer.answer or None}
            for answer in medication.common_answers
        ],
    }


def section_data(medication, section, address_of):
    code = codes.SECTION_CODES[section.kind]
    return {
        "code": section.kind,
        "heading": section.heading,
        "html": stored_html.xhtml(section.body_html, address_of),
        "text": stored_html.plain_text(section.body_html),
        "source_silent": section.source_silent,
        "qrd_code": code.code if code.system == "qrd" else None,
        "portal_code": code.code if code.system == "portal" else None,
        "health_aspect": f"https://schema.org/{HEALTH_ASPECTS[section.kind]}",
        "url": absolute_url(medication.section_url(section.anchor)),
    }


def detail(medication, language, available):
    """Everything the page says, as data, in `language` (which the leaflet has)."""
    with translation.override(language):
        address_of = address_maker(medication)
        return {
            **summary(medication, language, available),
            "summary": medication.summary,
            "key_points": medication.key_point_list,
            "other_names": medication.other_name_list,
            "members": [
                {
                    "substance": member.substance,
                    "brand_names": member.brand_name_list,
                    "atc": member.atc or None,
                    "note": member.note or None,
                }
                for member in medication.members.all()
            ],
            "document": document_control(medication),
            "safety": safety_box(medication),
            "sections": [
                section_data(medication, section, address_of)
                for section in medication.ordered_sections
            ],
            "glossary_terms": [term.slug for term in medication.glossary_terms.all()],
            "changes": change_log(medication),
        }


def change_log(medication):
    return [
        {"date": change.published_at, "version": change.version, "summary": change.summary}
        for change in medication.change_log
    ]
