"""`python manage.py export_content DIR`: write the database back as content files."""

from pathlib import Path

from django.core.management.base import BaseCommand

from medications.content.export import file_name, glossary_text, leaflet_text
from medications.models import GlossaryTerm, Medication, ReviewStatus


class Command(BaseCommand):
    help = (
        "Schrijft de folders en de woordenlijst uit de database als inhoudsbestanden "
        "(DIR/leaflets/*.md en DIR/woordenlijst.md), precies zoals load_content ze leest."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="map om in te schrijven, bijvoorbeeld content/")

    def handle(self, *args, directory, **options):
        root = Path(directory)
        (root / "leaflets").mkdir(parents=True, exist_ok=True)
        medications = Medication.working_copies.prefetch_related("sections", "members")
        for medication in medications.order_by("slug"):
            path = root / "leaflets" / file_name(medication)
            path.write_text(leaflet_text(medication), encoding="utf-8")
            note = ""
            if medication.status != ReviewStatus.PUBLISHED:
                note = " (let op: met wijzigingen die nog niet gepubliceerd zijn)"
            self.stdout.write(f"{path}{note}")
        glossary = root / "woordenlijst.md"
        glossary.write_text(glossary_text(GlossaryTerm.objects.order_by("term")), encoding="utf-8")
        self.stdout.write(str(glossary))
        self.stdout.write(self.style.SUCCESS("Klaar."))
