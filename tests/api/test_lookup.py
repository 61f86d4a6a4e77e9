"""Finding a leaflet by ATC code, brand or generic name, also as an HL7 Infobutton query."""

import pytest

from medications.models import Medication

pytestmark = pytest.mark.django_db

ATC_OID = "2.16.840.1.113883.6.73"
EXPECTED = {
    "L04AX01": "azathioprine",
    "L04AC03": "anakinra",
    "L04AB02": "infliximab",
    "L04AF01": "jak-remmers",
    "L04AF02": "jak-remmers",
    "L04AF03": "jak-remmers",
    "L04AF04": "jak-remmers",
    "J06BA01": "immunoglobulinen",
    "J06BA02": "immunoglobulinen",
}


def found(client, **query):
    response = client.get("/api/v1/lookup", query)
    assert response.status_code == 200, response.content
    return [result["slug"] for result in response.json()["results"]]


def test_every_leaflet_is_found_by_its_atc_codes(client):
    for code, slug in EXPECTED.items():
        assert found(client, atc=code) == [slug], code
    for medication in Medication.objects.published().prefetch_related("members"):
        codes = [medication.atc, *(member.atc for member in medication.members.all())]
        assert [code for code in codes if code], medication.slug


def test_an_atc_group_finds_every_leaflet_in_it(client):
    assert found(client, atc="L04AF") == ["jak-remmers"]
    assert sorted(found(client, atc="L04AX01")) == ["azathioprine"]
    assert found(client, atc="l04ax01") == ["azathioprine"]


def test_every_leaflet_is_found_by_each_of_its_brand_names(client):
    for medication in Medication.objects.published().prefetch_related("members"):
        brands = list(medication.brand_name_list)
        for member in medication.members.all():
            brands += member.brand_name_list
        for brand in brands:
            assert found(client, brand=brand) == [medication.slug], brand
            assert found(client, brand=brand.upper()) == [medication.slug], brand


def test_generic_names_find_their_leaflet(client):
    assert found(client, name="azathioprine") == ["azathioprine"]
    assert found(client, name="Infliximab") == ["infliximab"]
    assert found(client, name="tofacitinib") == ["jak-remmers"]
    assert found(client, name="IVIg") == ["immunoglobulinen"]


def test_every_criterion_must_match(client):
    assert found(client, atc="L04AF01", brand="Xeljanz") == ["jak-remmers"]
    assert found(client, atc="L04AX01", brand="Xeljanz") == []


def test_the_infobutton_query_answers_the_same(client):
    response = client.get(
        "/api/v1/lookup",
        {
            "mainSearchCriteria.v.c": "L04AF03",
            "mainSearchCriteria.v.cs": ATC_OID,
            "informationRecipient.languageCode.c": "nl",
        },
    )
    data = response.json()
    assert [r["slug"] for r in data["results"]] == ["jak-remmers"]
    assert data["results"][0]["matched_by"] == ["atc"]
    assert data["results"][0]["links"]["page"].endswith("/medicijnen/jak-remmers/")
    other_system = client.get(
        "/api/v1/lookup",
        {"mainSearchCriteria.v.c": "1234", "mainSearchCriteria.v.cs": "2.16.840.1.113883.6.88"},
    )
    assert other_system.status_code == 400
    assert other_system["Content-Type"] == "application/problem+json"


def test_no_match_is_a_clear_empty_answer(client):
    data = client.get("/api/v1/lookup", {"atc": "A10BA02"}).json()
    assert data == {
        "language": "nl",
        "question": {"atc": "A10BA02"},
        "results": [],
        "in_other_languages": [],
    }
    assert client.get("/api/v1/lookup").status_code == 400


def test_a_match_without_the_language_asked_for_is_listed_apart(client, in_english):
    Medication.objects.filter(slug="azathioprine").update(summary_en="")
    data = client.get("/api/v1/lookup", {"atc": "L04AX01", "lang": "en"}).json()
    assert data["results"] == []
    assert [r["slug"] for r in data["in_other_languages"]] == ["azathioprine"]
    assert data["in_other_languages"][0]["language"] == "nl"
    english = client.get("/api/v1/lookup", {"atc": "L04AC03", "lang": "en"}).json()
    assert english["results"][0]["name"].startswith("[English]")
