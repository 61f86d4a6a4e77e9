"""What search knows a leaflet and a term by, and which content version it reads: read
by the query side (search.vocabulary) and the index writer (search.index) alike, so the
query side never imports the writer."""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from medications.text import split_names
from serving.models import ContentVersion

# Member descriptions longer than this are explanations, not names ('SCIg met een pomp').
MAX_NAME_WORDS = 2


def languages():
    return [code for code, _ in settings.LANGUAGES]


def written_in(instance, field, language):
    """The field's own text in `language`, without falling back to another language."""
    return getattr(instance, build_localized_fieldname(field, language), None) or ""


def localized(instance, field, language):
    """A name in `language`: the translation, else the default language's."""
    value = getattr(instance, build_localized_fieldname(field, language), None)
    if not value:
        value = getattr(instance, build_localized_fieldname(field, settings.LANGUAGE_CODE), None)
    return value or getattr(instance, field, "") or ""


def medication_names(medication, language):
    """Every name a patient may type for this medication: name, brands, aliases, members."""
    names = [localized(medication, "name", language)]
    names += medication.brand_name_list + medication.other_name_list
    for member in medication.members.all():
        names += member.brand_name_list
        substance = member.substance.split("(")[0].strip()
        if substance and len(substance.split()) <= MAX_NAME_WORDS:
            names.append(substance)
    return list(dict.fromkeys(name for name in names if name))


def term_names(term, language):
    """A glossary term's names in `language`: its own, never another language's."""
    variants = split_names(written_in(term, "variants", language))
    return [written_in(term, "term", language), *variants]


def current_version():
    """The content version (one token for the page cache and search, made by the write path):
    the names and words a process keeps are those of this version."""
    return ContentVersion.current_token()
