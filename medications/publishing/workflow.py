"""A leaflet's way to patients: submit for review, send back, publish (four eyes, with its
document control: version number and approval), take offline or withdraw with a reason,
record a review (on the page at once). Each step goes through a batch
(medications.publishing.batch) and leaves a trace: a Publication (shown to patients as "Wat
is er veranderd?") or an entry in the admin's log.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils import timezone

from medications.choices import stored_label
from medications.models import Medication, Publication, PublicationKind, ReviewStatus
from medications.publishing import four_eyes, notifications
from medications.publishing.batch import changes

# The account named in the admin's log for changes nobody made by hand (load_content).
SYSTEM_USERNAME = "inhoudsbestanden"


class SlugTaken(ValidationError):
    """Another published leaflet still has this web address: publishing would take it."""


def check_slug_free(working):
    other = (
        Medication.all_copies.filter(is_live=True, slug=working.slug)
        .exclude(working_copy=working)
        .first()
    )
    if other is not None:
        raise SlugTaken(
            f"Het webadres '{working.slug}' is nog van de gepubliceerde folder '{other.name}'. "
            "Geef deze folder een ander webadres, of publiceer eerst die andere folder met "
            "zijn nieuwe webadres."
        )


def publish(working, user, summary):
    """Make the working copy what patients see, with a one-line summary of the change. The
    live copy is written when the batch ends, after the working copy's HTML is made. Its
    version number goes up by one and the publisher is its approval. `summary` None: no
    "what changed" line (the text patients saw before, loaded again). Raises SlugTaken
    (nothing changed) when another live leaflet has the same address, and
    four_eyes.SelfPublishRefused when `user` edited it last (unless a setting allows it)."""
    check_slug_free(working)
    waived = four_eyes.check(working, user)
    with changes() as batch:
        Medication.all_copies.filter(pk=working.pk).update(
            status=ReviewStatus.PUBLISHED,
            is_published=True,
            version_number=F("version_number") + 1,
            approved_by=display_name(user),
            approved_at=timezone.now(),
            returned_comment="",
            withdrawn_reason="",
            withdrawn_at=None,
        )
        working.refresh_from_db()
        if summary is None:  # the same text again (a load of an export): nothing for patients
            log(working, user, f"Gepubliceerd, zonder regel voor patiënten{waived}")
        else:
            record_step(
                working,
                user,
                PublicationKind.PUBLISHED,
                summary,
                note=waived,
                version=working.version_number,
            )
        batch.publish(working.pk)


def display_name(user):
    user = user or system_user()
    return user.get_full_name() or user.get_username()


def live_copy_of(working):
    return Medication.all_copies.filter(working_copy=working).first()


def unpublish(working, user, summary="Offline gehaald", reason=""):
    """Take a leaflet offline; its working copy and history stay. With a `reason` it is
    withdrawn: its address then answers 410 with the reason and the date."""
    withdrawn = {"withdrawn_reason": reason, "withdrawn_at": timezone.now() if reason else None}
    with changes() as batch:
        Medication.all_copies.filter(pk=working.pk).update(is_published=False, **withdrawn)
        working.is_published = False
        live = live_copy_of(working)
        if live is not None:
            Medication.all_copies.filter(pk=live.pk).update(is_published=False, **withdrawn)
            batch.live_changed(live.pk)
        record_step(working, user, PublicationKind.UNPUBLISHED, reason or summary)


def mark_edited(working):
    """An editor changed the working copy: it is a draft again until published, and forms
    loaded before this change are refused (its edit version goes up)."""
    if working.status == ReviewStatus.PUBLISHED:
        working.status = ReviewStatus.DRAFT
    working.edit_version += 1


def term_edited(term):
    """A glossary term changed: forms loaded before this change are refused."""
    term.edit_version += 1


def submit_for_review(working, user):
    Medication.all_copies.filter(pk=working.pk).update(
        status=ReviewStatus.IN_REVIEW,
        submitted_by=user,
        submitted_at=timezone.now(),
        returned_comment="",  # offered again: the reviewer's comment has been dealt with
    )
    working.status, working.returned_comment = ReviewStatus.IN_REVIEW, ""
    log(working, user, "Ter beoordeling aangeboden.")
    notifications.review_requested(working, user)


def send_back(working, user, comment):
    """A reviewer returns the leaflet to its editor with a comment, shown on the change form
    until it is offered again or published."""
    editor = working.submitted_by or four_eyes.last_editor(working)
    Medication.all_copies.filter(pk=working.pk).update(
        status=ReviewStatus.DRAFT,
        returned_comment=comment,
        returned_by=display_name(user),
        returned_at=timezone.now(),
    )
    working.refresh_from_db()
    log(working, user, f"Teruggestuurd: {comment}")
    notifications.sent_back(working, user, comment, editor)


REVIEW_FIELDS = ("last_reviewed", "reviewed_by", "next_review")


def record_review(working, user, reviewed_on=None, next_review=None):
    """The content was checked against the source: today (or `reviewed_on`), by `user`. The
    page shows it at once (the live copy takes the dates over) without a publication: the text
    did not change, so patients get no "what changed" line."""
    working.last_reviewed = reviewed_on or timezone.localdate()
    working.reviewed_by = display_name(user)
    working.next_review = next_review
    working.edit_version += 1
    with changes() as batch:
        working.save(update_fields=[*REVIEW_FIELDS, "edit_version", "updated_at"])
        batch.working_copy_changed(working.pk)
        live = live_copy_of(working)
        if live is not None:
            Medication.all_copies.filter(pk=live.pk).update(
                **{name: getattr(working, name) for name in REVIEW_FIELDS}
            )
            batch.live_changed(live.pk)
        log(working, user, f"Gecontroleerd op {working.last_reviewed:%d-%m-%Y}.")


def record_step(working, user, kind, summary, note="", version=None):
    Publication.objects.create(
        medication=working,
        kind=kind,
        summary=summary,
        version=version,
        published_by=user or system_user(),
    )
    log(working, user, f"{stored_label(PublicationKind(kind))}: {summary}{note}")


def log(working, user, message):
    """An entry in the admin's own log ("Recente acties", the object's history page)."""
    LogEntry.objects.log_actions(
        user_id=(user or system_user()).pk,
        queryset=[working],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )


def system_user():
    user, _ = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME,
        defaults={
            "is_active": False,
            "first_name": "Inhoudsbestanden",
            "password": make_password(None),  # can never log in
        },
    )
    return user
