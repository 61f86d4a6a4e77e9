"""What search knows a leaflet and a term by, and which version of the index it reads: read
by the query side (search.vocabulary) and the index writer (search.index) alike, so the
query side never imports the writer."""

from django.conf import settings
from modeltranslation.utils import build_localized_fieldname

from medications.text import split_names
from search.models import SearchIndexVersion

# Member descriptions longer than this are explanations, not names ('SCIg met een pomp').
MAX_NAME_WORDS = 2


def languages():
    return [code for code, _ in settings.LANGUAGES]


def localized(instance, field, language):
    """What a page in `language` shows: the translation, else the default language."""
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
    return [localized(term, "term", language)] + split_names(localized(term, "variants", language))


def current_version():
    return SearchIndexVersion.objects.filter(pk=1).values_list("token", flat=True).first() or ""
