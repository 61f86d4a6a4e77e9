"""The read-only API (version 1): published leaflets, the glossary, search, a change feed,
lookups by code or name, FHIR ePI documents and oEmbed. Nothing here writes; every answer
is built from live copies of published leaflets (api.leaflets)."""

import datetime
import json
import math
from html import escape

from django.conf import settings
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError
from ninja.openapi.docs import Swagger

from api import fhir, leaflets, schemas
from api import lookup as lookups
from api.embedding import embed_size, page_of, slug_of_page
from api.languages import leaflet_languages, term_languages
from medications import html as stored_html
from medications.addresses import absolute_url
from medications.models import GlossaryTerm, Medication, Publication
from search.query import search_medications
from serving.errors import problem_response
from serving.languages import UnknownLanguage, requested_language

PAGE_SIZE = 25
FEED_SIZE = 100
FHIR_JSON = "application/fhir+json"
FHIR_FORMATS = {
    "json",
    "application/json",
    "application/fhir+json",
    FHIR_JSON + "; fhirVersion=5.0",
}
LANGUAGE_DESCRIPTION = (
    "The language of the texts: nl (default) or another language of the site (en). Also "
    "taken from Accept-Language. A leaflet without text in that language answers 404 with "
    "`available_languages`: the API never sends Dutch text labelled as another language."
)

api = NinjaAPI(
    title="Medicijninformatie: open data API",
    version="1",
    description=(
        "Read-only access to the hospital's published patient leaflets: no key needed. "
        "Answers carry ETag and Last-Modified (conditional requests answer 304), allow CORS "
        "GET from any origin, and are limited per client like the site's pages. Errors are "
        "RFC 9457 problem documents; FHIR endpoints answer an OperationOutcome."
    ),
    urls_namespace="api",
    docs=Swagger(settings={"deepLinking": True, "supportedSubmitMethods": ["get"]}),
    docs_url="/docs/",
    openapi_url="/openapi.json",
)


@api.exception_handler(Http404)
def not_found(request, exception):
    return problem_response(404, "Niet gevonden", "Deze folder of dit adres bestaat niet.")


@api.exception_handler(ValidationError)
def invalid_parameters(request, exception):
    wrong = sorted({".".join(map(str, error["loc"][1:])) for error in exception.errors})
    return problem_response(
        400, "Ongeldige vraag", f"Deze parameters kloppen niet: {', '.join(wrong)}.", errors=wrong
    )


@api.exception_handler(UnknownLanguage)
def unknown_language(request, exception):
    return problem_response(
        400,
        "Onbekende taal",
        f"De taal '{exception}' bestaat op deze site niet.",
        available_languages=site_languages(),
    )


@api.exception_handler(leaflets.LanguageMissing)
def language_missing(request, exception):
    return problem_response(
        404,
        "Niet in deze taal",
        f"De folder '{exception.medication.slug}' bestaat niet in de taal '{exception.language}'.",
        available_languages=exception.available,
    )


@api.exception_handler(lookups.BadLookup)
def bad_lookup(request, exception):
    return problem_response(400, "Vraag niet te beantwoorden", str(exception))


def site_languages():
    return [code for code, _name in settings.LANGUAGES]


def page_url(request, page):
    query = request.GET.copy()
    query["page"] = str(page)
    return absolute_url(f"{request.path_info}?{query.urlencode()}")


@api.get(
    "/medicines/",
    response=schemas.MedicineList,
    url_name="medicines",
    summary="All published leaflets",
    tags=["medicines"],
)
def medicine_list(
    request,
    page: int = Query(1, ge=1, le=1000),
    lang: str | None = Query(None, description=LANGUAGE_DESCRIPTION),
):
    """Published leaflets in the language asked for, by name, 25 a page, with links to the
    other pages."""
    language = requested_language(request)
    with translation.override(language):
        found = [(medication, leaflet_languages(medication)) for medication in leaflets.published()]
    found = [(medication, langs) for medication, langs in found if language in langs]
    pages = max(1, math.ceil(len(found) / PAGE_SIZE))
    if page > pages:
        raise Http404(page)
    shown = found[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return {
        "language": language,
        "count": len(found),
        "page": page,
        "pages": pages,
        "links": {
            "self": page_url(request, page),
            "first": page_url(request, 1),
            "last": page_url(request, pages),
            "next": page_url(request, page + 1) if page < pages else None,
            "prev": page_url(request, page - 1) if page > 1 else None,
        },
        "results": [leaflets.summary(m, language, langs) for m, langs in shown],
    }


@api.get(
    "/medicines/{slug}/",
    response=schemas.MedicineDetail,
    url_name="medicine",
    summary="One leaflet: every section, the safety box, document control",
    tags=["medicines"],
)
def medicine_detail(
    request, slug: str, lang: str | None = Query(None, description=LANGUAGE_DESCRIPTION)
):
    language = requested_language(request)
    medication = leaflets.published_leaflet(slug)
    available = leaflets.in_language(medication, language)
    return leaflets.detail(medication, language, available)


def fhir_response(data, status=200):
    return HttpResponse(
        json.dumps(data, ensure_ascii=False),
        status=status,
        content_type=f"{FHIR_JSON}; charset=utf-8",
    )


def epi(request, slug, profile_type):
    asked_format = request.GET.get("_format", "json")
    if asked_format not in FHIR_FORMATS:
        return fhir_response(
            fhir.operation_outcome("not-supported", "Alleen JSON: _format=json."), status=406
        )
    try:
        language = requested_language(request)
        medication = leaflets.published_leaflet(slug)
        leaflets.in_language(medication, language)
    except UnknownLanguage as unknown:
        return fhir_response(fhir.operation_outcome("value", f"Onbekende taal: {unknown}"), 400)
    except Http404:
        return fhir_response(fhir.operation_outcome("not-found", f"Geen folder '{slug}'."), 404)
    except leaflets.LanguageMissing as missing:
        return fhir_response(
            fhir.operation_outcome(
                "not-found",
                f"Niet in de taal '{missing.language}'; wel in: {', '.join(missing.available)}.",
            ),
            404,
        )
    return fhir_response(fhir.bundle(medication, language, profile_type))


EPI_PARAMETERS = {
    "responses": {
        200: {
            "description": "A FHIR R5 Bundle of type document (ePI).",
            "content": {FHIR_JSON: {"schema": {"type": "object"}}},
        },
        404: {
            "description": "No such leaflet, or not in that language (OperationOutcome).",
            "content": {FHIR_JSON: {"schema": {"type": "object"}}},
        },
    }
}


@api.get(
    "/medicines/{slug}/epi",
    url_name="epi",
    summary="The leaflet as a FHIR ePI document (Type 1)",
    tags=["fhir"],
    openapi_extra=EPI_PARAMETERS,
)
def epi_type1(
    request,
    slug: str,
    lang: str | None = Query(None, description=LANGUAGE_DESCRIPTION),
    format: str | None = Query(None, alias="_format", description="json (the only format)."),
):
    """A Bundle of type document: the Composition first (language, version, status final,
    type Package Leaflet), the hospital as author, one root section with a coded section
    per part of the page (EMA QRD codes where one fits, else the portal's own code system)
    and XHTML narrative. `application/fhir+json`."""
    return epi(request, slug, 1)


@api.get(
    "/medicines/{slug}/epi/type2",
    url_name="epi-type2",
    summary="The leaflet as a FHIR ePI document (Type 2: with MedicinalProductDefinition)",
    tags=["fhir"],
    openapi_extra=EPI_PARAMETERS,
)
def epi_type2(
    request,
    slug: str,
    lang: str | None = Query(None, description=LANGUAGE_DESCRIPTION),
    format: str | None = Query(None, alias="_format", description="json (the only format)."),
):
    """As Type 1, with a MedicinalProductDefinition per medicine (its names and ATC code) as
    the Composition's subject."""
    return epi(request, slug, 2)


@api.get(
    "/fhir/CodeSystem/leaflet-section",
    url_name="code-system",
    summary="The portal's own section codes (FHIR CodeSystem)",
    tags=["fhir"],
    openapi_extra={
        "responses": {
            200: {
                "description": "A FHIR R5 CodeSystem.",
                "content": {FHIR_JSON: {"schema": {"type": "object"}}},
            }
        }
    },
)
def code_system(request):
    return fhir_response(fhir.code_system())


@api.get(
    "/glossary/",
    response=schemas.Glossary,
    url_name="glossary",
    summary="The glossary: hard words explained",
    tags=["glossary"],
)
def glossary(request, lang: str | None = Query(None, description=LANGUAGE_DESCRIPTION)):
    """Every term with its explanation in the language asked for, and the published leaflets
    that use it. Terms not yet translated are left out."""
    language = requested_language(request)
    published = set(Medication.objects.published().values_list("pk", flat=True))
    terms = GlossaryTerm.objects.prefetch_related("medications")
    with translation.override(language):
        return {
            "language": language,
            "terms": [
                {
                    "slug": term.slug,
                    "term": term.term,
                    "variants": term.variant_list,
                    "html": stored_html.xhtml(term.explanation_html),
                    "text": stored_html.plain_text(term.explanation_html),
                    "url": absolute_url(term.get_absolute_url()),
                    "used_in": sorted(m.slug for m in term.medications.all() if m.pk in published),
                }
                for term in terms
                if language in term_languages(term)
            ],
        }


@api.get(
    "/search/",
    response=schemas.SearchAnswer,
    url_name="search",
    summary="Search, ranked as on the site; results are sections",
    tags=["search"],
)
def search(
    request,
    q: str = Query("", max_length=500),
    lang: str | None = Query(None, description=LANGUAGE_DESCRIPTION),
):
    """The site's own search (the same words, corrections and order), answered as section
    references. Only leaflets that exist in the language asked for."""
    language = requested_language(request)
    with translation.override(language):
        results = search_medications(q, language=language)
        exact = slug_of_page(results.redirect_url) if results.redirect_url else None
        languages = {
            group.medication.pk: leaflet_languages(group.medication) for group in results.groups
        }
        hits = [hit for hit in results.hits if language in languages[hit.medication.pk]]
        return {
            "language": language,
            "query": results.query,
            "corrected_query": results.corrected_query or None,
            "exact_match": exact,
            "hits": [
                {
                    "medicine": hit.medication.slug,
                    "section": hit.kind,
                    "heading": hit.candidate.title,
                    "text": hit.candidate.text or "",
                    "contains_words": hit.matched,
                    "url": absolute_url(hit.url),
                    "api": leaflets.api_url("medicine", hit.medication.slug, language=language),
                }
                for hit in hits
            ],
            "glossary": [
                {
                    "slug": hit.term.slug,
                    "term": hit.title,
                    "text": hit.text,
                    "url": absolute_url(hit.url),
                }
                for hit in results.glossary
                if language in term_languages(hit.term)
            ],
        }


def parse_since(value):
    if not value:
        return None
    moment = parse_datetime(value)
    if moment is None:
        day = parse_date(value)
        if day is None:
            raise lookups.BadLookup(
                f"'{value[:40]}' is geen datum; schrijf 2026-12-01 of 2026-12-01T10:00:00Z."
            )
        moment = datetime_of(day)
    if moment.tzinfo is None:
        moment = timezone.make_aware(moment)
    return moment


def datetime_of(day):
    return datetime.datetime.combine(day, datetime.time.min)


@api.get(
    "/changes/",
    response=schemas.ChangeFeed,
    url_name="changes",
    summary="Change feed: publications since a moment",
    tags=["medicines"],
)
def changes(
    request,
    since: str | None = Query(
        None, description="ISO 8601 date or date-time; only publications after it."
    ),
):
    """Each publication and each leaflet taken offline, oldest first, with its date, the
    version it made and the editors' one-line summary (as on the page under "Wat is er
    veranderd?"). Poll with `since` = the date of the last item seen; `next` gives the
    following page when there are more than 100."""
    moment = parse_since(since)
    steps = Publication.objects.order_by("published_at", "pk")
    if moment is not None:
        steps = steps.filter(published_at__gt=moment)
    steps = list(steps[: FEED_SIZE + 1])
    # Names come from the live copies (a working copy's slug may be an unpublished edit).
    live = {
        m.working_copy_id: m
        for m in Medication.objects.filter(working_copy__in=[step.medication_id for step in steps])
    }
    shown = steps[:FEED_SIZE]
    following = None
    if len(steps) > FEED_SIZE:
        query = request.GET.copy()
        query["since"] = shown[-1].published_at.isoformat()
        following = absolute_url(f"{request.path_info}?{query.urlencode()}")
    return {
        "since": moment,
        "changes": [
            feed_item(step, live[step.medication_id])
            for step in shown
            if step.medication_id in live
        ],
        "next": following,
    }


def feed_item(step, live):
    return {
        "slug": live.slug,
        "kind": step.kind,
        "date": step.published_at.isoformat(),
        "version": step.version,
        "summary": step.summary,
        "api": leaflets.api_url("medicine", live.slug) if live.is_published else None,
    }


@api.get(
    "/lookup",
    response=schemas.LookupAnswer,
    url_name="lookup",
    summary="The leaflet for a medicine: by ATC code, brand or generic name (Infobutton)",
    tags=["lookup"],
)
def lookup(
    request,
    atc: str = Query("", description="An ATC code (L04AX01) or ATC group (L04AF)."),
    brand: str = Query("", description="A brand name, e.g. Xeljanz."),
    name: str = Query("", description="A generic name, e.g. tofacitinib."),
    code: str = Query("", alias="mainSearchCriteria.v.c", description="HL7 Infobutton: the code."),
    code_system: str = Query(
        "",
        alias="mainSearchCriteria.v.cs",
        description=f"HL7 Infobutton: the code system; only ATC ({lookups.ATC_OID}).",
    ),
    display_name: str = Query(
        "", alias="mainSearchCriteria.v.dn", description="HL7 Infobutton: a display name."
    ),
    recipient_language: str = Query(
        "",
        alias="informationRecipient.languageCode.c",
        description="HL7 Infobutton: the language (as `lang`).",
    ),
    lang: str | None = Query(None, description=LANGUAGE_DESCRIPTION),
):
    """The published leaflets that match every criterion given, in the language asked for.
    No match: an empty `results` (200). Matches only in other languages are listed apart
    in `in_other_languages`."""
    language = requested_language(request)
    if recipient_language and "lang" not in request.GET:
        language = language_from(recipient_language)
    asked = lookups.question(atc, brand, name, code, code_system, display_name)
    results, elsewhere = [], []
    for medication, matched in lookups.find(leaflets.published(), asked):
        available = leaflet_languages(medication)
        if language in available:
            results.append(
                {**leaflets.summary(medication, language, available), "matched_by": matched}
            )
        else:
            elsewhere.append(leaflets.summary(medication, settings.LANGUAGE_CODE, available))
    return {
        "language": language,
        "question": asked.asked,
        "results": results,
        "in_other_languages": elsewhere,
    }


def language_from(code):
    primary = code.strip().lower().split("-")[0]
    if primary not in site_languages():
        raise UnknownLanguage(code[:20])
    return primary


@api.get(
    "/oembed",
    response=schemas.OEmbed,
    url_name="oembed",
    summary="oEmbed for a leaflet page (an iframe with its embeddable view)",
    tags=["embed"],
)
def oembed(
    request,
    url: str = Query(..., description="The address of a leaflet page on this site."),
    maxwidth: int | None = Query(None, ge=200, le=2000),
    maxheight: int | None = Query(None, ge=200, le=4000),
    format: str = Query("json", description="json (the only format)."),
):
    """oEmbed 1.0 (type rich): an iframe of the leaflet's embeddable view. It can be framed
    only by the origins the hospital lists (PORTAL_EMBED_ORIGINS)."""
    if format != "json":
        return problem_response(501, "Niet ondersteund", "Alleen format=json.")
    slug, language = page_of(url)
    if slug is None:
        raise Http404(url)
    with translation.override(language):  # the embed in the page's language
        medication = leaflets.published_leaflet(slug)
        if language not in leaflet_languages(medication):
            raise Http404(url)
        title = medication.name
        src = absolute_url(reverse("embed:leaflet", args=[slug]))
    width, height = embed_size(maxwidth, maxheight)
    return {
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": settings.SITE_NAME,
        "provider_url": absolute_url("/"),
        "html": (
            f'<iframe src="{src}" title="{escape(title)}" '
            f'width="{width}" height="{height}" loading="lazy"></iframe>'
        ),
        "width": width,
        "height": height,
    }
