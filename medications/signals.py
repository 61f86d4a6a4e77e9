"""Keep the search index in step when content is saved anywhere (admin, shell, loader).

Each change re-indexes only what it touches; load_content also rebuilds the whole index.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from medications import search_index
from medications.models import GlossaryTerm, Medication, Member, Section


@receiver(post_save, sender=Section)
def section_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index.reindex_section(instance)


@receiver(post_save, sender=Medication)
def medication_saved(sender, instance, created=False, raw=False, **kwargs):
    # A new medication has no sections yet; they index themselves when saved.
    if not raw and not created:
        search_index.reindex_names(instance)


@receiver(post_save, sender=Member)
@receiver(post_delete, sender=Member)
def member_changed(sender, instance, raw=False, **kwargs):
    # When a whole medication is deleted its members go first; then there is nothing to do.
    medication = Medication.objects.filter(pk=instance.medication_id).first()
    if not raw and medication is not None:
        search_index.reindex_names(medication)


@receiver(post_save, sender=GlossaryTerm)
def glossary_term_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        search_index.reindex_term(instance)


@receiver(post_delete, sender=Section)
@receiver(post_delete, sender=GlossaryTerm)
@receiver(post_delete, sender=Medication)
def content_deleted(sender, instance, **kwargs):
    # Their index rows go with them (foreign keys cascade); the version tells other processes
    # to reload the names they keep in memory.
    search_index.bump_version()
