"""A withdrawn leaflet's old address (and the QR code on paper copies) answers 410 Gone with a
Dutch page: that it is withdrawn, why, since when, and whom to ask. Checked only when the
page is not found, so a published page costs no extra query."""

from functools import wraps

from django.http import Http404
from django.shortcuts import render

from medications.models import Medication


def withdrawn_leaflet(slug):
    return (
        Medication.objects.filter(slug=slug, is_published=False, withdrawn_at__isnull=False)
        .order_by("-withdrawn_at")
        .first()
    )


def gone_when_withdrawn(view):
    @wraps(view)
    def wrapper(request, slug, *args, **kwargs):
        try:
            return view(request, slug, *args, **kwargs)
        except Http404:
            medication = withdrawn_leaflet(slug)
            if medication is None:
                raise
            return render(
                request, "medications/withdrawn.html", {"medication": medication}, status=410
            )

    return wrapper
