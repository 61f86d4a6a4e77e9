"""export_content never silently overwrites edits made in the files: a file whose content is
neither what was last loaded from it nor what the database holds has changes nobody loaded,
and exporting over it would lose them."""

from pathlib import Path

from medications.content.errors import ContentErrors
from medications.content.fingerprints import (
    file_translation_fingerprint,
    leaflet_fingerprints,
    medication_fingerprints,
    stored_translation_fingerprint,
    term_fingerprint,
    term_translation_fingerprint,
)
from medications.content.parse import read_content
from medications.content.translations import validate_all


def unloaded_files(root, medications, terms):
    """Paths in `root` with edits that were never loaded. A directory that cannot be read
    as content (half a checkout, errors in a file) protects every file in it."""
    root = Path(root)
    existing = sorted((root / "leaflets").glob("*.md"))
    glossary = root / "woordenlijst.md"
    existing += sorted(root.glob("woordenlijst*.md"))
    if not existing:
        return []
    try:
        content = read_content(root)
        leaflets, valid_terms, translations, term_translations = validate_all(content)
    except ContentErrors:
        return existing
    by_slug = {medication.slug: medication for medication in medications}
    changed = []
    for valid in leaflets:
        medication = by_slug.get(valid.slug)
        from_file = leaflet_fingerprints(
            valid.form.cleaned_data,
            valid.published,
            [form.cleaned_data for form in valid.members],
            [form.cleaned_data for form in valid.sections],
        )["leaflet"]
        known = set()
        if medication is not None:
            known = {
                medication.imported_fingerprints.get("leaflet"),
                medication_fingerprints(medication)["leaflet"],
            }
        if from_file not in known:
            changed.append(valid.source.path)
    for valid in translations:
        medication = by_slug.get(valid.slug)
        from_file = file_translation_fingerprint(valid)
        if medication is None or from_file not in (
            medication.imported_translations.get(valid.language),
            stored_translation_fingerprint(medication, valid.language),
        ):
            changed.append(valid.source.path)
    terms_by_slug = {term.slug: term for term in terms}
    for valid in term_translations:
        term = terms_by_slug.get(valid.source.slug)
        from_file = term_translation_fingerprint(valid.form.cleaned_data)
        if term is None or from_file not in (
            term.imported_translations.get(valid.language),
            term_translation_fingerprint(term, valid.language),
        ):
            changed.append(valid.path)
            break
    for valid in valid_terms:
        term = terms_by_slug.get(valid.source.slug)
        from_file = term_fingerprint(valid.form.cleaned_data)
        if term is None or from_file not in (term.imported_fingerprint, term_fingerprint(term)):
            changed.append(glossary)
            break
    return changed
