"""A small site in Dutch and English, for the tests of the English pages: the English text
comes in as the site's own does, from content files beside the Dutch ones (`<slug>.en.md`,
`woordenlijst.en.md`) through load_content, which publishes the translation, so the pages
exist in English as they do in production (medications.languages.available_languages).
"""

import textwrap

from medications.content import load_content
from medications.models import Medication
from tests.conftest import leaflet_text

SLUG = "testmedicine"
ENGLISH_SECTIONS = {
    "dosering": ("How do you take testmedicine?", "Take 2 tablets of 50 mg a day."),
    "bijwerkingen": (
        "What side effects can it cause?",
        "- feeling sick\n- headache\n\nIt slows down the immune system.",
    ),
    "controles": ("Which checks do you need?", "Blood tests every 2 weeks for 3 months."),
    "zwangerschap": ("Can you take it when pregnant?", "Talk to your doctor."),
    "vaccinatie": ("Can you have vaccinations?", "The leaflet says nothing about this."),
    "operaties": ("What if you have an operation?", "You do not need to stop."),
}
DUTCH_GLOSSARY = textwrap.dedent(
    """\
    ## Afweersysteem
    Ook: immuunsysteem

    Alles in uw lichaam dat u beschermt tegen ziekteverwekkers.
    """
)


def english_leaflet():
    """The English file of the test leaflet: the Dutch file's facts, English words."""
    silent = {"vaccinatie": " geen-informatie"}  # as in the Dutch file
    sections = "".join(
        f"## {heading} {{#{kind}{silent.get(kind, '')}}}\n\n{body}\n\n"
        for kind, (heading, body) in ENGLISH_SECTIONS.items()
    )
    return (
        leaflet_text(slug=SLUG, name="Testmedicine")
        .split("---\n\n", 1)[0]
        .replace(
            "summary: Testmiddel remt het afweersysteem.",
            "summary: Testmedicine slows down the immune system.",
        )
        + "---\n\n"
        + sections
    )


ENGLISH_GLOSSARY = textwrap.dedent(
    """\
    ## Immune system {#afweersysteem}

    Everything in your body that protects you against germs.
    """
)


def english_site(content_dir):
    """One published leaflet and one glossary term, in Dutch and in English."""
    root = content_dir(
        {
            f"{SLUG}.md": leaflet_text(slug=SLUG, name="Testmedicine"),
            f"{SLUG}.en.md": english_leaflet(),
        },
        glossary=DUTCH_GLOSSARY,
    )
    (root / "woordenlijst.en.md").write_text(ENGLISH_GLOSSARY, encoding="utf-8")
    load_content(root)
    return Medication.objects.get(slug=SLUG)
