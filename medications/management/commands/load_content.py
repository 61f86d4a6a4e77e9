"""`python manage.py load_content [DIR] [--force] [--publish --user NAME]`: check the content
files, then load them. `--force` overwrites admin edits with a draft; `--publish` publishes
the drafts whose text is their file's, in the name of an Eindredacteur (in the admin's log)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from medications.content import (
    ContentConflicts,
    ContentErrors,
    LoadInProgress,
    load_content,
    publish_loaded,
)


class Command(BaseCommand):
    help = (
        "Controleert de folders in content/ en laadt nieuwe en gewijzigde bestanden in de "
        "database (alles of niets). Een folder die sinds het laatste laden in de "
        "beheeromgeving is gewijzigd, wordt niet overschreven, behalve met --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "directory",
            nargs="?",
            default=str(settings.CONTENT_DIR),
            help="map met leaflets/*.md en woordenlijst.md (standaard: content/)",
        )
        parser.add_argument(
            "--wait",
            type=float,
            default=300,
            help="seconden wachten op een andere load_content die bezig is (standaard 300)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="overschrijf ook wijzigingen uit de beheeromgeving met een concept (ze blijven "
            "in de geschiedenis, zodat u ze kunt terugzetten; de controle blijft staan)",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publiceer daarna de concepten met precies de tekst van hun bestand "
            "(met --user: een eindredacteur)",
        )
        parser.add_argument("--user", help="gebruikersnaam van de eindredacteur die publiceert")

    def handle(self, *args, directory, force, wait, publish, user, **options):
        publisher = self.publisher(user) if publish else None

        def on_wait():
            self.stderr.write("Een andere load_content is bezig; deze wacht tot die klaar is.")

        try:
            report = load_content(directory, force=force, wait_seconds=wait, on_wait=on_wait)
        except LoadInProgress as busy:
            raise CommandError(str(busy)) from None
        except ContentErrors as problems:
            for error in problems.errors:
                self.stderr.write(str(error))
            raise CommandError(
                f"{len(problems.errors)} fout(en) gevonden; er is niets veranderd in de database."
            ) from None
        except ContentConflicts as problems:
            for conflict in problems.conflicts:
                self.stderr.write(f"Conflict: {conflict}")
            raise CommandError(
                f"{len(problems.conflicts)} conflict(en): er is niets veranderd in de database. "
                "Neem de wijzigingen uit de beheeromgeving over in de bestanden "
                "(manage.py export_content), of overschrijf ze met --force; de versie uit de "
                "beheeromgeving blijft dan in de geschiedenis."
            ) from None
        self.print_report(report)
        if publisher is not None:
            published = publish_loaded(publisher)
            self.stdout.write(
                f"gepubliceerd door {publisher.get_username()}: {', '.join(published) or 'niets'}"
            )

    def publisher(self, username):
        if not username:
            raise CommandError("--publish vraagt --user: wie publiceert (een eindredacteur)?")
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None or not user.has_perm("medications.publish_medication"):
            raise CommandError(f"'{username}' is geen eindredacteur: die mag niet publiceren.")
        return user

    def print_report(self, report):
        for warning in report.warnings:
            self.stderr.write(f"Let op: {warning}")
        for label, slugs in (
            ("nieuw", report.created),
            ("bijgewerkt", report.updated),
            ("ongewijzigd", report.unchanged),
            ("gewijzigd in de beheeromgeving, bestand niet opnieuw geladen", report.kept),
            ("overschreven (vorige versie in de geschiedenis)", report.overwritten),
            ("als concept geladen, nog niet gepubliceerd (--publish)", report.drafts),
            ("offline gehaald (bestand weg)", report.unpublished),
            ("vertaling geladen", report.translated),
            ("vertaling ongewijzigd", report.unchanged_translations),
        ):
            if slugs:
                self.stdout.write(f"{label}: {', '.join(slugs)}")
        self.stdout.write(
            f"woordenlijst: {report.terms_created} nieuw, {report.terms_updated} bijgewerkt, "
            f"{report.terms_deleted} verwijderd"
            + (f", {report.terms_kept} gewijzigd in de beheeromgeving" if report.terms_kept else "")
            + (f", {report.terms_translated} vertaald" if report.terms_translated else "")
        )
        if not report.changed_anything:
            self.stdout.write("Niets veranderd.")
        self.stdout.write(self.style.SUCCESS("Klaar."))
