"""E-mails of the editors' workflow, through Django's mail (console by default, SMTP from
EMAIL_URL): a leaflet offered for review (to the Eindredacteuren), sent back (to whoever
offered or last edited it), and the weekly digest of reviews due (`review_due --mail`).

Sent when the transaction that made the step commits: a step rolled back mails nobody.
"""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from medications.addresses import absolute_url
from medications.roles import CHIEF_EDITOR


def chief_editors():
    users = get_user_model().objects.filter(groups__name=CHIEF_EDITOR, is_active=True)
    return sorted({user.email for user in users.exclude(email="")})


def change_form_url(working):
    return absolute_url(reverse("admin:medications_medication_change", args=[working.pk]))


def name_of(user):
    return (user.get_full_name() or user.get_username()) if user else "het systeem"


def send_later(subject, body, recipients):
    recipients = [address for address in recipients if address]
    if recipients:
        transaction.on_commit(lambda: send_mail(subject, body, None, recipients))


def review_requested(working, user):
    send_later(
        f"Te beoordelen: {working}",
        f"{name_of(user)} heeft '{working}' ter beoordeling aangeboden.\n\n"
        f"Beoordelen: {change_form_url(working)}\n"
        f"Alle folders die wachten: {absolute_url(reverse('admin:medications_review_queue'))}\n",
        chief_editors(),
    )


def sent_back(working, user, comment, editor):
    send_later(
        f"Teruggestuurd: {working}",
        f"{name_of(user)} heeft '{working}' teruggestuurd met deze opmerking:\n\n{comment}\n\n"
        f"Bewerken: {change_form_url(working)}\n",
        [editor.email] if editor else [],
    )


def review_digest(due):
    """The leaflets due for review (a list from MedicationQuerySet.review_due), to the
    Eindredacteuren. Returns the number of recipients."""
    recipients = chief_editors()
    if not due or not recipients:
        return 0
    lines = [
        f"- {m.name}: volgende controle {m.next_review_due:%d-%m-%Y}"
        + (" (TE LAAT)" if m.is_review_overdue else "")
        + f"\n  {change_form_url(m)}"
        for m in due
    ]
    send_mail(
        f"Controle nodig: {len(due)} folder(s)",
        "Deze folders moeten opnieuw naast hun bronfolder worden gelegd:\n\n"
        + "\n".join(lines)
        + "\n",
        None,
        recipients,
    )
    return len(recipients)
