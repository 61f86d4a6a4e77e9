"""Thin views: fetch with a queryset or a plain function, render a template."""

from django.db.models import Prefetch
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_ratelimit.decorators import ratelimit

from medications import html as stored_html
from medications import languages, safety, translation_status
from medications.addresses import absolute_url
from medications.contacts import route_for
from medications.models import Medication, SectionKind
from medications.site import feedback
from medications.site.grouping import (
    group_glossary_by_letter,
    group_medications_by_kind,
    names_a_to_z,
)
from medications.site.seo import leaflet_structured_data
from medications.site.withdrawal import gone_when_withdrawn


def home(request):
    """The leaflets there are in the page's language (all of them in Dutch)."""
    published = (
        Medication.objects.published().with_translations().prefetch_related("members", "sections")
    )
    medications = languages.translated_medications(published, translation.get_language())
    return render(
        request,
        "medications/home.html",
        {"groups": group_medications_by_kind(medications), "names": names_a_to_z(medications)},
    )


def published_leaflet(slug):
    """A published medication with everything its page and its printout show."""
    return get_object_or_404(Medication.objects.published().with_page_content(), slug=slug)


def shown_sections(medication, source_kinds=()):
    """The sections as the page shows them; for `source_kinds` (a translation behind the
    Dutch text) with the current Dutch text beside the translation."""
    explanations = stored_html.explanations(medication.glossary_terms.all())
    return [
        stored_html.ShownSection(
            kind=section.kind,
            anchor=section.anchor,
            heading=section.heading,
            html=stored_html.page_html(section.body_html, explanations, section.anchor),
            source_silent=section.source_silent,
            is_alarm=section.is_alarm,
            lang=translation_status.shown_language(section, translation.get_language()),
            **(source_text(section) if section.kind in source_kinds else {}),
        )
        for section in medication.ordered_sections
    ]


def source_text(section):
    return {
        "source_heading": translation_status.source_value(section, "heading"),
        "source_html": stored_html.page_html(translation_status.source_value(section, "body_html")),
    }


def leaflet_context(request, medication, preview=False):
    """What the page, the print view and the PDF of a leaflet show. `preview`: an editor's
    working copy, shown at a private address before it is published."""
    sections = medication.ordered_sections
    language = translation.get_language()
    return {
        "medication": medication,
        "page_languages": languages.available_languages(medication),
        "translation_note": translation_note(medication, language),
        "show_change_log": language == languages.source_language(),
        "page_url": absolute_url(medication.get_absolute_url()),
        "printed_on": timezone.localdate(),
        "preview": preview,
        "route": route_for(medication),
        "alarm_section": next((s for s in sections if s.is_alarm), None),
        "shows_questions_section": any(s.kind == SectionKind.VRAGEN for s in sections),
        "has_terms": any(stored_html.term_slugs(section.body_html) for section in sections),
        "links": leaflet_links(medication, preview),
    }


def translation_note(medication, language):
    """What an English (or other) page says it is: a translation of which Dutch version,
    with the Dutch page's address. None on the Dutch page itself."""
    if language == languages.source_language():
        return None
    source = languages.translation_source(medication, language)
    version, date = source if source else (None, None)
    url = absolute_url(
        languages.address_in(
            languages.source_language(), "medications:detail", {"slug": medication.slug}
        )
    )
    notice = translation_status.page_notice(medication, language)
    outdated = notice.outdated if notice else translation_status.OutdatedParts()
    return {
        "version": version,
        "date": date,
        "source_url": url,
        # The Dutch text moved on since the translation was reviewed: when, and where it
        # matters most (the safety box, the alarm and dosing sections) its current words.
        "source_updated_on": notice.source_updated_on if notice else None,
        "source_safety": source_safety(medication) if outdated.safety_box else None,
        "source_kinds": outdated.section_kinds,
    }


def source_safety(medication):
    """The current Dutch safety data: its alarm groups and urgent numbers from the leaflet."""
    contacts = safety.leaflet_contacts(translation_status.source_value(medication, "contacts"))
    return {
        "groups": safety.alarm_groups(translation_status.source_value(medication, "alarm")),
        "urgent": [contact for contact in contacts if contact.is_urgent],
    }


def not_translated(request, medication):
    """The leaflet exists, not in this language: a plain 404 page that says so and links to
    the languages it is in."""
    translations = [
        {
            "code": code,
            "name": languages.language_name(code),
            "url": languages.address_in(code, "medications:detail", {"slug": medication.slug}),
        }
        for code in languages.available_languages(medication)
    ]
    context = {
        "medication": medication,
        "translations": translations,
        "page_languages": [code for code in languages.available_languages(medication)],
    }
    return render(request, "medications/not_translated.html", context, status=404)


def in_page_language(view):
    """A leaflet's view, or the not-translated page when it has no text in this language."""

    def wrapped(request, medication, *args, **kwargs):
        if translation.get_language() not in languages.available_languages(medication):
            return not_translated(request, medication)
        return view(request, medication, *args, **kwargs)

    return wrapped


def leaflet_links(medication, preview=False):
    """Where the page, its print view and its PDF are: a preview's links stay on the draft
    (the admin's private addresses), a published page's on the public ones."""
    if preview:
        language = translation.get_language()
        prefix, args = "", [medication.pk]
        if language != languages.source_language():  # a translation: its own previews
            prefix, args = "translated_", [medication.pk, language]
        return {
            name: reverse(f"admin:medications_medication_{prefix}{view}", args=args)
            for name, view in (
                ("page", "preview"),
                ("print", "preview_print"),
                ("pdf", "preview_pdf"),
            )
        }
    return {
        "page": medication.get_absolute_url(),
        "print": reverse("medications:print", args=[medication.slug]),
        "pdf": reverse("medications:pdf", args=[medication.slug]),
    }


@gone_when_withdrawn
def medication_detail(request, slug):
    return in_page_language(render_leaflet)(request, published_leaflet(slug))


def render_leaflet(request, medication, preview=False):
    context = leaflet_context(request, medication, preview)
    note = context["translation_note"]
    context["sections"] = shown_sections(medication, note["source_kinds"] if note else ())
    context["feedback_sections"] = feedback.section_choices(medication)
    if not preview:
        context["structured_data"] = leaflet_structured_data(
            medication, context["page_url"], translation.get_language()
        )
    return render(request, "medications/medication_detail.html", context)


def glossary(request):
    """The terms there are in the page's language, each with the leaflets that use it and
    exist in that language."""
    language = translation.get_language()
    leaflets = Medication.objects.published().with_translations().prefetch_related("sections")
    used_in = Prefetch("medications", queryset=leaflets, to_attr="published_leaflets")
    terms = list(languages.glossary_terms(language).prefetch_related(used_in))
    for term in terms:
        term.used_in = languages.translated_medications(term.published_leaflets, language)
    context = {
        "letters": group_glossary_by_letter(terms),
        "page_languages": languages.glossary_languages(),
    }
    return render(request, "medications/glossary.html", context)


@csrf_exempt  # cached pages carry no per-visitor token: site/feedback.py says what protects it
@require_POST
@ratelimit(key="ip", rate=feedback.RATE, method="POST", block=False)
def send_feedback(request):
    """A reader's answer to "Heeft deze informatie u geholpen?", then a thank-you page.
    Nothing is stored when the request is not from our own pages or comes too often."""
    if not feedback.comes_from_this_site(request):
        return render(request, "medications/feedback.html", {"refused": True}, status=403)
    form = feedback.FeedbackForm(request.POST)
    if getattr(request, "limited", False):
        form.is_valid()  # only to link back to the page
        context = {"limited": True, "medication": form.medication}
        return render(request, "medications/feedback.html", context, status=429)
    if not form.is_valid():
        medication = form.medication
        context = {
            "form": form,
            "medication": medication,
            "feedback_sections": feedback.section_choices(medication) if medication else [],
        }
        return render(request, "medications/feedback.html", context, status=400)
    form.save()
    thanks = reverse("medications:feedback_thanks")
    if form.medication is not None:
        thanks += f"?medicijn={form.medication.slug}"
    return HttpResponseRedirect(thanks)


def feedback_thanks(request):
    slug = request.GET.get("medicijn", "")
    medication = Medication.objects.published().filter(slug=slug).first() if slug else None
    return render(request, "medications/feedback.html", {"thanks": True, "medication": medication})


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links to: send them to the icon."""
    return HttpResponsePermanentRedirect(static("favicon.ico"))
