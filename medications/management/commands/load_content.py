"""`python manage.py load_content [DIR]`: check the content files, then load them."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from medications.content import ContentErrors, load_content


class Command(BaseCommand):
    help = "Controleert de folders in content/ en laadt ze in de database (alles of niets)."

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            default=str(settings.CONTENT_DIR),
            help="map met leaflets/*.md en woordenlijst.md (standaard: content/)",
        )

    def handle(self, *args, directory, **options):
        try:
            report = load_content(directory)
        except ContentErrors as problems:
            for error in problems.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(problems.errors)} fout(en) gevonden; er is niets veranderd in de database."
            ) from None
        for label, slugs in (
            ("nieuw", report.created),
            ("bijgewerkt", report.updated),
            ("ongewijzigd", report.unchanged),
            ("offline gehaald (bestand weg)", report.unpublished),
        ):
            if slugs:
                self.stdout.write(f"{label}: {', '.join(slugs)}")
        self.stdout.write(
            f"woordenlijst: {report.terms_created} nieuw, {report.terms_updated} bijgewerkt, "
            f"{report.terms_deleted} verwijderd"
        )
        if not report.changed_anything:
            self.stdout.write("Niets veranderd.")
        self.stdout.write(self.style.SUCCESS("Klaar."))
