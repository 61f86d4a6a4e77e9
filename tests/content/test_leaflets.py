"""The five real leaflets as a patient reads them: every section, names, source, and facts
checked against the source leaflets in ../shared/seeds/."""

import html
import re

import pytest

from medications.models import CORE_SECTION_KINDS, Medication, SectionKind

pytestmark = pytest.mark.django_db

LEAFLETS = {
    "azathioprine": {
        "brands": ["Imuran", "Imuran mitis"],
        "members": [],
        "silent": [],
    },
    "anakinra": {"brands": ["Kineret"], "members": [], "silent": []},
    "infliximab": {"brands": ["Remicade", "Remsima"], "members": [], "silent": []},
    "jak-remmers": {
        "brands": ["Olumiant", "Jyseleca", "Xeljanz", "Rinvoq"],
        "members": ["baricitinib", "filgotinib", "tofacitinib", "upadacitinib"],
        "silent": ["zwangerschap", "vaccinatie", "operaties"],
    },
    "immunoglobulinen": {
        "brands": [],
        "members": ["IVIg", "SCIg", "fSCIg"],
        "silent": ["zwangerschap", "operaties"],
    },
}

# (section anchor, a fact in our own words, as it must appear in that section).
FACTS = {
    "azathioprine": [
        ("dosering", "Imuran mitis: tabletten van 25 mg"),
        ("dosering", "minstens 3 uur na een maaltijd"),
        ("wanneer-werkt-het", "kan het 8 tot 12 weken duren"),
        ("bijwerkingen", "Sneller een infectie krijgen, bijvoorbeeld gordelroos"),
        ("controles", "1 keer per 8 weken"),
        ("zwangerschap", "4 tot 6 uur te wachten"),
        ("vaccinatie", "Een griepprik wordt elk jaar aangeraden"),
        ("operaties", "hoeft u niet te stoppen met azathioprine"),
    ],
    "anakinra": [
        ("dosering", "altijd hetzelfde: 100 mg per dag"),
        ("voor-de-start", "een röntgenfoto van uw longen"),
        ("bijwerkingen", "vooral van de bovenste luchtwegen en de bijholtes"),
        ("operaties", "om 2 dagen voor de operatie geen anakinra"),
        ("bewaren", "Bewaar anakinra in de koelkast"),
        ("vaccinatie", "Een voorbeeld is het vaccin tegen gele koorts"),
        ("controles", "088 75 574 28"),
        ("vragen", "Postbus 85500, 3508 GA Utrecht"),
    ],
    "infliximab": [
        ("dosering", "U krijgt infliximab één keer per 6 weken"),
        ("dosering", "ongeveer 4 uur opgenomen"),
        ("bijwerkingen", "tussen 0,1% en 0,01% van de gebruikers"),
        ("controles", "1 week na de start met infliximab"),
        ("zwangerschap", "tot een zwangerschapsduur van 12 weken"),
        ("vragen", "polikliniek Neurologie: 020-5662500"),
        ("wanneer-werkt-het", "meestal binnen enkele weken"),
        ("niet-gebruiken", "in de afgelopen 5 jaar kanker"),
        ("vaccinatie", "Een griepprik mag wel."),
        ("wanneer-contact", "erge keelpijn samen met koorts"),
    ],
    "jak-remmers": [
        ("aandoening", "staat sinds mei 2023 ook op de lijst"),
        ("werking", "familie van vier enzymen"),
        ("dosering", "met een glas water tijdens de maaltijd"),
        ("wanneer-werkt-het", "JAK-remmers werken na acht tot twaalf weken"),
        ("bijwerkingen", "vaak (1 op 100) tot zeer"),
        ("bijwerkingen", "mensen ouder dan 65 jaar"),
        ("controles", "een jaarlijks bezoek aan een dermatoloog"),
        ("meer-weten", "In Nederland gelden andere regels"),
        ("meer-weten", "zelf melden bij Bijwerkingencentrum Lareb"),
        ("voor-de-start", "gedurende minstens drie maanden"),
    ],
    "immunoglobulinen": [
        ("dosering", "Op de dagbehandeling of thuis"),
        ("dosering", "Elke 1 tot 2 weken"),
        ("dosering", "U zelf, een ouder of uw partner"),
        ("dosering", "met ongeveer 1 tot 2 ml per minuut"),
        ("dosering", "Bij iemand van meer dan 40 kg is dat zelfs 600 ml per prikplek"),
        ("aandoening", "Ongeveer 70% van de mensen met GBS"),
        ("bijwerkingen", "het infuus 15 tot 30 minuten wordt stopgezet"),
        ("controles", "De eerste twee keer krijgt u het infuus"),
        ("vaccinatie", "Sommige vaccinaties mogen mensen met een afweerstoornis"),
        ("wanneer-contact", "Waarschuw dan meteen uw behandelend arts"),
    ],
}

GLOSSARY_FACTS = [
    ("Antistof", "herkent één bepaald antigeen en vernietigt het"),
    ("Corticosteroïden", "Cortisol is een hormoon uit de bijnierschors"),
    ("Thymus", "Een orgaan achter het borstbeen"),
    ("Interleukine-1", "helpt bij de communicatie tussen cellen"),
    ("Granuloom", "Een ophoping van ontstekingscellen in het lichaam"),
    ("Reumaverpleegkundige", "Een ander woord is reumaconsulent"),
]


def readable_text(markup):
    """What a reader sees: tags gone, in-place glossary explanations left out, spaces folded."""
    markup = re.sub(r"<span[^>]*\bpopover\b.*?</span>\s*</span>", "", markup, flags=re.S)
    markup = re.sub(r"<button[^>]*>(.*?)</button>", r"\1", markup, flags=re.S)
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    return re.sub(r"\s+", " ", text)


def section_markup(page, anchor):
    match = re.search(rf'<section id="{anchor}"[^>]*>(.*?)</section>', page, flags=re.S)
    assert match, f"no section #{anchor}"
    return match.group(1)


def page_of(client, slug):
    response = client.get(f"/medicijnen/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_all_five_leaflets_are_loaded_and_published():
    assert set(Medication.objects.published().values_list("slug", flat=True)) >= set(LEAFLETS)


@pytest.mark.parametrize("slug", LEAFLETS)
def test_page_shows_every_section_with_its_anchor_in_fixed_order(client, slug):
    page = page_of(client, slug)
    medication = Medication.objects.get(slug=slug)
    anchors = re.findall(r'<section id="([a-z-]+)" class="leaflet-section', page)
    assert anchors == [section.anchor for section in medication.ordered_sections]
    order = [kind.value for kind in SectionKind]
    assert anchors == sorted(anchors, key=order.index)
    assert set(CORE_SECTION_KINDS) <= set(anchors), "every core topic has a section"
    for anchor in anchors:
        assert f'href="#{anchor}"' in page, f"table of contents links to #{anchor}"


@pytest.mark.parametrize("slug", LEAFLETS)
def test_page_shows_brand_names_members_and_source(client, slug):
    page = page_of(client, slug)
    header = page.split('<nav class="toc"', 1)[0]
    for brand in LEAFLETS[slug]["brands"]:
        assert brand in header
    for member in LEAFLETS[slug]["members"]:
        assert f'<th scope="row">{member}' in page
    medication = Medication.objects.get(slug=slug)
    source = readable_text(page.split('<footer class="leaflet-source"', 1)[1])
    assert medication.source_title in source
    assert medication.source_publisher in source
    assert "Inhoud laatst gecontroleerd op" in source
    if not medication.source_publisher:
        assert "De folder noemt geen maker" in source


@pytest.mark.parametrize("slug", LEAFLETS)
def test_sections_the_source_is_silent_on_say_so_and_whom_to_ask(client, slug):
    page = page_of(client, slug)
    for anchor in LEAFLETS[slug]["silent"]:
        text = readable_text(section_markup(page, anchor))
        assert "Niet in de folder" in text, anchor
        assert re.search(r"(arts|apotheker|verpleegkundige|behandelaar)", text), anchor
    spoken = set(CORE_SECTION_KINDS) - set(LEAFLETS[slug]["silent"])
    for anchor in spoken:
        assert "Niet in de folder" not in section_markup(page, anchor), anchor


@pytest.mark.parametrize(
    ("slug", "anchor", "fact"),
    [(slug, anchor, fact) for slug, facts in FACTS.items() for anchor, fact in facts],
)
def test_fact_from_the_source_is_in_the_right_section(client, slug, anchor, fact):
    assert fact in readable_text(section_markup(page_of(client, slug), anchor))


def test_immunoglobulin_comparison_is_a_real_table(client):
    dosing = section_markup(page_of(client, "immunoglobulinen"), "dosering")
    table = re.search(r"<table.*?</table>", dosing, flags=re.S).group(0)
    headers = readable_text(" | ".join(re.findall(r"<th[^>]*>.*?</th>", table, flags=re.S)))
    for form in ["IVIg", "SCIg", "fSCIg"]:
        assert form in headers
    row_labels = readable_text(" | ".join(re.findall(r'<th scope="row">.*?</th>', table, re.S)))
    assert "Hoe vaak" in row_labels
    assert "Wie geeft het" in row_labels


def test_alarm_section_stands_out(client):
    for slug in LEAFLETS:
        assert 'class="leaflet-section alarm"' in page_of(client, slug)


@pytest.mark.parametrize(("term", "fact"), GLOSSARY_FACTS)
def test_glossary_explains_the_source_terms(client, term, fact):
    page = client.get("/woordenlijst/").content.decode()
    text = readable_text(page)
    assert term in text
    assert fact in text
