"""The one write path for content: every change (a file load, an admin save, a glossary
change, a shell edit) ends here, and its derived data is made once per transaction.

Derived data is the sanitised HTML of sections and glossary explanations (with glossary terms
marked up), the terms each leaflet uses (`Medication.glossary_terms`) and, through the
`content_changed` signal, the search index. Writers open `changes()`; the receivers in
medications/receivers.py record every row saved or deleted into the open batch, and the batch
does the work once, when the outermost `changes()` block ends, inside its transaction. A save
outside any `changes()` block (the ORM in a shell) is recorded too and finished when its own
transaction commits, so the site stays consistent whichever way content is changed.
"""

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from medications.glossary_links import GlossaryLinker, Term, plain_text, term_slugs_in
from medications.models import GlossaryTerm, Medication, Section
from medications.rendering import render_markdown
from medications.signals import content_changed

_local = threading.local()


def languages():
    return [code for code, _ in settings.LANGUAGES]


def localized_fields(name):
    return [build_localized_fieldname(name, language) for language in languages()]


@dataclass
class Batch:
    """What changed in one transaction, and the work that follows from it."""

    section_ids: set = field(default_factory=set)
    medication_ids: set = field(default_factory=set)
    term_ids: set = field(default_factory=set)
    glossary_changed: bool = False

    def section_changed(self, section):
        self.section_ids.add(section.pk)
        self.medication_ids.add(section.medication_id)

    def medication_changed(self, medication_id):
        self.medication_ids.add(medication_id)

    def term_changed(self, term):
        self.term_ids.add(term.pk)
        self.glossary_changed = True

    def relink_everything(self):
        """Render every section again with the current glossary (after a new version of
        the site changed how terms are marked up)."""
        self.glossary_changed = True

    def merge(self, other):
        self.section_ids |= other.section_ids
        self.medication_ids |= other.medication_ids
        self.term_ids |= other.term_ids
        self.glossary_changed |= other.glossary_changed

    def finish(self):
        """Render, link, record the terms used and tell search: once for the whole batch."""
        render_terms(self.term_ids)
        if self.glossary_changed:
            sections = Section._base_manager.all()
        else:
            sections = Section._base_manager.filter(pk__in=self.section_ids)
        relinked = render_sections(sections) if self.glossary_changed or self.section_ids else set()
        medication_ids = self.medication_ids | relinked
        record_terms_used(medication_ids)
        if medication_ids or self.term_ids:
            content_changed.send(
                sender=Batch,
                medication_ids=frozenset(medication_ids),
                glossary_term_ids=frozenset(self.term_ids),
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


# --- The work -----------------------------------------------------------------------------


def render_terms(term_ids):
    """Each glossary explanation as sanitised HTML, in every language."""
    if not term_ids:
        return
    html_fields = localized_fields("explanation_html")
    terms = list(GlossaryTerm.objects.filter(pk__in=term_ids))
    for term in terms:
        for language, html_field in zip(languages(), html_fields, strict=True):
            source = getattr(term, build_localized_fieldname("explanation_markdown", language))
            setattr(term, html_field, render_markdown(source or "", id_prefix=term.slug))
    GlossaryTerm.objects.bulk_update(terms, html_fields, batch_size=200)


def linkers():
    """One GlossaryLinker per language, built from the glossary as it is now."""
    return {language: linker_for(language) for language in languages()}


def linker_for(language):
    def localized(name):
        return build_localized_fieldname(name, language)

    rows = GlossaryTerm.objects.order_by("pk").values_list(
        "slug", localized("term"), localized("variants"), localized("explanation_html")
    )
    return GlossaryLinker(
        [
            Term(
                slug=slug,
                term=term,
                forms=(term, *[v.strip() for v in (variants or "").split(",") if v.strip()]),
                explanation=plain_text(explanation_html or ""),
            )
            for slug, term, variants, explanation_html in rows
            if term
        ]
    )


def render_sections(sections):
    """Store every section's HTML in every language with the glossary terms marked up, so
    pages never render Markdown. Returns the ids of medications whose HTML changed."""
    by_language = linkers()
    html_fields = localized_fields("body_html")
    changed = []
    for section in sections:
        before = [getattr(section, name) for name in html_fields]
        for language, html_field in zip(languages(), html_fields, strict=True):
            source = getattr(section, build_localized_fieldname("body_markdown", language))
            html = render_markdown(source or "", section.kind, glossary=by_language[language])
            setattr(section, html_field, html)
        if [getattr(section, name) for name in html_fields] != before:
            changed.append(section)
    Section._base_manager.bulk_update(changed, html_fields, batch_size=200)
    return {section.medication_id for section in changed}


def record_terms_used(medication_ids):
    """Set `glossary_terms` of these medications to the terms marked up in their sections."""
    if not medication_ids:
        return
    html_field = build_localized_fieldname("body_html", settings.LANGUAGE_CODE)
    stored = Section._base_manager.filter(medication_id__in=medication_ids).values_list(
        "medication_id", html_field
    )
    used = {}
    for medication_id, html in stored:
        used.setdefault(medication_id, set()).update(term_slugs_in(html))
    term_ids = dict(GlossaryTerm.objects.values_list("slug", "pk"))
    through = Medication.glossary_terms.through
    through.objects.filter(medication_id__in=medication_ids).delete()
    existing = set(Medication._base_manager.filter(pk__in=used).values_list("pk", flat=True))
    through.objects.bulk_create(
        [
            through(medication_id=medication_id, glossaryterm_id=term_ids[slug])
            for medication_id, slugs in used.items()
            if medication_id in existing
            for slug in sorted(slugs)
            if slug in term_ids
        ]
    )
