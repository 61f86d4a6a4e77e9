"""A leaflet's workflow state in an export, so that loading the export into another database
keeps it: `workflow.json` beside `leaflets/` (written by export_content, read by
load_content when present).

What it carries, per leaflet (by slug): the status (concept, ter beoordeling, gepubliceerd),
whether the page is online, the document control (version number, approved by, approved on),
and the publication trail ("Wat is er veranderd?": kind, summary, date, by whom, as a name).
What it does not carry: the version history (django-reversion's versions, with their
differences): a new database starts its history with the loaded text. Review dates travel in
the leaflet files themselves (last_reviewed, reviewed_by, next_review).
"""

import json
from pathlib import Path

from django.utils.dateparse import parse_datetime

from medications.models import Medication, Publication, PublicationKind, ReviewStatus

FILE_NAME = "workflow.json"


def export_state(medications):
    return {
        medication.slug: {
            "status": medication.status,
            "online": medication.is_published,
            "version_number": medication.version_number,
            "approved_by": medication.approved_by,
            "approved_at": medication.approved_at.isoformat() if medication.approved_at else None,
            "publications": [
                {
                    "kind": publication.kind,
                    "summary": publication.summary,
                    "published_at": publication.published_at.isoformat(),
                    "version": publication.version,
                    "by": str(publication.published_by or ""),
                }
                for publication in reversed(medication.publications.all())
            ],
        }
        for medication in medications
    }


def write_state(root, medications):
    path = Path(root) / FILE_NAME
    text = json.dumps(export_state(medications), ensure_ascii=False, indent=2, sort_keys=True)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def read_state(root):
    path = Path(root) / FILE_NAME
    if not path.exists():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def apply_state(working, state, system_user):
    """A leaflet just created from an export takes over its trail and status. Returns True
    when it should be published (it was online and its text was the published one)."""
    Publication.objects.bulk_create(
        [
            Publication(
                medication=working,
                kind=entry["kind"],
                summary=entry["summary"],
                published_at=parse_datetime(entry["published_at"]),
                version=entry.get("version"),
                published_by=system_user,
            )
            for entry in state.get("publications", [])
            if entry["kind"] in PublicationKind.values
        ]
    )
    Medication.all_copies.filter(pk=working.pk).update(
        status=state.get("status", ReviewStatus.DRAFT)
    )
    working.refresh_from_db()
    return state.get("status") == ReviewStatus.PUBLISHED and state.get("online", True)


def restore_document_control(working, state):
    """After its publication (which counts one up), the version and approval of the export."""
    approved_at = state.get("approved_at")
    Medication.all_copies.filter(pk=working.pk).update(
        version_number=state.get("version_number", 0),
        approved_by=state.get("approved_by", ""),
        approved_at=parse_datetime(approved_at) if approved_at else None,
    )
