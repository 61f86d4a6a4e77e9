"""Record every content row saved or deleted, wherever it happens (admin, loader, shell), in
the write path's batch. Recording is all they do; the work happens in medications.publishing."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from medications import publishing
from medications.models import GlossaryTerm, Medication, Member, Section


@receiver(post_save, sender=Section)
@receiver(post_delete, sender=Section)
def section_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        publishing.record(lambda batch: batch.section_changed(instance))


@receiver(post_save, sender=Medication)
@receiver(post_delete, sender=Medication)
@receiver(post_save, sender=Member)
@receiver(post_delete, sender=Member)
def names_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        medication_id = instance.pk if sender is Medication else instance.medication_id
        publishing.record(lambda batch: batch.medication_changed(medication_id))


@receiver(post_save, sender=GlossaryTerm)
@receiver(post_delete, sender=GlossaryTerm)
def term_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        publishing.record(lambda batch: batch.term_changed(instance))
