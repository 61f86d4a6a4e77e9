"""Fingerprints of content as an editor sees it: a leaflet's front matter, members and each
section, a glossary term. The loader stores what it wrote; a later difference means an edit
made since (in the admin), which a changed file must not silently overwrite.

Both sides are plain values of the same form fields: from a file's validated forms and from
the rows in the database.
"""

import hashlib
import json

from medications.publishing.forms import GlossaryTermForm, LeafletForm, MemberForm, SectionForm


def digest(value):
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def values(form_class, source):
    """The form's fields from a dict (cleaned data) or from a model instance."""
    get = source.get if isinstance(source, dict) else lambda name: getattr(source, name)
    return {name: get(name) for name in form_class._meta.fields}


def leaflet_fingerprints(front, published, members, sections):
    """`front`, each member and each section: cleaned data or rows. Returns
    {'leaflet': ..., 'front': ..., 'members': ..., 'sections': {kind: ...}}."""
    parts = {
        "front": digest({"fields": values(LeafletForm, front), "published": published}),
        "members": digest([values(MemberForm, member) for member in members]),
        "sections": {
            values(SectionForm, section)["kind"]: digest(values(SectionForm, section))
            for section in sections
        },
    }
    return {"leaflet": digest(parts), **parts}


def medication_fingerprints(medication):
    """The fingerprints of a working copy as it is in the database now."""
    return leaflet_fingerprints(
        medication,
        medication.is_published,
        list(medication.members.all()),
        list(medication.sections.all()),
    )


def term_fingerprint(term):
    """A glossary term's fingerprint, from cleaned data or a row."""
    return digest(values(GlossaryTermForm, term))
