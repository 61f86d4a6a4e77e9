"""After a batch has copied its publications to the live copies: each translation published
in it records the Dutch text it was reviewed against, as patients now see it."""

from medications.models import Medication, Translation
from medications.translation_status import source_parts


def record_sources(translation_ids):
    for translation in Translation.objects.filter(pk__in=translation_ids):
        working = translation.medication
        live = (
            Medication.all_copies.filter(working_copy=working)
            .prefetch_related("members", "sections")
            .first()
        )
        source = live or working  # no live copy yet: the Dutch text it will be published with
        translation.source_text = source_parts(source)
        translation.source_version = source.version_number
        translation.source_published_at = source.approved_at
        translation.save(update_fields=["source_text", "source_version", "source_published_at"])
