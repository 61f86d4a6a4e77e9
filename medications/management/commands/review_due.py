"""`python manage.py review_due [--days N] [--mail]`: leaflets whose review is overdue or due
soon. `--mail` also sends them to the Eindredacteuren (run it weekly from cron).

Exits with status 1 when any review is overdue, so a scheduled job can raise the alarm.
"""

from django.core.management.base import BaseCommand, CommandError

from medications.models import Medication
from medications.publishing import notifications


class Command(BaseCommand):
    help = (
        "Toont de folders die opnieuw naast hun bronfolder moeten worden gelegd; "
        "stopt met een foutcode als er een te laat is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=30, help="vooruitkijken (standaard 30)")
        parser.add_argument(
            "--mail", action="store_true", help="stuur de lijst ook naar de eindredacteuren"
        )

    def handle(self, *args, days, mail, **options):
        due = Medication.working_copies.review_due(days)
        if mail:
            sent = notifications.review_digest(due)
            self.stdout.write(f"E-mail naar {sent} eindredacteur(en).")
        for medication in due:
            state = "TE LAAT" if medication.is_review_overdue else "binnenkort"
            self.stdout.write(
                f"{state}: {medication.name} ({medication.slug}), volgende controle "
                f"{medication.next_review_due:%d-%m-%Y}, laatst gecontroleerd "
                f"{medication.last_reviewed:%d-%m-%Y}"
                + (f" door {medication.reviewed_by}" if medication.reviewed_by else "")
            )
        overdue = sum(medication.is_review_overdue for medication in due)
        if overdue:
            raise CommandError(f"{overdue} folder(s) te laat voor controle.", returncode=1)
        self.stdout.write(
            self.style.SUCCESS(f"Geen folder te laat; {len(due)} binnen {days} dagen.")
        )
