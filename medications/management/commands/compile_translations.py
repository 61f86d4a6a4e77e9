"""The interface's translations: each locale/<language>/LC_MESSAGES/django.po written as the
.mo file Django reads, with polib (pure Python), so no machine needs GNU gettext's msgfmt.

    manage.py compile_translations          # every .po under LOCALE_PATHS
    manage.py compile_translations --check  # exit 1 when a .po has an empty or fuzzy entry

`make run`, `make test` and CI run it; a .mo file is never committed.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def po_files(locale_paths=None):
    for locale_path in locale_paths or settings.LOCALE_PATHS:
        yield from sorted(Path(locale_path).glob("*/LC_MESSAGES/*.po"))


def untranslated(po):
    """The entries a visitor would see in Dutch: empty or fuzzy (obsolete ones do not count)."""
    return [e for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]


def compile_po(path):
    """Writes path's .mo beside it when the .po is newer; returns the parsed .po."""
    po = polib.pofile(str(path))
    mo_path = path.with_suffix(".mo")
    if not mo_path.exists() or mo_path.stat().st_mtime < path.stat().st_mtime:
        po.save_as_mofile(str(mo_path))
    return po


class Command(BaseCommand):
    help = "Schrijft de .mo-bestanden van locale/ (zonder GNU gettext)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help="Stop met een fout bij een lege vertaling."
        )

    def handle(self, *args, check=False, **options):
        problems = []
        for path in po_files():
            po = compile_po(path)
            if options["verbosity"]:
                self.stdout.write(f"{path}: {po.percent_translated()}% vertaald")
            problems += [f"{path}:{entry.linenum}: {entry.msgid!r}" for entry in untranslated(po)]
        if check and problems:
            raise CommandError("Niet vertaald:\n" + "\n".join(problems))
