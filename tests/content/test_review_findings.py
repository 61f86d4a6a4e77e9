"""The content review of 2026-12 (../shared/reviews/content-review-2026-12.md): each HIGH and
MEDIUM finding checked on the rendered page, as a patient reads it."""

import re
from html import unescape

import pytest

pytestmark = pytest.mark.django_db


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def page(client, slug):
    response = client.get(f"/medicijnen/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


def safety_box(client, slug):
    return text_of(re.search(r'<section class="urgent".*?</section>', page(client, slug), re.S)[0])


def part(client, slug, anchor):
    found = re.search(rf'<section id="{anchor}".*?</section>', page(client, slug), re.S)
    return text_of(found[0])


def key_points(client, slug):
    found = re.search(r'<section class="key-points".*?</section>', page(client, slug), re.S)
    return text_of(found[0])


def test_g1_high_every_ivig_shock_sign_is_in_the_safety_box(client):
    box = safety_box(client, "immunoglobulinen")
    for sign in (
        "een licht gevoel in het hoofd",
        "duizelig",
        "flauwvallen",
        "koude handen en voeten",
        "snelle hartslag",
        "pijn op de borst",
        "wazig zien",
    ):
        assert sign in box, sign


def test_i1_high_the_amc_question_line_is_not_the_number_for_alarm_signs(client):
    box = safety_box(client, "infliximab")
    assert "020-5662500" not in box
    assert "uitval" in box or "niet bewegen" in box
    questions = part(client, "infliximab", "vragen")
    assert "020-5662500" in questions and "nummer uit de folder van AMC" in questions


def test_g2_medium_ivig_schedule_keeps_the_higher_dose_for_auto_immune_disease(client):
    points = key_points(client, "immunoglobulinen")
    assert "hogere dosis" in points and "elke week" in points


def test_g3_medium_sc_ig_users_find_allergy_signs_and_the_painful_lump(client):
    box = safety_box(client, "immunoglobulinen")
    for sign in ("rillingen", "galbulten", "jeuk", "koorts", "pijnlijke bult"):
        assert sign in box, sign
    assert "Meld bijwerkingen altijd aan uw behandelaar" in box
    assert "geeft de folder geen advies" not in box


def test_g4_medium_ivig_shock_tells_to_warn_the_nurse_or_doctor_at_once(client):
    box = safety_box(client, "immunoglobulinen")
    assert "Meteen: Waarschuw meteen" in box and "verpleegkundige" in box
    assert "Bel de arts of de afdeling die u dit medicijn heeft voorgeschreven" not in box


def test_i2_medium_infliximab_says_its_scope(client):
    html = page(client, "infliximab")
    assert "<h1>Infliximab bij neurosarcoïdose</h1>" in html
    assert "Krijgt u infliximab voor een andere ziekte?" in key_points(client, "infliximab")


def test_n1_medium_anakinra_box_has_the_allergic_reaction(client):
    box = safety_box(client, "anakinra")
    assert "allergische reactie" in box
    for sign in ("huiduitslag over het hele lichaam", "spierzwakte", "opvliegers"):
        assert sign in box, sign


def test_n2_medium_the_umc_utrecht_line_is_a_question_line_with_its_owner(client):
    assert "088 75 574 28" not in safety_box(client, "anakinra")
    questions = part(client, "anakinra", "vragen")
    assert "088 75 574 28" in questions and "nummer uit de folder van UMC Utrecht" in questions


def test_j1_medium_only_skin_cancer_is_said_to_be_well_treatable(client):
    text = text_of(page(client, "jak-remmers"))
    assert "Die zijn meestal goed te behandelen" not in text
    assert "Huidkanker is meestal goed te behandelen" in text


def test_j2_medium_thrombosis_has_its_own_line_in_the_box(client):
    box = safety_box(client, "jak-remmers")
    assert "Trombose of longembolie" in box
    assert "De folder noemt hierbij geen klachten." in box


def test_a1_medium_breastfeeding_is_discussed_with_the_doctor(client):
    text = part(client, "azathioprine", "zwangerschap")
    assert "of u het risico wilt nemen" not in text
    assert "Bespreek" in text and "arts" in text


def test_x1_medium_no_direct_heading_where_the_leaflet_gives_no_urgency(client):
    for slug in ("azathioprine", "anakinra", "jak-remmers", "infliximab"):
        html = page(client, slug)
        assert "Wanneer moet u direct contact opnemen?" not in html, slug
        assert "Wanneer neemt u contact op?" in html, slug
    assert "Wanneer moet u direct contact opnemen?" in page(client, "immunoglobulinen")


def test_x2_medium_no_leaflet_number_in_any_box_unless_it_is_for_urgent_matters(client):
    for slug in ("azathioprine", "anakinra", "infliximab", "jak-remmers", "immunoglobulinen"):
        box = safety_box(client, slug)
        assert "nummer uit de folder" not in box, slug
