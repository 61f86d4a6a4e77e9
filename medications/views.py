"""Thin views: fetch with a queryset or a plain function, render a template."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone

from medications.grouping import group_glossary_by_letter, group_medications_by_kind
from medications.models import GlossaryTerm, Medication
from medications.printout import SECTION_PARAMETER, build_printout
from medications.search import search_medications, suggest


def home(request):
    medications = Medication.objects.published()
    return render(
        request,
        "medications/home.html",
        {"groups": group_medications_by_kind(medications)},
    )


def leaflet_context(request, slug):
    """A published medication with everything its page and its printout show."""
    medication = get_object_or_404(Medication.objects.published().with_page_content(), slug=slug)
    return {
        "medication": medication,
        "page_url": absolute_url(request, medication.get_absolute_url()),
        "printed_on": timezone.localdate(),
    }


def absolute_url(request, path):
    """The address printed on paper: the configured site address, else this request's host."""
    if settings.SITE_BASE_URL:
        return settings.SITE_BASE_URL + path
    return request.build_absolute_uri(path)


def medication_detail(request, slug):
    return render(request, "medications/medication_detail.html", leaflet_context(request, slug))


def print_context(request, slug):
    """The leaflet as printed, with the sections chosen in the print view's form."""
    context = leaflet_context(request, slug)
    context["printout"] = build_printout(
        context["medication"], request.GET.getlist(SECTION_PARAMETER), context["page_url"]
    )
    return context


def medication_print(request, slug):
    return render(request, "medications/medication_print.html", print_context(request, slug))


def medication_pdf(request, slug):
    # Imported here, so the rest of the site runs where WeasyPrint's Pango is not installed.
    from medications.pdf import leaflet_pdf

    context = print_context(request, slug) | {"for_pdf": True}
    html = render_to_string("medications/medication_print.html", context, request=request)
    pdf = leaflet_pdf(context["medication"], html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slug}.pdf"'
    return response


def glossary(request):
    used_in = Prefetch("medications", queryset=Medication.objects.published())
    return render(
        request,
        "medications/glossary.html",
        {"letters": group_glossary_by_letter(GlossaryTerm.objects.prefetch_related(used_in))},
    )


def search(request):
    # `letterlijk=1`: the patient chose the words as typed over the suggested correction.
    results = search_medications(
        request.GET.get("q", ""), correct=request.GET.get("letterlijk") != "1"
    )
    if results.redirect_url:
        return redirect(results.redirect_url)
    return render(
        request,
        "medications/search.html",
        {"query": results.query, "results": results},
    )


def search_suggestions(request):
    """Names and glossary terms starting with what is typed, for the search box (JSON)."""
    return JsonResponse({"suggestions": suggest(request.GET.get("q", ""))})


def page_not_found(request, exception):
    return render(request, "404.html", status=404)
