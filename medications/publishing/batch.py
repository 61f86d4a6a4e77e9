"""Batches: the write path's unit of work. A writer opens `changes()`, writes its rows and
says what it changed (the methods of Batch); when the outermost block ends, still inside its
transaction, the batch does the work that follows once: render and link the changed
sections, copy published working copies onto their live copies, record the terms used, and,
only when something patients see changed, a new content version and `content_changed`.

Nothing is picked up behind the writer's back: no receiver records rows, and `.update()` or
bulk operations are declared like any other write. A row saved outside a block is refused
in tests and with DEBUG on (publishing.guard).
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction

from medications.models import GlossaryTerm, HospitalContact, Medication, Section
from medications.publishing.derived import record_terms_used, render_sections, render_terms
from medications.publishing.live import copy_to_live
from medications.publishing.translation_sources import record_sources
from medications.signals import content_changed
from serving.models import ContentVersion

_local = threading.local()


@dataclass
class Batch:
    """What changed in one transaction, as its writers declared it."""

    section_ids: set = field(default_factory=set)  # to render (a deleted one is not found)
    sectioned_ids: set = field(default_factory=set)  # leaflets whose terms used may change
    working_ids: set = field(default_factory=set)  # working copies: nothing public
    live_ids: set = field(default_factory=set)  # live copies changed: what patients see
    term_ids: set = field(default_factory=set)
    glossary_changed: bool = False
    # Working copies to copy onto their live copy: id -> the languages published.
    to_publish: dict = field(default_factory=dict)
    hospital_changed: bool = False  # the hospital's own numbers, shown on every leaflet
    # Translations published: they record the Dutch text they follow once it is live.
    translation_ids: set = field(default_factory=set)

    def working_copy_changed(self, medication_id, sections=()):
        """An editor's copy changed (its fields, members or these sections, saved or
        deleted): rendered and linked, but patients see nothing of it until it is published."""
        self.working_ids.add(medication_id)
        self._sections_changed(medication_id, sections)

    def live_changed(self, medication_id, sections=()):
        """A live copy changed without a publish (taken offline, review dates): patients see it."""
        self.live_ids.add(medication_id)
        self._sections_changed(medication_id, sections)

    def _sections_changed(self, medication_id, sections):
        for section in sections:
            self.section_ids.add(section.pk)
        if sections:
            self.sectioned_ids.add(medication_id)

    def term_changed(self, term):
        """A glossary term saved or deleted: it is live at once, and every section is linked
        again."""
        self.term_ids.add(term.pk)
        self.glossary_changed = True

    def publish(self, working_id, language=None):
        """Copy the working copy onto its live copy when the batch ends: the source language
        (with the shared fields) or one translation, `language`."""
        self.to_publish.setdefault(working_id, set()).add(language or settings.LANGUAGE_CODE)

    def translation_published(self, translation_id):
        self.translation_ids.add(translation_id)

    def row_changed(self, row):
        """Any one content row saved or deleted, declared by its kind (for a shell or a
        script; the admin and the loader say more precisely what they changed)."""
        if isinstance(row, GlossaryTerm):
            self.term_changed(row)
        elif isinstance(row, HospitalContact):
            self.hospital_route_changed()
        elif isinstance(row, Medication):
            changed = self.live_changed if row.is_live else self.working_copy_changed
            changed(row.pk)
        else:  # a section or a member of a leaflet
            medication = Medication.all_copies.only("is_live").get(pk=row.medication_id)
            changed = self.live_changed if medication.is_live else self.working_copy_changed
            changed(medication.pk, sections=[row] if isinstance(row, Section) else ())

    def hospital_route_changed(self):
        self.hospital_changed = True

    def relink_everything(self):
        """Render every section again with the current glossary (after a new version of
        the site changed how terms are marked up)."""
        self.glossary_changed = True

    def finish(self):
        """Render, link, publish, record the terms used and, when patients see a change, a
        new content version and `content_changed`: once for the whole batch."""
        render_terms(self.term_ids)
        relinked = set()
        if self.glossary_changed:
            relinked = render_sections(Section._base_manager.all())
        elif self.section_ids:
            relinked = render_sections(Section._base_manager.filter(pk__in=self.section_ids))
        published = {
            copy_to_live(working, self.to_publish[working.pk]).pk
            for working in Medication.all_copies.filter(pk__in=self.to_publish).order_by("pk")
        }
        record_sources(self.translation_ids)
        record_terms_used(self.sectioned_ids | relinked | published)
        public_ids = self.live_ids | published
        if self.glossary_changed:
            public_ids |= live_copy_ids(relinked)
        if public_ids or self.term_ids or self.hospital_changed:
            # Only what patients see is announced: a draft saved changes no public page,
            # cache entry, ETag or search row.
            ContentVersion.bump()
            content_changed.send(
                sender=Batch,
                medication_ids=frozenset(public_ids),
                glossary_term_ids=frozenset(self.term_ids),
            )


def live_copy_ids(medication_ids):
    return set(
        Medication.all_copies.filter(pk__in=medication_ids, is_live=True).values_list(
            "pk", flat=True
        )
    )


def open_batch():
    """The batch of the `changes()` block this thread is in, or None."""
    return getattr(_local, "batch", None)


@contextmanager
def changes():
    """An atomic block whose declared changes are finished once, just before it ends. Nested
    blocks join the outermost one."""
    outer = open_batch()
    if outer is not None:
        yield outer
        return
    batch = Batch()
    with transaction.atomic():
        _local.batch = batch
        try:
            yield batch
            batch.finish()
        finally:
            _local.batch = None
