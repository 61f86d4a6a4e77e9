"""Error pages in the language of the address (Dutch, or English under /en/), styled like
every page, made without the database (it may be the very thing that is down). 400, 403,
404, 405, 429, 500 and 503; JSON for the search box."""

import logging
import sys
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_ratelimit.exceptions import Ratelimited

logger = logging.getLogger("portal.faults")
# The database cannot be reached (down, restarting, locked); not a bug such as an IntegrityError.
DATABASE_DOWN = (OperationalError, InterfaceError)

RETRY_AFTER_SECONDS = 30
PAGES = {
    400: (
        _("Dit verzoek begrijpen we niet"),
        _(
            "Het adres of het formulier bevat iets wat de site niet kan lezen. Ga terug en probeer "
            "het nog eens, of begin opnieuw op de startpagina."
        ),
    ),
    403: (
        _("U heeft hier geen toegang toe"),
        _("Deze pagina is niet voor iedereen. Bent u redacteur? Meld u dan eerst aan."),
    ),
    404: (
        _("Deze pagina bestaat niet"),
        _("Misschien is het adres verkeerd getypt, of is de pagina verplaatst."),
    ),
    405: (
        _("Dit kan niet op deze pagina"),
        _("Deze pagina kunt u alleen bekijken. Ga terug naar de vorige pagina."),
    ),
    429: (
        _("Even geduld, alstublieft"),
        _(
            "Er kwamen in korte tijd veel verzoeken van uw computer of netwerk. Wacht een minuut "
            "en probeer het dan opnieuw."
        ),
    ),
    500: (
        _("Er ging iets mis"),
        _("Door een fout kunnen we deze pagina nu niet tonen. Probeer het later nog eens."),
    ),
    503: (
        _("De site is tijdelijk niet beschikbaar"),
        _(
            "Door een storing kunnen we deze pagina nu niet tonen. Probeer het over een paar "
            "minuten opnieuw. Heeft u dringend een vraag over uw medicijn? Bel dan uw "
            "behandelend arts of apotheek."
        ),
    ),
}


def wants_json(request):
    """The search box's suggestions answer JSON, also when something goes wrong."""
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name == "search:suggestions"
    try:
        return request.path == reverse("search:suggestions")
    except NoReverseMatch:
        return False


# What an error page shows besides its own text: the site's name and contact details.
SITE_SETTINGS = (
    "SITE_NAME", "SITE_LOGO_TEXT", "SITE_HOSPITAL_NAME", "SITE_CONTACT_PHONE",
    "SITE_CONTACT_EMAIL", "SITE_CONTACT_TEXT",
)  # fmt: skip
_rendered = {}


def rendered(request, template, context):
    """An error page's HTML, made once per process: it is the same for every request, and
    a flood of 429s or 503s must cost next to nothing (no template per refusal)."""
    settings_part = tuple(getattr(settings, name) for name in SITE_SETTINGS)
    # The links on it start with the script prefix: kept apart per prefix, so one request
    # with another prefix never changes the page every later visitor gets.
    # And per language: the same refusal is English under /en/.
    language = translation.get_language()
    key = (template, tuple(sorted(context.items())), get_script_prefix(), language, *settings_part)
    if key not in _rendered:
        _rendered[key] = render_to_string(template, context, request=request).encode()
    return _rendered[key]


API_PREFIX = "/api/"


def is_api(request):
    """The open data API answers errors as RFC 9457 problem documents (JSON)."""
    return request.path_info.startswith(API_PREFIX)


def problem_response(status, title, detail, **extra):
    """An RFC 9457 problem document: what programs read when something is not right."""
    return JsonResponse(
        {"type": "about:blank", "title": title, "status": status, "detail": detail, **extra},
        status=status,
        content_type="application/problem+json",
        json_dumps_params={"ensure_ascii": False},
    )


def error_page(request, status, retry_after=None, allow=None, template="errors/error.html"):
    title, message = (str(text) for text in PAGES[status])  # in the active language
    if is_api(request):
        response = problem_response(status, title, message)
    elif wants_json(request):
        response = JsonResponse({"suggestions": [], "error": message}, status=status)
    else:
        body = rendered(request, template, {"title": title, "message": message})
        response = HttpResponse(body, status=status)
    if retry_after:
        response["Retry-After"] = str(retry_after)
    if allow:
        response["Allow"] = ", ".join(allow)
    return response


def bad_request(request, exception=None):
    return error_page(request, 400)


def permission_denied(request, exception=None):
    if isinstance(exception, Ratelimited):
        return too_many_requests(request, exception)
    return error_page(request, 403)


def csrf_failure(request, reason=""):
    return error_page(request, 403)


def page_not_found(request, exception=None):
    return error_page(request, 404, template="404.html")  # with a search box and the A-Z list


def method_not_allowed(request, allowed):
    return error_page(request, 405, allow=allowed)


def too_many_requests(request, exception=None):
    return error_page(request, 429, retry_after=60)


def service_unavailable(request, retry_after=RETRY_AFTER_SECONDS):
    return error_page(request, 503, retry_after=retry_after)


def server_error(request):
    """An unexpected error; when it is the database that is gone, a 503 that says so."""
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return service_unavailable(request)
    return error_page(request, 500)


_last_warning = {"at": 0.0}
WARNING_INTERVAL_SECONDS = 10


def warn_database_down(exception):
    """One short line in the log every few seconds, not a traceback per request."""
    now = time.monotonic()
    if now - _last_warning["at"] >= WARNING_INTERVAL_SECONDS:
        _last_warning["at"] = now
        logger.warning("Database niet bereikbaar: %s: %s", type(exception).__name__, exception)


class QuietRefusals(logging.Filter):
    """A client refused by a rate limit is logged once a minute, not once a request: a
    client that keeps asking must not fill the log (or spend the CPU on it)."""

    INTERVAL_SECONDS = 60

    def __init__(self):
        super().__init__()
        self.last = 0.0

    def filter(self, record):
        if getattr(record, "status_code", None) != 429:
            return True
        now = time.monotonic()
        if now - self.last >= self.INTERVAL_SECONDS:
            self.last = now
            return True
        return False


class NoRenderSlot(Exception):
    """Every render slot is taken: the server is making as many PDFs as it may (printing),
    answered by ServiceUnavailableMiddleware with a Dutch 503 and Retry-After."""
