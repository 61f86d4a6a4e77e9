"""Four eyes: the person who last edited a leaflet does not publish it. A small hospital may
allow it (PORTAL_ALLOW_SELF_PUBLISH); each time that happens it is said in the admin's log.

"Last edited" is the user of the leaflet's newest version in the history (an admin save or a
restore); a load from a file has no user, so anyone with the right may publish it.
"""

from django.conf import settings
from reversion.models import Version


class SelfPublishRefused(Exception):
    """The user would approve their own edit."""

    def __init__(self, working):
        super().__init__(
            f"U heeft '{working}' zelf als laatste bewerkt. Volgens het vier-ogenprincipe "
            "publiceert een andere eindredacteur deze versie."
        )


def last_editor(working):
    """The user of the newest version of this leaflet, or None (a load from a file)."""
    newest = Version.objects.get_for_object(working).select_related("revision__user").first()
    return newest.revision.user if newest is not None else None


def is_own_edit(working, user):
    return user is not None and user.pk is not None and last_editor(working) == user


def check(working, user):
    """Returns a note for the log when the rule was waived; raises SelfPublishRefused."""
    if not is_own_edit(working, user):
        return ""
    if not settings.ALLOW_SELF_PUBLISH:
        raise SelfPublishRefused(working)
    return " (eigen wijziging gepubliceerd: vier-ogenprincipe uit, PORTAL_ALLOW_SELF_PUBLISH)"
