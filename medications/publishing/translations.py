"""Publishing a translation: one language of a leaflet goes to patients on its own, after
its own review; the Dutch text and the other languages stay as they are."""

from medications.publishing.batch import changes
from medications.publishing.workflow import log


def publish_translation(working, language, user):
    """Copy the working copy's `language` text onto the live copy when the batch ends."""
    with changes() as batch:
        batch.publish(working.pk, language)
        log(working, user, f"Vertaling ({language}) gepubliceerd.")
