"""A draft is never in the API: an editor saves a draft with a marker word, and no answer of
any endpoint (in any language, with any parameter) contains it."""

import json

import pytest
from django.contrib.auth.models import Group, User

from medications.models import Medication
from medications.roles import CHIEF_EDITOR
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

MARKER = "Zwaluwstaartvlinder"


def save_draft_with_marker(client, slug):
    working = Medication.working_copies.get(slug=slug)
    url = f"/beheer/medications/medication/{working.pk}/change/"
    data = admin_form_data(client.get(url))
    for name in [n for n in data if n.endswith("body_markdown_nl")]:
        data[name] += f"\n\n{MARKER} in een concept."
    data["summary_nl"] = f"{data['summary_nl']} {MARKER}."
    data["brand_names"] = f"{data['brand_names']}, {MARKER}"
    data["atc"] = "A01AA01"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]


def api_addresses():
    slugs = list(Medication.objects.published().values_list("slug", flat=True))
    addresses = [
        "/api/v1/medicines/",
        "/api/v1/glossary/",
        "/api/v1/changes/",
        "/api/v1/docs/",
        "/api/v1/openapi.json",
        "/api/v1/fhir/CodeSystem/leaflet-section",
        f"/api/v1/search/?q={MARKER.lower()}",
        f"/api/v1/lookup?brand={MARKER}",
        f"/api/v1/lookup?name={MARKER}",
        "/api/v1/lookup?atc=A01AA01",
    ]
    for slug in slugs:
        addresses += [
            f"/api/v1/medicines/{slug}/",
            f"/api/v1/medicines/{slug}/epi",
            f"/api/v1/medicines/{slug}/epi/type2",
            f"/api/v1/lookup?name={slug}",
            f"/api/v1/oembed?url=/medicijnen/{slug}/",
            f"/embed/{slug}/",
            f"/embed/{slug}/veiligheid/",
        ]
    return addresses


def answer_without_question(response):
    """The answer, less the question it repeats (a lookup says what it was asked)."""
    if not response["Content-Type"].startswith("application/json"):
        return response.content
    data = response.json()
    if isinstance(data, dict):
        data.pop("question", None)
        data.pop("query", None)
    return json.dumps(data, ensure_ascii=False).encode()


def test_a_draft_never_shows_in_any_api_answer(client):
    chief = User.objects.create_user("eind", password="x" * 16, is_staff=True)
    chief.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    client.force_login(chief)
    for slug in ("azathioprine", "jak-remmers"):
        save_draft_with_marker(client, slug)
    client.logout()
    assert Medication.working_copies.filter(summary_nl__contains=MARKER).count() == 2
    for address in api_addresses():
        for language in ("nl", "en"):
            response = client.get(address, headers={"accept-language": language})
            assert response.status_code in (200, 404), address
            assert MARKER.encode() not in answer_without_question(response), address
            assert b"A01AA01" not in answer_without_question(response), address
    answer = client.get("/api/v1/lookup?atc=A01AA01").json()
    assert answer["results"] == [] and answer["in_other_languages"] == []
