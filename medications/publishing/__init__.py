"""The one write path for content: every change (a file load, an admin save, a glossary
change, a publish, a restore, a shell edit) ends here, and its derived data (HTML, glossary
links, terms used, the content version, search through `medications.signals.content_changed`)
is made once per transaction, from what its writer declared.

- batch: `changes()`, the transaction-wide batch in which every writer declares what it changed;
- guard: in tests and with DEBUG, a content row saved outside `changes()` raises;
- derived: rendering, linking and the terms used;
- workflow: submit, send back, publish, take offline or withdraw, record a review;
- four_eyes: the last editor does not publish their own edit;
- summary: 'Wat is er veranderd?' in a patient's words, for a publish nobody summarised.
- translations: a translation edited, submitted, sent back or published, one language at a time.
"""

from medications.publishing.batch import Batch, changes
from medications.publishing.summary import change_summary
from medications.publishing.translations import (
    publish_translation,
    send_back_translation,
    submit_translation,
    translation_edited,
)
from medications.publishing.workflow import (
    SlugTaken,
    live_copy_of,
    mark_edited,
    publish,
    record_review,
    send_back,
    submit_for_review,
    system_user,
    term_edited,
    unpublish,
)

__all__ = [
    "Batch",
    "SlugTaken",
    "change_summary",
    "changes",
    "live_copy_of",
    "mark_edited",
    "publish",
    "publish_translation",
    "send_back_translation",
    "submit_translation",
    "translation_edited",
    "record_review",
    "send_back",
    "submit_for_review",
    "system_user",
    "term_edited",
    "unpublish",
]
