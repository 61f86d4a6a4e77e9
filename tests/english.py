"""A small site with English text in the `_en` columns, for the tests of the English pages.

The translation workflow loads English content files; these tests put English text straight
into the columns a patient reads and record its translation as published, so what they check
is the interface around it: addresses, switch, alternates, UI words, print and PDF.
"""

import textwrap

from django.utils import timezone

from medications import translation_status
from medications.choices import ReviewStatus
from medications.content import load_content
from medications.models import GlossaryTerm, Medication, Section, Translation
from medications.publishing.rendering import render_markdown
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


def english_site(content_dir):
    """One published leaflet and one glossary term, in Dutch and in English."""
    load_content(
        content_dir(
            {f"{SLUG}.md": leaflet_text(slug=SLUG, name="Testmedicine")},
            glossary=DUTCH_GLOSSARY,
        )
    )
    copies = Medication.all_copies.filter(slug=SLUG)
    copies.update(
        name_en="Testmedicine",
        summary_en="Testmedicine slows down the immune system.",
        key_points_en="Take it every day.\nHave your blood checked.",
    )
    for kind, (heading, body) in ENGLISH_SECTIONS.items():
        html = render_markdown(body, kind).replace(
            "immune system", '<dfn data-term="afweersysteem">immune system</dfn>'
        )  # a glossary word, marked as the write path marks it
        Section.all_copies.filter(medication__in=copies, kind=kind).update(
            heading_en=heading, body_markdown_en=body, body_html_en=html
        )
    for copy in copies:
        copy.glossary_terms.set(GlossaryTerm.objects.all())
    GlossaryTerm.objects.update(
        term_en="Immune system",
        variants_en="",
        explanation_markdown_en="Everything in your body that protects you against germs.",
        explanation_html_en="<p>Everything in your body that protects you against germs.</p>",
    )
    live = Medication.objects.get(slug=SLUG)
    # Its English translation reviewed and published (a translation's own state, issue-18w),
    # against the Dutch text patients see now: up to date.
    Translation.objects.create(
        medication=live.working_copy,
        language="en",
        status=ReviewStatus.PUBLISHED,
        version_number=1,
        approved_by="Test",
        approved_at=timezone.now(),
        source_version=live.version_number,
        source_published_at=live.approved_at,
        source_text=translation_status.source_parts(live),
    )
    return live
