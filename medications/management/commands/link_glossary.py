"""`python manage.py link_glossary`: mark up glossary terms in every stored section again."""

from django.core.management.base import BaseCommand

from medications.glossary_links import relink_all_sections


class Command(BaseCommand):
    help = (
        "Zet de uitleg van woorden uit de woordenlijst opnieuw in alle onderdelen "
        "(na een nieuwe versie van de site; de Markdown blijft zoals hij is)."
    )

    def handle(self, *args, **options):
        changed = relink_all_sections()
        self.stdout.write(self.style.SUCCESS(f"Klaar: {changed} onderdeel/onderdelen bijgewerkt."))
