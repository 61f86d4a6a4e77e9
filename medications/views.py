"""Thin views: fetch with a queryset or a plain function, render a template."""

from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from medications.grouping import group_glossary_by_letter, group_medications_by_kind
from medications.models import GlossaryTerm, Medication


def home(request):
    medications = Medication.objects.published()
    return render(
        request,
        "medications/home.html",
        {"groups": group_medications_by_kind(medications)},
    )


def published_leaflet(slug):
    """A published medication with everything its page and its printout show."""
    return get_object_or_404(Medication.objects.published().with_page_content(), slug=slug)


def leaflet_context(request, medication, preview=False):
    """What the page, the print view and the PDF of a leaflet show. `preview`: an editor's
    working copy, shown at a private address before it is published."""
    return {
        "medication": medication,
        "page_url": absolute_url(medication.get_absolute_url()),
        "printed_on": timezone.localdate(),
        "preview": preview,
    }


def absolute_url(path):
    """The address printed on paper: the configured site address (PORTAL_BASE_URL), else the
    first allowed host; never the request's own Host header, whose port anyone can choose."""
    if settings.SITE_BASE_URL:
        return settings.SITE_BASE_URL + path
    scheme = "https" if settings.HTTPS else "http"
    host = next((h for h in settings.ALLOWED_HOSTS if h not in ("*", "testserver")), "localhost")
    return f"{scheme}://{host.lstrip('.')}{path}"


def medication_detail(request, slug):
    return render_leaflet(request, published_leaflet(slug))


def render_leaflet(request, medication, preview=False):
    return render(
        request,
        "medications/medication_detail.html",
        leaflet_context(request, medication, preview),
    )


def glossary(request):
    used_in = Prefetch("medications", queryset=Medication.objects.published())
    return render(
        request,
        "medications/glossary.html",
        {"letters": group_glossary_by_letter(GlossaryTerm.objects.prefetch_related(used_in))},
    )


def page_not_found(request, exception):
    return render(request, "404.html", status=404)
