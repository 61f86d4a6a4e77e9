"""A leaflet's way to patients: submit for review, publish, take offline, record a review.
Each step goes through a batch (medications.publishing.batch) and leaves a trace: a
Publication (shown to patients as "Wat is er veranderd?") and an entry in the admin's log.
"""

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.utils import timezone

from medications.models import Medication, Publication, PublicationKind, ReviewStatus
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
    live copy is written when the batch ends, after the working copy's HTML is made.
    Raises SlugTaken (nothing changed) when another live leaflet has the same address."""
    check_slug_free(working)
    with changes() as batch:
        Medication.all_copies.filter(pk=working.pk).update(
            status=ReviewStatus.PUBLISHED, is_published=True
        )
        working.status, working.is_published = ReviewStatus.PUBLISHED, True
        record_step(working, user, PublicationKind.PUBLISHED, summary)
        batch.publish(working.pk)


def live_copy_of(working):
    return Medication.all_copies.filter(working_copy=working).first()


def unpublish(working, user, summary="Offline gehaald"):
    """Take a leaflet offline; its working copy and history stay."""
    with changes() as batch:
        Medication.all_copies.filter(pk=working.pk).update(is_published=False)
        working.is_published = False
        live = live_copy_of(working)
        if live is not None:
            Medication.all_copies.filter(pk=live.pk).update(is_published=False)
            batch.medication_changed(live.pk)
        record_step(working, user, PublicationKind.UNPUBLISHED, summary)


def mark_edited(working):
    """An editor changed the working copy: it is a draft again until published."""
    if working.status == ReviewStatus.PUBLISHED:
        working.status = ReviewStatus.DRAFT


def submit_for_review(working, user):
    Medication.all_copies.filter(pk=working.pk).update(status=ReviewStatus.IN_REVIEW)
    working.status = ReviewStatus.IN_REVIEW
    log(working, user, "Ter beoordeling aangeboden.")


def record_review(working, user, reviewed_on=None, next_review=None):
    """The content was checked against the source: today (or `reviewed_on`), by `user`."""
    working.last_reviewed = reviewed_on or timezone.localdate()
    working.reviewed_by = user.get_full_name() or user.get_username()
    working.next_review = next_review
    working.save(update_fields=["last_reviewed", "reviewed_by", "next_review", "updated_at"])
    log(working, user, f"Gecontroleerd op {working.last_reviewed:%d-%m-%Y}.")


def record_step(working, user, kind, summary):
    Publication.objects.create(
        medication=working, kind=kind, summary=summary, published_by=user or system_user()
    )
    log(working, user, f"{PublicationKind(kind).label}: {summary}")


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
