"""`python manage.py rebuild_search_index`: build the search index again from the database."""

from django.core.management.base import BaseCommand

from search import index as search_index


class Command(BaseCommand):
    help = "Bouwt de zoekindex opnieuw op uit de folders en de woordenlijst in de database."

    def handle(self, *args, **options):
        rows = search_index.rebuild()
        search_index.tidy_after_rebuild()
        self.stdout.write(self.style.SUCCESS(f"Zoekindex opnieuw opgebouwd: {rows} regels."))
