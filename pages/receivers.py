"""Pages listen to the content's write path, as search does: whatever changed in a
transaction, the content version changes with it, in that same transaction."""

from django.dispatch import receiver

from medications.signals import content_changed
from pages.models import ContentVersion


@receiver(content_changed)
def new_content_version(sender, **kwargs):
    ContentVersion.bump()
