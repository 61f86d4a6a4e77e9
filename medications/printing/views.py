"""The print view and the PDF of a leaflet."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from medications.printing.printout import SECTION_PARAMETER, build_printout
from medications.views import leaflet_context


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
    from medications.printing.pdf import leaflet_pdf

    context = print_context(request, slug) | {"for_pdf": True}
    html = render_to_string("medications/medication_print.html", context, request=request)
    pdf = leaflet_pdf(context["medication"], html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slug}.pdf"'
    return response
