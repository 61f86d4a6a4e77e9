"""A translation's way to patients, on its own: edited (a draft), offered for review, sent
back, published by another Eindredacteur (four eyes). Publishing copies only that language
onto the live copy, and records the Dutch text it was reviewed against (when the batch ends,
from the live copy: medications.translation_status compares it with later Dutch text).
The Dutch text and the other languages stay as they are."""

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from medications.models import ReviewStatus, Translation
from medications.publishing import four_eyes
from medications.publishing.batch import changes
from medications.publishing.workflow import display_name, log


def translation_of(working, language):
    translation, _ = Translation.objects.get_or_create(medication=working, language=language)
    return translation


def set_state(working, language, state, user=None, note=None):
    """The translation's review state fields set to `state` (and `note` logged), in the
    write path: the working copy counts as changed."""
    with changes() as batch:
        Translation.objects.update_or_create(medication=working, language=language, defaults=state)
        if note:
            log(working, user, note)
        batch.working_copy_changed(working.pk)


def translation_edited(working, language, user=None):
    """The text in `language` changed: a draft until it is reviewed and published again
    (patients keep the published version); `user` may not publish it themselves."""
    set_state(
        working,
        language,
        {"status": ReviewStatus.DRAFT, "edited_by": user, "edited_at": timezone.now()},
    )


def submit_translation(working, language, user):
    state = {
        "status": ReviewStatus.IN_REVIEW,
        "submitted_by": user,
        "submitted_at": timezone.now(),
        "returned_comment": "",
    }
    set_state(working, language, state, user, f"Vertaling ({language}) ter beoordeling aangeboden.")


def send_back_translation(working, language, user, comment):
    state = {
        "status": ReviewStatus.DRAFT,
        "returned_comment": comment,
        "returned_by": display_name(user),
    }
    set_state(working, language, state, user, f"Vertaling ({language}) teruggestuurd: {comment}")


class SelfPublishRefused(four_eyes.SelfPublishRefused):
    def __init__(self, translation):
        Exception.__init__(
            self,
            f"U heeft de vertaling '{translation}' zelf als laatste bewerkt. Volgens het "
            "vier-ogenprincipe publiceert een andere eindredacteur deze versie.",
        )


def publish_translation(working, language, user):
    """Make the working copy's `language` text what patients read in that language, reviewed
    by `user` (not its last editor, unless PORTAL_ALLOW_SELF_PUBLISH)."""
    translation = translation_of(working, language)
    note = ""
    if user is not None and translation.edited_by_id == user.pk:
        if not settings.ALLOW_SELF_PUBLISH:
            raise SelfPublishRefused(translation)
        note = " (eigen wijziging: vier-ogenprincipe uit, PORTAL_ALLOW_SELF_PUBLISH)"
    with changes() as batch:
        Translation.objects.filter(pk=translation.pk).update(
            status=ReviewStatus.PUBLISHED,
            version_number=F("version_number") + 1,
            approved_by=display_name(user),
            approved_at=timezone.now(),
            returned_comment="",
        )
        batch.publish(working.pk, language)
        batch.translation_published(translation.pk)
        log(working, user, f"Vertaling ({language}) gepubliceerd.{note}")
