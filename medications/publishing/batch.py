"""Batches: what changed in one transaction, finished once when the transaction ends.

Writers open `changes()`; the receivers in medications/receivers.py record every row saved or
deleted into the open batch, and the batch does the work once, when the outermost
`changes()` block ends, inside its transaction. A save outside any `changes()` block (the ORM
in a shell) is recorded too and finished when its own transaction commits, so the site stays
consistent whichever way content is changed.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from medications.models import Medication, Section
from medications.publishing.derived import record_terms_used, render_sections, render_terms
from medications.publishing.live import copy_to_live
from medications.publishing.translation_sources import record_sources
from medications.signals import content_changed

_local = threading.local()


@dataclass
class Batch:
    """What changed in one transaction, and the work that follows from it."""

    section_ids: set = field(default_factory=set)
    medication_ids: set = field(default_factory=set)
    term_ids: set = field(default_factory=set)
    glossary_changed: bool = False
    # Working copies to copy onto their live copy: id -> the languages published (None: all).
    to_publish: dict = field(default_factory=dict)
    hospital_changed: bool = False  # the hospital's own numbers, shown on every leaflet
    # Translations published: they record the Dutch text they follow once it is live.
    translation_ids: set = field(default_factory=set)

    def hospital_route_changed(self):
        self.hospital_changed = True

    def section_changed(self, section):
        self.section_ids.add(section.pk)
        self.medication_ids.add(section.medication_id)

    def medication_changed(self, medication_id):
        self.medication_ids.add(medication_id)

    def term_changed(self, term):
        self.term_ids.add(term.pk)
        self.glossary_changed = True

    def publish(self, working_id, language=None):
        """Copy the working copy onto its live copy when the batch ends: the source language
        (with the shared fields) or one translation, `language`."""
        self.to_publish.setdefault(working_id, set()).add(language or settings.LANGUAGE_CODE)

    def translation_published(self, translation_id):
        self.translation_ids.add(translation_id)

    def relink_everything(self):
        """Render every section again with the current glossary (after a new version of
        the site changed how terms are marked up)."""
        self.glossary_changed = True

    def merge(self, other):
        self.section_ids |= other.section_ids
        self.medication_ids |= other.medication_ids
        self.term_ids |= other.term_ids
        self.glossary_changed |= other.glossary_changed
        for working_id, languages in other.to_publish.items():
            for language in languages:
                self.publish(working_id, language)
        self.hospital_changed |= other.hospital_changed
        self.translation_ids |= other.translation_ids

    def finish(self):
        """Render, link, publish, record the terms used and tell search: once for the whole
        batch."""
        render_terms(self.term_ids)
        if self.glossary_changed:
            sections = Section._base_manager.all()
        else:
            sections = Section._base_manager.filter(pk__in=self.section_ids)
        relinked = render_sections(sections) if self.glossary_changed or self.section_ids else set()
        live_ids = {
            copy_to_live(working, self.to_publish[working.pk]).pk
            for working in Medication.all_copies.filter(pk__in=self.to_publish).order_by("pk")
        }
        record_sources(self.translation_ids)
        medication_ids = self.medication_ids | relinked | live_ids
        record_terms_used(medication_ids)
        public_ids = medication_ids - working_copy_ids(medication_ids)
        if public_ids or self.term_ids or self.hospital_changed:
            # Only what patients see is announced: a draft saved changes no public page,
            # cache entry, ETag or search row.
            content_changed.send(
                sender=Batch,
                medication_ids=frozenset(public_ids),
                glossary_term_ids=frozenset(self.term_ids),
            )


def working_copy_ids(medication_ids):
    """The working copies among these ids; every other id is a live copy, or a row deleted in
    this batch that may have been one."""
    return set(
        Medication.all_copies.filter(pk__in=medication_ids, is_live=False).values_list(
            "pk", flat=True
        )
    )


@contextmanager
def changes():
    """An atomic block whose content changes are finished once, just before it ends. Nested
    blocks join the outermost one."""
    outer = getattr(_local, "batch", None)
    if outer is not None:
        yield outer
        return
    batch = Batch()
    with transaction.atomic():
        _local.batch = batch
        try:
            yield batch
        finally:
            _local.batch = None
        batch.finish()


def record(apply):
    """Called by the receivers for each row saved or deleted: `apply(batch)` notes the change
    in the open batch; outside one, in a batch finished when the transaction commits."""
    batch = getattr(_local, "batch", None)
    if batch is not None:
        apply(batch)
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:  # autocommit: the row is already committed
        with changes() as batch:
            apply(batch)
        return
    pending = getattr(_local, "pending", None)
    if pending is None or not is_registered(connection, pending.callback):
        pending = Batch()
        pending.callback = lambda: finish_pending(pending)
        _local.pending = pending
        transaction.on_commit(pending.callback)
    apply(pending)


def is_registered(connection, callback):
    # A rolled-back transaction drops its on-commit callbacks, and with them this batch.
    return any(entry[1] is callback for entry in connection.run_on_commit)


def finish_pending(pending):
    if getattr(_local, "pending", None) is pending:
        _local.pending = None
    with changes() as batch:
        batch.merge(pending)
