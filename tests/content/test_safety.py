"""The safety information of each content file, checked against its source leaflet.

Content checks, kept apart from the code's tests: they read the content files (front matter
and sections, through the loader's own parser) and the source leaflets in ../shared/seeds/,
never the database or a rendered page. For each leaflet a hand-made list pairs every alarm
sign as the source leaflet words it with the same sign in our words; the tests check that
the source really says it, that our `alarm:` data has it, and that the page's
#wanneer-contact section lists every sign the safety box shows. The last part holds one
check per HIGH and MEDIUM finding of the content review
(../shared/reviews/content-review-2026-12.md), on the content files' data.
"""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

from medications.content.parse import parse_leaflet

SEEDS_DIR = Path(os.environ.get("PORTAL_SEEDS_DIR", settings.BASE_DIR.parent / "shared" / "seeds"))

SEED_FILES = {
    "azathioprine": "000_68f0adf85704862f.txt",
    "anakinra": "001_0478d94d3cac40d1.txt",
    "infliximab": "002_947845721b6bead3.txt",
    "jak-remmers": "003_b8d34efbba8a5d01.txt",
    "immunoglobulinen": "004_468dd3a14091bc4e.txt",
}

# (the sign as the source leaflet words it, the same sign in our alarm data). Every alarm
# sign of the leaflet: a sign the leaflet names where it says whom to contact or warn.
ALARM_SIGNS = {
    "azathioprine": [
        ("stoornissen in de bloedaanmaak", "problemen met het aanmaken van bloed"),
        (
            "verhoogde vatbaarheid voor infecties, zoals gordelroos",
            "sneller een infectie, bijvoorbeeld gordelroos",
        ),
        ("maagdarmstoornissen", "klachten van maag en darmen"),
        ("misselijkheid", "misselijkheid"),
        ("spierpijn", "pijn in de spieren"),
        ("gewrichtspijn", "pijn in de gewrichten"),
        ("koorts, rillingen, duizeligheid", "koorts"),
        ("koorts, rillingen, duizeligheid", "rillingen"),
        ("koorts, rillingen, duizeligheid", "duizeligheid"),
        ("leverfunctiestoornissen", "een lever die minder goed werkt"),
        ("nierfunctiestoornis", "nieren die minder goed werken"),
        (
            "mogelijk, zelden, bepaalde vormen van kanker",
            "bepaalde soorten kanker (dit is mogelijk, maar zelden)",
        ),
    ],
    "anakinra": [
        ("verschijnselen van infecties zijn bijvoorbeeld: koorts", "koorts"),
        ("verkoudheid", "verkoudheid"),
        ("griep", "griep"),
        ("hoesten", "hoesten"),
        ("keelpijn", "keelpijn"),
        ("ernstige kortademigheid en steenpuisten", "ernstige kortademigheid"),
        ("ernstige kortademigheid en steenpuisten", "steenpuisten"),
        ("huiduitslag over het gehele lichaam", "huiduitslag over het hele lichaam"),
        ("kortademigheid, spierzwakte", "kortademigheid"),
        ("kortademigheid, spierzwakte", "spierzwakte"),
        ("hoofdpijn en opvliegers", "hoofdpijn"),
        ("hoofdpijn en opvliegers", "opvliegers"),
        (
            "huidreacties rond de plaats van injectie: jeuk, gevoeligheid, roodheid, "
            "zwelling en pijn",
            "jeuk, gevoeligheid, roodheid, zwelling of pijn rond de plek waar u spuit",
        ),
        ("tekort aan witte bloedcellen", "te weinig witte bloedcellen"),
        ("maagdarmklachten, buikpijn, diarree", "klachten van maag en darmen, buikpijn of diarree"),
        ("andere lichamelijke veranderingen", "andere veranderingen in uw lichaam"),
    ],
    "infliximab": [
        ("erge keelpijn in combinatie met koorts", "erge keelpijn samen met koorts"),
        ("koorts;", "koorts"),
        ("koude rillingen", "koude rillingen"),
        ("zoals ziek zijn", "u voelt zich ziek"),
        ("hoge koorts", "koorts of hoge koorts"),
        ("(toename van) hoesten met opgeven van slijm", "u hoest (meer) en geeft daarbij slijm op"),
        ("ernstige kortademigheid", "ernstige kortademigheid"),
        ("pijn bij plassen", "pijn bij het plassen"),
        ("aanhoudende diarree", "diarree die niet overgaat"),
        (
            "wanneer u een lichaamsdeel niet kunt bewegen",
            "u kunt een deel van uw lichaam niet bewegen",
        ),
    ],
    "jak-remmers": [
        ("raadpleeg altijd je arts als je koorts krijgt", "u krijgt koorts"),
        ("of denkt dat je een infectie hebt", "u denkt dat u een infectie heeft"),
    ],
    "immunoglobulinen": [
        ("een licht gevoel in het hoofd krijgen", "een licht gevoel in het hoofd"),
        ("duizelig worden", "duizelig worden"),
        ("flauwvallen bij het rechtstaan", "flauwvallen als u gaat staan"),
        ("koude handen en voeten", "koude handen en voeten"),
        ("een versnelde hartslag", "een snelle hartslag"),
        ("pijn op de borst", "pijn op de borst"),
        ("wazig zien", "wazig zien"),
        ("gepaard met rillingen, galbulten, jeuk of koorts", "rillingen"),
        ("gepaard met rillingen, galbulten, jeuk of koorts", "galbulten"),
        ("gepaard met rillingen, galbulten, jeuk of koorts", "jeuk"),
        ("gepaard met rillingen, galbulten, jeuk of koorts", "koorts"),
        (
            "er mag geen pijnlijke bult/bobbel/ei ontstaan",
            'een pijnlijke bult, bobbel of "ei" op de prikplek',
        ),
    ],
}

# Situations the leaflet names without any sign: (words in the source, words in the title).
SITUATIONS_WITHOUT_SIGNS = {
    "jak-remmers": [("verhoogd risico op diepveneuze trombose en longembolie", "trombose")],
}

# "direct" only where the leaflet says meteen / onmiddellijk / direct / zo snel mogelijk:
# (the source's words, the title of the group that is direct).
DIRECT = {
    "immunoglobulinen": [
        (
            "onmiddellijk op de hoogte te brengen",
            "Tekenen van een plotselinge daling van de bloeddruk of een shock "
            "(allergische reactie)",
        )
    ],
}

# The common questions each leaflet answers; for the others, words the source would use if
# it answered them, none of which it contains.
ANSWERED = {slug: {"bijwerkingen-hoe-vaak"} for slug in SEED_FILES}
SILENT_QUESTIONS = {
    "dosis-vergeten": ["vergeten", "vergeet", "overgeslagen"],
    "alcohol": ["alcohol", "bier", "wijn"],
    "autorijden": ["autorijden", "auto rijden", "rijvaardigheid", "verkeer"],
    "zon": ["zonlicht", "zonnebrand", "in de zon", "zonnebank"],
}

# A Dutch phone number as leaflets write it (020-5662500, 088 75 574 28); not a bank account
# number or a code inside a web address.
PHONE = re.compile(r"(?<![\w-])0[1-9]\d{1,2}[- ]?\d(?:[- ]?\d){5,6}(?![\w-])")
URGENT_PURPOSES = {"spoed", "buiten-kantoortijd"}


def normalised(text):
    """Lower case, hyphenation breaks joined ("onder-\\nverdelen"), Markdown emphasis and link
    targets dropped, all whitespace one space."""
    text = text.replace("\u00ad", "").replace("¬", "")
    text = re.sub(r"-[ \t]*\n\s*", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = text.replace("**", "").replace("’", "'")
    return " ".join(text.lower().split())


def digits(phone):
    return re.sub(r"\D", "", phone)


@pytest.fixture(scope="module")
def seeds():
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the source leaflets are not here: {SEEDS_DIR}")
    return {
        slug: (SEEDS_DIR / name).read_text(encoding="utf-8") for slug, name in SEED_FILES.items()
    }


@pytest.fixture(scope="module")
def leaflets():
    parsed = {}
    for slug in SEED_FILES:
        errors = []
        leaflet = parse_leaflet(settings.CONTENT_DIR / "leaflets" / f"{slug}.md", errors)
        assert not errors, errors
        parsed[slug] = leaflet
    return parsed


def front(leaflets, slug):
    return leaflets[slug].front


def section_text(leaflets, slug, kind):
    sections = [section for section in leaflets[slug].sections if section.kind == kind]
    assert sections, f"{slug} has no #{kind} section"
    return normalised(sections[0].body)


def alarm(leaflets, slug):
    return front(leaflets, slug).get("alarm") or []


def all_signs(leaflets, slug):
    return [normalised(sign) for group in alarm(leaflets, slug) for sign in group["signs"]]


def group_titled(leaflets, slug, words):
    groups = [group for group in alarm(leaflets, slug) if words.lower() in group["title"].lower()]
    assert len(groups) == 1, f"{slug}: one alarm group with '{words}' in its title"
    return groups[0]


# --- Every alarm sign of the source, in the data and on the page ----------------------------


@pytest.mark.parametrize(
    ("slug", "seed_words", "our_words"),
    [(slug, seed, ours) for slug, pairs in ALARM_SIGNS.items() for seed, ours in pairs],
)
def test_alarm_sign_of_the_source_is_in_the_alarm_data(
    seeds, leaflets, slug, seed_words, our_words
):
    assert normalised(seed_words) in normalised(seeds[slug]), "the source does not say this"
    assert any(normalised(our_words) in sign for sign in all_signs(leaflets, slug)), our_words


@pytest.mark.parametrize("slug", SEED_FILES)
def test_every_sign_in_the_alarm_data_is_in_the_alarm_section(leaflets, slug):
    assert alarm(leaflets, slug), f"{slug} has no alarm data"
    section = section_text(leaflets, slug, "wanneer-contact")
    for sign in all_signs(leaflets, slug):
        assert sign in section, f"{slug}: '{sign}' is in the safety box but not in #wanneer-contact"


@pytest.mark.parametrize("slug", SEED_FILES)
def test_every_alarm_sign_in_the_data_comes_from_the_hand_made_list(leaflets, slug):
    """No sign in the data that nobody traced to the source."""
    traced = {normalised(ours) for _, ours in ALARM_SIGNS.get(slug, [])}
    for sign in all_signs(leaflets, slug):
        assert any(words in sign for words in traced), (
            f"{slug}: '{sign}' is not traced to the source"
        )


@pytest.mark.parametrize(
    ("slug", "seed_words", "title_words"),
    [
        (slug, seed, title)
        for slug, pairs in SITUATIONS_WITHOUT_SIGNS.items()
        for seed, title in pairs
    ],
)
def test_situation_the_source_gives_no_signs_for_says_so(
    seeds, leaflets, slug, seed_words, title_words
):
    assert normalised(seed_words) in normalised(seeds[slug])
    assert group_titled(leaflets, slug, title_words)["signs"] == []


@pytest.mark.parametrize("slug", SEED_FILES)
def test_urgency_is_direct_only_where_the_source_says_so(seeds, leaflets, slug):
    expected = DIRECT.get(slug, [])
    for seed_words, _ in expected:
        assert normalised(seed_words) in normalised(seeds[slug])
    direct = [group["title"] for group in alarm(leaflets, slug) if group.get("urgency") == "direct"]
    assert direct == [title for _, title in expected]
    for group in alarm(leaflets, slug):
        assert group.get("urgency") in ("direct", "niet-genoemd"), group["title"]


@pytest.mark.parametrize("slug", SEED_FILES)
def test_examples_are_marked_only_where_the_source_gives_examples(leaflets, slug):
    for group in alarm(leaflets, slug):
        assert isinstance(group.get("signs_are_examples", False), bool)
        if not group["signs"]:
            assert not group.get("signs_are_examples"), group["title"]


# --- Phone numbers: every one, with a purpose and an owner, none urgent ---------------------


@pytest.mark.parametrize("slug", SEED_FILES)
def test_every_phone_number_of_the_source_has_a_purpose_and_owner(seeds, leaflets, slug):
    in_source = {digits(number) for number in PHONE.findall(seeds[slug])}
    contacts = front(leaflets, slug).get("contacts") or []
    assert {digits(contact["phone"]) for contact in contacts} == in_source
    for contact in contacts:
        assert contact["purpose"] in ("vragen", "afspraken", "spoed", "buiten-kantoortijd")
        assert contact["owner"].strip(), contact


@pytest.mark.parametrize("slug", SEED_FILES)
def test_no_source_number_is_an_urgent_number(leaflets, slug):
    """None of the five leaflets gives a number for urgent matters or out of hours."""
    for contact in front(leaflets, slug).get("contacts") or []:
        assert contact["purpose"] not in URGENT_PURPOSES, contact


@pytest.mark.parametrize("slug", SEED_FILES)
def test_no_emergency_number_in_the_content(leaflets, slug):
    """112 and the hospital's own numbers come from the site settings, never from content."""
    path = settings.CONTENT_DIR / "leaflets" / f"{slug}.md"
    assert not re.search(r"\b112\b", path.read_text(encoding="utf-8"))


# --- Common questions: answered only where the source answers -------------------------------


@pytest.mark.parametrize("slug", SEED_FILES)
def test_common_questions_are_answered_only_from_the_source(seeds, leaflets, slug):
    questions = front(leaflets, slug).get("questions") or {}
    assert set(questions) == ANSWERED[slug]
    source = normalised(seeds[slug])
    for code, words in SILENT_QUESTIONS.items():
        assert code not in questions
        found = [word for word in words if re.search(rf"\b{word}\b", source)]
        assert not found, f"{slug} may answer '{code}': {found}"
    for code, answer in questions.items():
        sentences = [part for part in re.split(r"[.?!](?:\s|$)", " ".join(answer.split())) if part]
        assert 1 <= len(sentences) <= 3, (slug, code)


# --- The review's HIGH and MEDIUM findings ---------------------------------------------------


def test_g1_ivig_shock_group_has_all_seven_signs(leaflets):
    group = group_titled(leaflets, "immunoglobulinen", "shock")
    assert group["applies_to"].startswith("IVIg")
    assert group["signs"] == [
        "een licht gevoel in het hoofd",
        "duizelig worden",
        "flauwvallen als u gaat staan",
        "koude handen en voeten",
        "een snelle hartslag",
        "pijn op de borst",
        "wazig zien",
    ]
    assert group["signs_are_examples"] is True  # the source: "je kunt bijvoorbeeld ..."
    assert group["urgency"] == "direct"


def test_g2_auto_immune_dose_and_frequency_in_key_point_and_member_notes(leaflets):
    data = front(leaflets, "immunoglobulinen")
    caveat = (
        "bij een auto-immuunziekte krijgt u een hogere dosis. "
        "daarom krijgt u het vaker, soms elke week"
    )
    assert any(caveat in normalised(point) for point in data["key_points"])
    notes = {
        member["substance"].split()[0]: normalised(member["note"]) for member in data["members"]
    }
    assert caveat in notes["IVIg"]
    assert caveat in notes["fSCIg"]


def test_g3_subcutaneous_forms_have_allergy_signs_reporting_and_the_lump(leaflets):
    allergy = group_titled(leaflets, "immunoglobulinen", "tekenen van een allergische reactie")
    assert "SCIg" in allergy["applies_to"] and "fSCIg" in allergy["applies_to"]
    assert allergy["signs"] == ["rillingen", "galbulten", "jeuk", "koorts"]
    assert "meld bijwerkingen altijd aan uw behandelaar" in normalised(allergy["action"])
    lump = group_titled(leaflets, "immunoglobulinen", "pijnlijke bult")
    assert "SCIg" in lump["applies_to"]
    text = normalised(str(front(leaflets, "immunoglobulinen")))
    assert "geeft de folder geen advies" not in text


def test_g4_ivig_reaction_warns_the_nurse_or_doctor_at_once(leaflets):
    action = normalised(group_titled(leaflets, "immunoglobulinen", "shock")["action"])
    assert action.startswith("waarschuw meteen")
    assert "verpleegkundige die het infuus geeft" in action
    assert "afdeling die u dit medicijn heeft voorgeschreven" not in action


def test_i1_amc_number_is_a_question_and_planning_line_never_in_an_alarm_action(leaflets):
    contacts = front(leaflets, "infliximab")["contacts"]
    assert {contact["purpose"] for contact in contacts} == {"vragen", "afspraken"}
    assert {contact["owner"] for contact in contacts} == {"AMC"}
    for group in alarm(leaflets, "infliximab"):
        assert "5662500" not in digits(group["action"])
        assert "bel " not in normalised(group["action"])


def test_i2_infliximab_names_its_scope(leaflets):
    data = front(leaflets, "infliximab")
    assert data["name"] == "Infliximab bij neurosarcoïdose"
    summary = normalised(data["summary"])
    assert summary.startswith("deze uitleg gaat over infliximab bij neurosarcoïdose")
    assert "vraag uw arts welk schema voor u geldt" in summary
    points = [normalised(point) for point in data["key_points"]]
    assert "neurosarcoïdose" in points[0] and "andere ziekte" in points[0]
    assert any(
        point.startswith("bij neurosarcoïdose in het amc krijgt u elke 6 weken") for point in points
    )


def test_n1_anakinra_has_the_allergic_reaction_with_all_its_signs(leaflets):
    group = group_titled(leaflets, "anakinra", "allergische reactie")
    assert group["signs"] == [
        "huiduitslag over het hele lichaam",
        "kortademigheid",
        "spierzwakte",
        "hoofdpijn",
        "opvliegers",
    ]


def test_n2_umc_utrecht_numbers_are_question_lines_with_their_owner(leaflets):
    contacts = {contact["phone"]: contact for contact in front(leaflets, "anakinra")["contacts"]}
    assert contacts["088 75 574 28"]["purpose"] == "vragen"
    assert contacts["088 75 574 28"]["owner"] == "UMC Utrecht"
    assert contacts["088 75 555 55"]["purpose"] == "vragen"
    for group in alarm(leaflets, "anakinra"):
        assert "(huis)arts of reumaverpleegkundige" in group["action"]


def test_j1_jak_reassures_about_skin_cancer_only(leaflets):
    text = section_text(leaflets, "jak-remmers", "bijwerkingen")
    assert "die zijn meestal goed te behandelen" not in text
    assert "huidkanker is meestal goed te behandelen" in text


def test_j2_jak_thrombosis_has_a_group_and_a_gap_line(leaflets):
    group = group_titled(leaflets, "jak-remmers", "trombose")
    assert group["signs"] == []
    action = normalised(group["action"])
    assert "hoger risico op trombose" in action
    assert "vraag uw arts vooraf bij welke klachten u meteen belt" in action
    section = section_text(leaflets, "jak-remmers", "wanneer-contact")
    assert "de folder noemt geen klachten van trombose of longembolie" in section


def test_a1_azathioprine_breastfeeding_is_weighed_with_the_doctor(leaflets):
    text = section_text(leaflets, "azathioprine", "zwangerschap")
    assert "of u het risico wilt nemen" not in text
    assert "bespreek dan met uw arts of u azathioprine kunt blijven gebruiken" in text
    assert "dan kan uw arts voorstellen om het bloed van uw baby te laten controleren" in text


def test_a5_azathioprine_names_the_three_contacts_of_the_source(leaflets):
    (group,) = alarm(leaflets, "azathioprine")
    assert "uw huisarts, verpleegkundig specialist of reumatoloog" in group["action"]


# --- The JAK leaflet adapted for the Netherlands ----------------------------------------------


def test_jak_page_drops_belgian_money_and_reports_to_lareb(leaflets):
    path = settings.CONTENT_DIR / "leaflets" / "jak-remmers.md"
    body = normalised(path.read_text(encoding="utf-8").split("\n---\n", 1)[1])
    for belgian in ["be10", "9,90", "15 euro", "terugbetaald", "koning boudewijnstichting"]:
        assert belgian not in body, belgian
    assert "bijwerkingencentrum lareb" in section_text(leaflets, "jak-remmers", "meer-weten")
    adapted = [normalised(line) for line in front(leaflets, "jak-remmers")["adaptations"]]
    assert any("belgische prijzen en vergoedingen weggelaten" in line for line in adapted)
    assert any("lareb" in line and "fagg" in line for line in adapted)
    assert any("geld te geven" in line for line in adapted)
    assert "opvolg" not in body and "fiche" not in body
