"""A tripwire, on in tests and with DEBUG: a content row saved or deleted outside the write
path (`publishing.changes()`) raises at once, instead of leaving its HTML, live copy, search
rows and cached pages quietly behind. In production (DEBUG off) it lets the save through."""

from django.conf import settings
from django.db.models.signals import pre_delete, pre_save
from django.dispatch import receiver

from medications.models import GlossaryTerm, HospitalContact, Medication, Member, Section
from medications.publishing.batch import open_batch

CONTENT_MODELS = (Medication, Member, Section, GlossaryTerm, HospitalContact)


class OutsideWritePath(RuntimeError):
    pass


def on():
    return settings.DEBUG or getattr(settings, "WRITE_PATH_TRIPWIRE", False)


def refuse(sender, instance, raw=False, **kwargs):
    if raw or not on() or open_batch() is not None:
        return
    raise OutsideWritePath(
        f"{sender.__name__} {instance.pk or '(new)'} saved or deleted outside the write path. "
        "Write content inside `with medications.publishing.changes() as batch:` and declare "
        "what changed (batch.working_copy_changed, live_changed, term_changed, publish, ...), "
        "so its HTML, live copy, search rows and cached pages follow."
    )


for model in CONTENT_MODELS:
    receiver(pre_save, sender=model, dispatch_uid=f"write-path-save-{model.__name__}")(refuse)
    receiver(pre_delete, sender=model, dispatch_uid=f"write-path-delete-{model.__name__}")(refuse)
