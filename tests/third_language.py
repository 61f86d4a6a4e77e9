"""A third language for tests, configured the way the README says a hospital adds one: a line
in LANGUAGES and a .po file (here Arabic, written right to left, with a handful of test
translations; every other string stays Dutch, as an untranslated msgid does)."""

import polib
from django.conf import settings as django_settings

from medications.management.commands.compile_translations import compile_po

CODE = "ar"
NAME = "العربية"
TEST_TRANSLATIONS = {
    "medicijnen/<slug:slug>/": "adwiya/<slug:slug>/",
    "medicijnen/<slug:slug>/print/": "adwiya/<slug:slug>/tibaa/",
    "medicijnen/<slug:slug>.pdf": "adwiya/<slug:slug>.pdf",
    "woordenlijst/": "mustalahat/",
    "zoeken/": "bahth/",
    "zoeken/suggesties/": "bahth/iqtirahat/",
    "reactie/": "raay/",
    "reactie/bedankt/": "raay/shukran/",
    "Uitleg over uw medicijnen": "شرح أدويتك",
    "Medicijnen A-Z": "الأدوية من أ إلى ي",
    "Woordenlijst": "المصطلحات",
    "Zoeken": "بحث",
    "Even geduld, alstublieft": "يرجى الانتظار قليلاً",
    "Deze pagina is nog niet vertaald.": "هذه الصفحة غير مترجمة بعد.",
    "Naar de startpagina": "إلى الصفحة الرئيسية",
}


def add_third_language(settings, tmp_path):
    """LANGUAGES gets Arabic, LOCALE_PATHS a catalog for it, compiled as the site compiles its
    own (manage.py compile_translations)."""
    po = polib.POFile()
    po.metadata = {
        "Content-Type": "text/plain; charset=UTF-8",
        "Language": CODE,
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    for msgid, msgstr in TEST_TRANSLATIONS.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    path = tmp_path / "locale" / CODE / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    po.save(str(path))
    compile_po(path)
    settings.LANGUAGES = [*django_settings.LANGUAGES, (CODE, NAME)]
    settings.LOCALE_PATHS = [*django_settings.LOCALE_PATHS, tmp_path / "locale"]
