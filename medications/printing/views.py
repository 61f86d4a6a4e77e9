"""The print view and the PDF of a leaflet."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from medications.choices import SectionKind
from medications.printing.printout import SECTION_PARAMETER, build_printout
from medications.site.views import in_page_language, leaflet_context, published_leaflet
from medications.site.withdrawal import gone_when_withdrawn
from serving.policy import rate_limited


def print_context(request, medication, preview=False):
    """The leaflet as printed, with the sections chosen in the print view's form."""
    context = leaflet_context(request, medication, preview)
    printout = build_printout(
        medication, request.GET.getlist(SECTION_PARAMETER), context["page_url"]
    )
    context["printout"] = printout
    # Question lines are printed with the questions section, else with the alarm section.
    printed_kinds = {section.kind for section in printout.sections}
    context["shows_questions_section"] = SectionKind.VRAGEN in printed_kinds
    return context


@gone_when_withdrawn
@rate_limited("RATE_LIMIT_PRINT", group="print")
def medication_print(request, slug):
    """Each choice of sections is its own page in the cache: per client at most
    RATE_LIMIT_PRINT, so one client cannot fill the cache with every combination."""
    return in_page_language(render_print)(request, published_leaflet(slug))


@gone_when_withdrawn
@rate_limited("RATE_LIMIT_PDF", group="pdf")
def medication_pdf(request, slug):
    """A PDF costs a second of CPU: per client at most RATE_LIMIT_PDF (a Dutch 429 past it)."""
    return in_page_language(pdf_response)(request, published_leaflet(slug))


def render_print(request, medication, preview=False):
    context = print_context(request, medication, preview)
    return render(request, "medications/medication_print.html", context)


def pdf_bytes(request, medication, preview=False, slot_wait=0.0):
    """The leaflet's PDF with the sections the request asks for, from the cache or made."""
    # Imported here, so the rest of the site runs where WeasyPrint's Pango is not installed.
    from medications.printing.pdf import leaflet_pdf

    context = print_context(request, medication, preview) | {"for_pdf": True}
    html = render_to_string("medications/medication_print.html", context, request=request)
    return leaflet_pdf(medication, html, request.build_absolute_uri("/"), slot_wait=slot_wait)


def pdf_response(request, medication, preview=False):
    pdf = pdf_bytes(request, medication, preview)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{medication.slug}.pdf"'
    return response
