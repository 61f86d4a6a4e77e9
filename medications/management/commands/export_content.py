"""`python manage.py export_content DIR [--overwrite]`: write the database back as content
files, with each leaflet's workflow state in DIR/workflow.json (content.workflow_state).
A file with edits that were never loaded is not overwritten unless `--overwrite`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from medications.content.errors import display_path
from medications.content.export import (
    file_name,
    glossary_name,
    glossary_text,
    has_translation,
    leaflet_text,
)
from medications.content.guard import unloaded_files
from medications.content.workflow_state import write_state
from medications.models import GlossaryTerm, Medication, ReviewStatus
from medications.translation_status import translation_languages


class Command(BaseCommand):
    help = (
        "Schrijft de folders en de woordenlijst uit de database als inhoudsbestanden "
        "(DIR/leaflets/*.md en DIR/woordenlijst.md, met de vertalingen ernaast: *.en.md), "
        "precies zoals load_content ze leest, met "
        "de stand van elke folder (status, versie, publicaties) in DIR/workflow.json."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="map om in te schrijven, bijvoorbeeld content/")
        parser.add_argument(
            "--overwrite",
            action="store_true",
            help="overschrijf ook bestanden met wijzigingen die nooit zijn geladen",
        )

    def handle(self, *args, directory, overwrite, **options):
        root = Path(directory)
        medications = list(
            Medication.working_copies.prefetch_related(
                "sections", "members", "publications"
            ).order_by("slug")
        )
        terms = list(GlossaryTerm.objects.order_by("term"))
        texts = {root / "leaflets" / file_name(m): leaflet_text(m) for m in medications}
        texts[root / "woordenlijst.md"] = glossary_text(terms)
        for language in translation_languages():
            for medication in medications:
                if has_translation(medication, language):
                    path = root / "leaflets" / file_name(medication, language)
                    texts[path] = leaflet_text(medication, language)
            if any(has_translation(term, language) for term in terms):
                texts[root / glossary_name(language)] = glossary_text(terms, language)
        if not overwrite:
            at_risk = [
                path
                for path in unloaded_files(root, medications, terms)
                if path in texts and path.read_text(encoding="utf-8") != texts[path]
            ]
            if at_risk:
                for path in at_risk:
                    self.stderr.write(
                        f"{display_path(path)}: heeft wijzigingen die nooit zijn geladen."
                    )
                raise CommandError(
                    f"{len(at_risk)} bestand(en) niet overschreven; er is niets geschreven. "
                    "Laad ze eerst (load_content), of overschrijf ze met --overwrite."
                )
        (root / "leaflets").mkdir(parents=True, exist_ok=True)
        drafts = {
            root / "leaflets" / file_name(m)
            for m in medications
            if m.status != ReviewStatus.PUBLISHED
        }
        for path, text in texts.items():
            path.write_text(text, encoding="utf-8")
            note = (
                " (let op: met wijzigingen die nog niet gepubliceerd zijn)"
                if path in drafts
                else ""
            )
            self.stdout.write(f"{path}{note}")
        self.stdout.write(str(write_state(root, medications)))
        self.stdout.write(self.style.SUCCESS("Klaar."))
