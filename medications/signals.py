"""The content's one outward interface: what changed, sent once per transaction by the write
path (medications.publishing). Search listens; the medications app never imports search."""

from django.dispatch import Signal

# Sent with medication_ids and glossary_term_ids (frozensets): the rows of these medications
# and terms changed, or were deleted, in the transaction now finishing.
content_changed = Signal()
