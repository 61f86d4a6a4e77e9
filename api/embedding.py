"""An embeddable view of one leaflet (or one part of it, such as the safety box) for a
patient portal, in the language of its address (`/embed/<slug>/`, `/en/embed/<slug>/`, as
the leaflet's page): its own address, framed only by the origins the hospital lists
(PORTAL_EMBED_ORIGINS, as CSP frame-ancestors); and the sizes and addresses oEmbed uses."""

from urllib.parse import urlsplit

from csp.constants import NONE
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation

from medications.choices import SectionKind
from medications.languages import available_languages
from medications.site import views as leaflet_views
from serving.language import language_of_path

SAFETY_BOX = "veiligheid"  # the part name of the safety box ("Wanneer contact opnemen?")
DEFAULT_SIZE = (640, 900)


def embed_size(max_width=None, max_height=None):
    width, height = DEFAULT_SIZE
    return min(width, max_width or width), min(height, max_height or height)


def page_of(url):
    """(slug, language) of a leaflet page of this site named by `url` (absolute or a path,
    in any language: `/en/medicines/<slug>/`), else (None, None)."""
    path = urlsplit(url or "").path
    language = language_of_path(path)
    try:
        with translation.override(language):
            match = resolve(path)
    except Resolver404:
        return None, None
    if match.view_name in ("medications:detail", "embed:leaflet", "embed:part"):
        return match.kwargs["slug"], language
    return None, None


def slug_of_page(url):
    """The slug of a leaflet page of this site named by `url`, else None."""
    return page_of(url)[0]


def frame_ancestors():
    """Who may frame an embed: the origins the hospital lists, else nobody."""
    return {"frame-ancestors": list(settings.EMBED_ORIGINS) or [NONE]}


def framable(view):
    """The response may be framed by the listed origins: CSP frame-ancestors says who, and
    X-Frame-Options (which can only say DENY or SAMEORIGIN) is left out."""

    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.xframe_options_exempt = True
        response._csp_replace = frame_ancestors()
        return response

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@framable
def leaflet(request, slug, part=None):
    """The leaflet (every section), or one part: a section code, or 'veiligheid'."""
    medication = leaflet_views.published_leaflet(slug)
    if translation.get_language() not in available_languages(medication):
        raise Http404(slug)  # not translated: as the page itself, no Dutch under /en/
    if part not in (None, SAFETY_BOX, *SectionKind.values):
        raise Http404(part)
    context = leaflet_views.leaflet_context(request, medication)
    sections = leaflet_views.shown_sections(medication)
    if part not in (None, SAFETY_BOX):
        sections = [section for section in sections if section.kind == part]
        if not sections:
            raise Http404(part)
    if part == SAFETY_BOX:
        context["alarm_section"] = None  # its links lead to a section not shown here
    context.update(
        sections=sections,
        shows_safety_box=part in (None, SAFETY_BOX),
        shows_sections=part != SAFETY_BOX,
    )
    return render(request, "embed/leaflet.html", context)
