"""The shapes of the API's answers, as the OpenAPI document describes them (django-ninja
builds it from these pydantic models)."""

import datetime

from ninja import Schema
from pydantic import Field


class Problem(Schema):
    """An RFC 9457 problem document; `available_languages` when a leaflet is not in the
    language asked for."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    available_languages: list[str] | None = None


class Links(Schema):
    page: str = Field(description="The leaflet's page for patients.")
    api: str
    epi: str = Field(description="The leaflet as a FHIR ePI document (Bundle).")
    embed: str = Field(description="An embeddable view of the leaflet (for an iframe).")


class MedicineSummary(Schema):
    slug: str
    name: str
    language: str = Field(description="The language of the texts in this answer.")
    available_languages: list[str]
    kind: str
    route: str
    substance: str | None = Field(description="The active substance's common name (INN).")
    brand_names: list[str]
    atc_codes: list[str] = Field(description="ATC codes of the medicine or its members.")
    version: int = Field(description="Publication version: each publication raises it by one.")
    last_reviewed: datetime.date
    date_modified: datetime.datetime
    links: Links


class PageLinks(Schema):
    self: str
    first: str
    last: str
    next: str | None
    prev: str | None


class MedicineList(Schema):
    language: str
    count: int
    page: int
    pages: int
    links: PageLinks
    results: list[MedicineSummary]


class Member(Schema):
    substance: str
    brand_names: list[str]
    atc: str | None
    note: str | None


class Source(Schema):
    publisher: str | None
    title: str
    date: str | None
    note: str | None


class DocumentControl(Schema):
    version: int
    owner_department: str | None
    reference_number: str | None
    approved_by: str | None
    approved_at: datetime.datetime | None
    last_reviewed: datetime.date
    reviewed_by: str | None
    next_review: datetime.date | None
    source: Source


class AlarmGroup(Schema):
    title: str
    applies_to: str | None
    signs: list[str]
    signs_are_examples: bool = Field(description="The leaflet names these signs as examples.")
    action: str
    urgency: str = Field(description="'direct' (act at once) or 'niet-genoemd' (not stated).")


class Contact(Schema):
    purpose: str = Field(description="spoed, buiten-kantoortijd, vragen or afspraken.")
    urgent: bool
    owner: str = Field(description="Whose number it is.")
    name: str | None
    phone: str
    tel: str
    note: str | None


class CommonAnswer(Schema):
    code: str
    answer: str | None = Field(description="null: the leaflet does not answer it.")


class SafetyBox(Schema):
    language: str = Field(description="The safety box is written in Dutch only (nl).")
    alarm: list[AlarmGroup]
    contacts: list[Contact]
    emergency_number: str
    common_questions: list[CommonAnswer]


class Section(Schema):
    code: str = Field(description="The portal's section code (also the page anchor).")
    heading: str
    html: str = Field(description="Clean XHTML: no buttons, scripts, styles or data attributes.")
    text: str
    source_silent: bool = Field(description="The source leaflet says nothing on this topic.")
    qrd_code: str | None = Field(description="EMA QRD package-leaflet section code.")
    portal_code: str | None = Field(description="Code in the portal's own FHIR CodeSystem.")
    health_aspect: str
    url: str


class Change(Schema):
    date: datetime.datetime
    version: int | None
    summary: str


class MedicineDetail(MedicineSummary):
    summary: str
    key_points: list[str]
    other_names: list[str]
    members: list[Member]
    document: DocumentControl
    safety: SafetyBox
    sections: list[Section]
    glossary_terms: list[str]
    changes: list[Change]


class GlossaryTerm(Schema):
    slug: str
    term: str
    variants: list[str]
    html: str
    text: str
    url: str
    used_in: list[str]


class Glossary(Schema):
    language: str
    terms: list[GlossaryTerm]


class SearchHit(Schema):
    medicine: str
    section: str
    heading: str
    text: str
    contains_words: bool = Field(
        description="false: no word of the question is in it; shown as nearest only."
    )
    url: str
    api: str


class SearchGlossaryHit(Schema):
    slug: str
    term: str
    text: str
    url: str


class SearchAnswer(Schema):
    language: str
    query: str
    corrected_query: str | None
    exact_match: str | None = Field(description="The slug of the medicine the query names.")
    hits: list[SearchHit]
    glossary: list[SearchGlossaryHit]


class FeedItem(Schema):
    slug: str
    kind: str = Field(description="'gepubliceerd' (published) or 'offline' (taken offline).")
    date: str = Field(description="ISO 8601, to the microsecond: pass it as `since`.")
    version: int | None
    summary: str
    api: str | None


class ChangeFeed(Schema):
    since: datetime.datetime | None
    changes: list[FeedItem]
    next: str | None


class LookupResult(MedicineSummary):
    matched_by: list[str]


class LookupAnswer(Schema):
    language: str
    question: dict[str, str]
    results: list[LookupResult]
    in_other_languages: list[MedicineSummary] = Field(
        description="Leaflets that match, but not in the language asked for."
    )


class OEmbed(Schema):
    version: str
    type: str
    title: str
    provider_name: str
    provider_url: str
    html: str
    width: int
    height: int
