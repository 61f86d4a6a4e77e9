"""Every leaflet's FHIR ePI Bundle, in every language, validates as FHIR R5 (fhir.resources)
and passes the checks fhir.resources does not make: the Composition first and only once,
unique fullUrls, identifiers with system and value, every section coded and titled, and
narrative that is well-formed XHTML in the XHTML namespace with only what FHIR narrative
allows."""

import json

import pytest
from fhir.resources.bundle import Bundle
from lxml import etree

from api import codes
from medications.models import Medication

pytestmark = pytest.mark.django_db

XHTML = "{http://www.w3.org/1999/xhtml}"
# FHIR narrative (txt-1): basic formatting only.
ALLOWED_ELEMENTS = {
    "a", "abbr", "b", "big", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "dfn", "div", "dl", "dt", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "li", "ol", "p", "pre", "q", "samp", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "ul", "var",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"href", "title", "scope", "lang", "colspan", "rowspan", "id", "class"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
QRD_CODES = {
    "200000029894", "200000029895", "200000029896", "200000029897", "200000029900",
    "200000029902", "200000029905", "200000029910", "200000029913", "200000029920",
}  # fmt: skip


def check_narrative(div, where):
    root = etree.fromstring(div.encode())
    assert root.tag == f"{XHTML}div", where
    assert "".join(root.itertext()).strip(), f"{where}: empty narrative"
    for element in root.iter():
        assert element.tag.startswith(XHTML), f"{where}: {element.tag} outside XHTML"
        assert element.tag.removeprefix(XHTML) in ALLOWED_ELEMENTS, f"{where}: {element.tag}"
        for name in element.attrib:
            assert name in ALLOWED_ATTRIBUTES | {XML_LANG}, f"{where}: attribute {name}"
            assert not name.startswith("on") and name != "style", where
        if element.tag == f"{XHTML}a":
            assert element.get("href", "").startswith(("http://", "https://", "tel:")), where


def check_section(section, where, portal_system):
    coding = section["code"]["coding"]
    assert len(coding) == 1 and coding[0]["code"] and coding[0]["display"], where
    if coding[0]["system"] == codes.QRD_SYSTEM:
        assert coding[0]["code"] in QRD_CODES, where
    else:
        assert coding[0]["system"] == portal_system, where
        assert coding[0]["code"] in {code.code for code in codes.PORTAL_CODES}, where
    assert section["title"].strip(), where
    check_narrative(section["text"]["div"], f"{where} {section['title']}")
    for child in section.get("section", []):
        check_section(child, where, portal_system)


def check_bundle(data, slug, language):
    Bundle.model_validate(data)  # FHIR R5 structure and types
    where = f"{slug} ({language})"
    assert data["type"] == "document" and data["timestamp"]
    assert data["identifier"]["system"] and data["identifier"]["value"] == f"{slug}-{language}"
    entries = data["entry"]
    types = [entry["resource"]["resourceType"] for entry in entries]
    assert types[0] == "Composition" and types.count("Composition") == 1, where
    urls = [entry["fullUrl"] for entry in entries]
    assert len(set(urls)) == len(urls) and all(urls), where
    composition = entries[0]["resource"]
    assert composition["language"] == language and composition["status"] == "final"
    assert composition["type"]["coding"] == [
        {"system": codes.DOCUMENT_TYPE_SYSTEM, "code": "100000155538", "display": "Package Leaflet"}
    ]
    assert composition["identifier"][0]["system"] and composition["identifier"][0]["value"]
    author = composition["author"][0]["reference"]
    assert any(e["fullUrl"] == author and e["resource"]["resourceType"] == "Organization"
               for e in entries), where  # fmt: skip
    for reference in composition["subject"]:
        if "reference" in reference:
            assert reference["reference"] in urls, where
    check_narrative(composition["text"]["div"], where)
    [root] = composition["section"]
    assert root["code"]["coding"][0]["code"] == "200000029894"
    portal_system = next(
        c["system"] for s in root["section"] for c in s["code"]["coding"]
        if c["system"] != codes.QRD_SYSTEM
    )  # fmt: skip
    assert portal_system.endswith(codes.PORTAL_CODE_SYSTEM_PATH)
    check_section(root, where, portal_system)
    return composition


def epi(client, slug, language, path="epi"):
    response = client.get(f"/api/v1/medicines/{slug}/{path}", {"lang": language})
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("application/fhir+json")
    return json.loads(response.content)


def test_every_bundle_in_every_language_is_valid(client, in_english):
    for medication in Medication.objects.published():
        for language in ("nl", "en"):
            composition = check_bundle(
                epi(client, medication.slug, language), medication.slug, language
            )
            assert composition["version"] == str(medication.version_number)
            sections = composition["section"][0]["section"]
            kinds = [s.kind for s in medication.ordered_sections]
            page = [
                s
                for s in sections
                if s["code"]["coding"][0]["code"] not in ("safety-box", "glossary")
            ]
            assert len(page) == len(kinds), medication.slug
            if language == "en":
                assert all(s["title"].startswith("[English]") for s in page)


def test_the_section_codes_follow_the_qrd_table(client):
    sections = epi(client, "azathioprine", "nl")["entry"][0]["resource"]["section"][0]["section"]
    by_title = {s["title"]: s["code"]["coding"][0] for s in sections}
    live = Medication.objects.published().get(slug="azathioprine")
    for section in live.ordered_sections:
        assert by_title[section.heading]["code"] == codes.SECTION_CODES[section.kind].code
    dosing = next(s for s in live.ordered_sections if s.kind == "dosering")
    assert by_title[dosing.heading]["code"] == "200000029905"
    side_effects = next(s for s in live.ordered_sections if s.kind == "bijwerkingen")
    assert by_title[side_effects.heading]["code"] == "200000029910"


def test_type_2_adds_the_products_with_their_atc_codes(client):
    for slug in ("jak-remmers", "azathioprine", "immunoglobulinen"):
        data = epi(client, slug, "nl", "epi/type2")
        check_bundle(data, slug, "nl")
        products = [e["resource"] for e in data["entry"]
                    if e["resource"]["resourceType"] == "MedicinalProductDefinition"]  # fmt: skip
        assert products, slug
        composition = data["entry"][0]["resource"]
        assert len(composition["subject"]) == len(products)
    jak = epi(client, "jak-remmers", "nl", "epi/type2")
    atc = sorted(
        e["resource"]["classification"][0]["coding"][0]["code"] for e in jak["entry"]
        if e["resource"]["resourceType"] == "MedicinalProductDefinition"
    )  # fmt: skip
    assert atc == ["L04AF01", "L04AF02", "L04AF03", "L04AF04"]


def test_the_safety_box_is_labelled_dutch_in_another_language(client, in_english):
    sections = epi(client, "jak-remmers", "en")["entry"][0]["resource"]["section"][0]["section"]
    safety = next(s for s in sections if s["code"]["coding"][0]["code"] == "safety-box")
    assert 'lang="nl"' in safety["text"]["div"] and "(Nederlands)" in safety["title"]


def test_no_bundle_in_a_language_the_leaflet_lacks(client, anakinra_without_english):
    response = client.get("/api/v1/medicines/anakinra/epi", {"lang": "en"})
    assert response.status_code == 404
    outcome = json.loads(response.content)
    assert outcome["resourceType"] == "OperationOutcome"
    assert client.get("/api/v1/medicines/anakinra/epi", {"_format": "xml"}).status_code == 406
    assert client.get("/api/v1/medicines/anakinra/epi", {"_format": "json"}).status_code == 200
