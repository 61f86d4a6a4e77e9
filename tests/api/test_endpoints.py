"""Every endpoint of the read-only API: shapes, links, pagination, languages, HTTP caching
(ETag, Last-Modified, 304 through the page cache), CORS and rate limits."""

import pytest
from django.test import Client

from medications import publishing
from medications.models import Medication

pytestmark = pytest.mark.django_db

SLUGS = ["anakinra", "azathioprine", "immunoglobulinen", "infliximab", "jak-remmers"]


def test_the_list_names_every_published_leaflet_with_links(client):
    response = client.get("/api/v1/medicines/")
    assert response.status_code == 200
    data = response.json()
    assert sorted(item["slug"] for item in data["results"]) == SLUGS
    assert data["count"] == 5 and data["page"] == 1 and data["pages"] == 1
    assert data["links"]["next"] is None and data["links"]["prev"] is None
    assert data["links"]["first"].endswith("/api/v1/medicines/?page=1")
    azathioprine = next(item for item in data["results"] if item["slug"] == "azathioprine")
    assert azathioprine["atc_codes"] == ["L04AX01"]
    assert azathioprine["links"]["page"].endswith("/medicijnen/azathioprine/")
    assert azathioprine["links"]["epi"].endswith("/api/v1/medicines/azathioprine/epi")


def test_the_list_pages_by_25(client, monkeypatch):
    from api import endpoints

    monkeypatch.setattr(endpoints, "PAGE_SIZE", 2)
    first = client.get("/api/v1/medicines/").json()
    assert first["pages"] == 3 and len(first["results"]) == 2
    assert first["links"]["next"].endswith("page=2") and first["links"]["last"].endswith("page=3")
    third = client.get(first["links"]["last"]).json()
    assert len(third["results"]) == 1 and third["links"]["prev"].endswith("page=2")
    seen = [item["slug"] for page in (1, 2, 3) for item in
            client.get(f"/api/v1/medicines/?page={page}").json()["results"]]  # fmt: skip
    assert sorted(seen) == SLUGS
    assert client.get("/api/v1/medicines/?page=4").status_code == 404
    invalid = client.get("/api/v1/medicines/?page=x")
    assert invalid.status_code == 400 and invalid.json()["errors"] == ["page"]


def test_the_detail_has_everything_the_page_says(client):
    data = client.get("/api/v1/medicines/jak-remmers/").json()
    live = Medication.objects.published().get(slug="jak-remmers")
    assert data["name"] == live.name and data["language"] == "nl"
    assert [m["atc"] for m in data["members"]] == ["L04AF02", "L04AF04", "L04AF01", "L04AF03"]
    assert data["atc_codes"] == ["L04AF02", "L04AF04", "L04AF01", "L04AF03"]
    assert data["brand_names"] == ["Olumiant", "Jyseleca", "Xeljanz", "Rinvoq"]
    assert data["document"]["version"] == live.version_number
    assert data["document"]["last_reviewed"] == live.last_reviewed.isoformat()
    assert data["document"]["next_review"] == live.next_review_due.isoformat()
    assert [s["code"] for s in data["sections"]] == [s.kind for s in live.ordered_sections]
    dosing = next(s for s in data["sections"] if s["code"] == "dosering")
    assert dosing["qrd_code"] == "200000029905" and dosing["portal_code"] is None
    assert dosing["health_aspect"] == "https://schema.org/UsageOrScheduleHealthAspect"
    assert dosing["url"].endswith("/medicijnen/jak-remmers/#dosering")
    for section in data["sections"]:
        assert section["text"] and section["html"]
        for presentation in ("<button", "popover", "tabindex", "data-term", "<script"):
            assert presentation not in section["html"]
    alarm = data["safety"]["alarm"]
    assert alarm == [
        {
            "title": group.title,
            "applies_to": group.applies_to or None,
            "signs": list(group.signs),
            "signs_are_examples": group.signs_are_examples,
            "action": group.action,
            "urgency": group.urgency,
        }
        for group in live.alarm_groups
    ]
    assert data["safety"]["language"] == "nl"


def test_contacts_keep_their_purpose_and_owner(client):
    for slug in SLUGS:
        live = Medication.objects.published().get(slug=slug)
        contacts = client.get(f"/api/v1/medicines/{slug}/").json()["safety"]["contacts"]
        assert [(c["purpose"], c["owner"], c["phone"]) for c in contacts] == [
            (c.purpose, c.owner, c.phone) for c in live.leaflet_contacts
        ]


def test_an_unknown_leaflet_is_a_problem_document(client):
    response = client.get("/api/v1/medicines/bestaat-niet/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_the_glossary_lists_terms_and_where_they_are_used(client):
    data = client.get("/api/v1/glossary/").json()
    assert data["language"] == "nl" and len(data["terms"]) > 50
    used = [term for term in data["terms"] if term["used_in"]]
    assert used and all(set(term["used_in"]) <= set(SLUGS) for term in used)
    assert all(term["text"] and "data-term" not in term["html"] for term in data["terms"])


def test_search_ranks_as_the_site_does(client):
    from search.query import search_medications

    site = search_medications("griepprik", language="nl")
    data = client.get("/api/v1/search/?q=griepprik").json()
    assert [(h["medicine"], h["section"]) for h in data["hits"]] == [
        (hit.medication.slug, hit.kind) for hit in site.hits
    ]
    assert data["hits"] and all(h["url"].endswith(f"#{h['section']}") for h in data["hits"])


def test_search_for_a_name_answers_the_exact_match(client):
    data = client.get("/api/v1/search/?q=Imuran").json()
    assert data["exact_match"] == "azathioprine"


def test_strange_queries_give_normal_answers(client):
    for query in ("", "%00", "a" * 600, "<script>", "ö" * 40):
        response = client.get("/api/v1/search/", {"q": query})
        assert response.status_code in (200, 400), query
    assert client.get("/api/v1/lookup?atc=<x>").status_code == 400
    assert client.get("/api/v1/changes/?since=gisteren").status_code == 400


def test_the_change_feed_lists_publications_since_a_moment(client):
    data = client.get("/api/v1/changes/").json()
    assert sorted({item["slug"] for item in data["changes"]}) == SLUGS
    assert all(item["kind"] == "gepubliceerd" for item in data["changes"])
    last = max(item["date"] for item in data["changes"])
    later = client.get("/api/v1/changes/", {"since": last}).json()
    assert later["changes"] == []
    assert client.get("/api/v1/changes/?since=2000-01-01").json()["changes"] == data["changes"]


def test_language_comes_from_lang_or_accept_language(client, in_english):
    english = client.get("/api/v1/medicines/anakinra/?lang=en").json()
    assert english["language"] == "en" and english["name"].startswith("[English]")
    assert all(s["heading"].startswith("[English]") for s in english["sections"])
    by_header = client.get(
        "/api/v1/medicines/anakinra/", headers={"accept-language": "en-GB,en;q=0.9,nl;q=0.5"}
    ).json()
    assert by_header == english
    dutch = client.get("/api/v1/medicines/anakinra/", headers={"accept-language": "de, fr"})
    assert dutch.json()["language"] == "nl"
    assert client.get("/api/v1/medicines/anakinra/?lang=xx").status_code == 400


def test_no_dutch_text_is_ever_labelled_english(
    client, anakinra_without_english, term_without_english
):
    response = client.get("/api/v1/medicines/anakinra/?lang=en")
    assert response.status_code == 404
    assert response.json()["available_languages"] == ["nl"]
    listed = [item["slug"] for item in client.get("/api/v1/medicines/?lang=en").json()["results"]]
    assert "anakinra" not in listed and "azathioprine" in listed
    terms = [term["slug"] for term in client.get("/api/v1/glossary/?lang=en").json()["terms"]]
    assert term_without_english.slug not in terms and terms


def test_a_leaflet_is_english_once_its_translation_is_published(client, anakinra_without_english):
    """The translation's own state decides (medications.languages), as for the pages."""
    assert client.get("/api/v1/medicines/anakinra/?lang=en").status_code == 404
    assert client.get("/en/medicines/anakinra/").status_code == 404
    publishing.publish_translation(anakinra_without_english, "en", None)
    response = client.get("/api/v1/medicines/anakinra/?lang=en")
    assert response.status_code == 200 and response.json()["language"] == "en"
    assert response.json()["available_languages"] == ["nl", "en"]
    assert client.get("/en/medicines/anakinra/").status_code == 200


def test_answers_carry_etag_and_last_modified_and_revalidate_to_304(client):
    for address in (
        "/api/v1/medicines/",
        "/api/v1/medicines/azathioprine/",
        "/api/v1/medicines/azathioprine/epi",
        "/api/v1/glossary/",
    ):
        first = client.get(address)
        assert first["ETag"] and first["Last-Modified"], address
        assert "Accept-Language" in first["Vary"]
        again = client.get(address, headers={"if-none-match": first["ETag"]})
        assert again.status_code == 304, address
        since = client.get(address, headers={"if-modified-since": first["Last-Modified"]})
        assert since.status_code == 304, address


def test_the_cache_keeps_languages_apart(client, in_english):
    dutch = client.get("/api/v1/medicines/anakinra/")
    english = client.get("/api/v1/medicines/anakinra/", headers={"accept-language": "en"})
    assert dutch["ETag"] != english["ETag"]
    assert client.get("/api/v1/medicines/anakinra/").json()["language"] == "nl"


def test_cors_allows_get_from_any_origin_but_not_the_rest_of_the_site(client):
    origin = {"origin": "https://mijn.ziekenhuis.example"}
    for _ in range(2):  # made, then from the page cache
        response = client.get("/api/v1/medicines/azathioprine/", headers=origin)
        assert response["Access-Control-Allow-Origin"] == "*"
        assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(
        "/api/v1/medicines/", headers={**origin, "access-control-request-method": "GET"}
    )
    assert preflight.status_code == 200
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    page = client.get("/medicijnen/azathioprine/", headers=origin)
    assert "Access-Control-Allow-Origin" not in page


def test_only_get_and_head(client):
    assert client.post("/api/v1/medicines/").status_code == 405
    head = client.head("/api/v1/medicines/azathioprine/")
    assert head.status_code == 200 and head.content == b""


def test_computed_answers_have_the_search_rate_limit(client, settings):
    settings.RATE_LIMIT_SEARCH = "3/h"  # per hour: no window ends during the test
    settings.RATE_LIMIT_PAUSE = 0
    for _ in range(3):
        assert client.get("/api/v1/lookup?atc=L04AX01").status_code == 200
    limited = client.get("/api/v1/lookup?atc=L04AX01")
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    assert limited["Retry-After"] == "60"
    assert Client(REMOTE_ADDR="10.0.0.2").get("/api/v1/lookup?atc=L04AX01").status_code == 200
    for _ in range(3):
        client.get("/api/v1/search/?q=koorts")
    assert client.get("/api/v1/search/?q=koorts").status_code == 429


def test_the_docs_are_served_from_the_site_itself(client):
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/ninja/swagger-ui-bundle" in html and "cdn" not in html.lower()
    assert "script-src 'self'" in docs["Content-Security-Policy"]
    assert client.get("/api/v1/openapi.json").json()["openapi"].startswith("3.")


def test_the_code_system_lists_the_portals_own_codes(client):
    data = client.get("/api/v1/fhir/CodeSystem/leaflet-section").json()
    codes = {concept["code"] for concept in data["concept"]}
    assert {"monitoring", "vaccination", "surgery", "alarm", "glossary"} <= codes
    assert data["url"].endswith("/api/v1/fhir/CodeSystem/leaflet-section")
