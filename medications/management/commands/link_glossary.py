"""`python manage.py link_glossary`: mark up glossary terms in every stored section again."""

from django.core.management.base import BaseCommand

from medications import publishing


class Command(BaseCommand):
    help = (
        "Zet de uitleg van woorden uit de woordenlijst opnieuw in alle onderdelen "
        "(na een nieuwe versie van de site; de Markdown blijft zoals hij is)."
    )

    def handle(self, *args, **options):
        with publishing.changes() as batch:
            batch.relink_everything()
        self.stdout.write(self.style.SUCCESS("Klaar: alle onderdelen opnieuw opgemaakt."))
