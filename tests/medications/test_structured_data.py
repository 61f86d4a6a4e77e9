"""The JSON-LD on a leaflet page, read back as a search engine reads it (extruct): one
MedicalWebPage about the medicine (with its substance and ATC code), for patients, with
each section as a part with its health aspect, and the same facts as the API."""

import extruct
import pytest
from lxml import html as lxml_html

from medications.models import Medication

pytestmark = pytest.mark.django_db


def structured(client, slug):
    page = client.get(f"/medicijnen/{slug}/").content.decode()
    [data] = extruct.extract(page, syntaxes=["json-ld"], uniform=True)["json-ld"]
    return page, data


def test_every_page_says_what_it_is_about(client):
    for medication in Medication.objects.published():
        page, data = structured(client, medication.slug)
        tree = lxml_html.fromstring(page)
        assert data["@type"] == "MedicalWebPage"
        assert data["inLanguage"] == tree.get("lang") == "nl"
        assert data["medicalAudience"] == {"@type": "Patient"}
        assert data["lastReviewed"] == medication.last_reviewed.isoformat()
        ids = set(tree.xpath("//@id"))
        assert [part["url"].split("#")[1] for part in data["hasPart"]] == [
            s.anchor for s in medication.ordered_sections
        ]
        for part in data["hasPart"]:
            assert part["@type"] == "HealthTopicContent"
            assert part["url"].split("#")[1] in ids
            assert part["hasHealthAspect"].startswith("https://schema.org/")
            assert part["hasHealthAspect"].endswith("HealthAspect")


def test_the_drug_has_its_substance_and_atc_code(client):
    _page, data = structured(client, "azathioprine")
    assert data["about"]["@type"] == "Drug"
    assert data["about"]["nonProprietaryName"] == "azathioprine"
    assert data["about"]["code"] == {
        "@type": "MedicalCode",
        "codeValue": "L04AX01",
        "codingSystem": "ATC",
    }
    _page, group = structured(client, "jak-remmers")
    assert [drug["nonProprietaryName"] for drug in group["about"]] == [
        "baricitinib", "filgotinib", "tofacitinib", "upadacitinib",
    ]  # fmt: skip
    assert [drug["code"]["codeValue"] for drug in group["about"]] == [
        "L04AF02", "L04AF04", "L04AF01", "L04AF03",
    ]  # fmt: skip


def test_the_page_and_the_api_say_the_same(client):
    for slug in ("infliximab", "immunoglobulinen"):
        _page, data = structured(client, slug)
        api = client.get(f"/api/v1/medicines/{slug}/").json()
        assert [part["hasHealthAspect"] for part in data["hasPart"]] == [
            section["health_aspect"] for section in api["sections"]
        ]
        assert [part["headline"] for part in data["hasPart"]] == [
            section["heading"] for section in api["sections"]
        ]
        drugs = data["about"] if isinstance(data["about"], list) else [data["about"]]
        assert sorted({drug["code"]["codeValue"] for drug in drugs}) == sorted(api["atc_codes"])
        assert data.get("version") == str(api["version"])


def test_atc_codes_are_not_shown_to_patients(client):
    for medication in Medication.objects.published().prefetch_related("members"):
        page = client.get(f"/medicijnen/{medication.slug}/").content.decode()
        visible = page.split('<script type="application/ld+json">')[0] + page.split("</script>")[-1]
        for code in [medication.atc, *(m.atc for m in medication.members.all())]:
            if code:
                assert code not in visible, (medication.slug, code)
