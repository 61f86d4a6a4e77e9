"""The OpenAPI document in the repository is the one the code makes (`make openapi`)."""

import json
from pathlib import Path

from api.endpoints import api

CHECKED_IN = Path(__file__).resolve().parents[2] / "api" / "openapi.json"


def test_the_checked_in_openapi_document_matches_the_code():
    generated = json.loads(json.dumps(api.get_openapi_schema(path_prefix="/api/v1/")))
    assert json.loads(CHECKED_IN.read_text(encoding="utf-8")) == generated, (
        "api/openapi.json is out of date: run `make openapi` and commit it."
    )


def test_the_document_describes_every_endpoint():
    paths = json.loads(CHECKED_IN.read_text(encoding="utf-8"))["paths"]
    for path in (
        "/api/v1/medicines/",
        "/api/v1/medicines/{slug}/",
        "/api/v1/medicines/{slug}/epi",
        "/api/v1/medicines/{slug}/epi/type2",
        "/api/v1/glossary/",
        "/api/v1/search/",
        "/api/v1/changes/",
        "/api/v1/lookup",
        "/api/v1/oembed",
    ):
        assert set(paths[path]) == {"get"}, path
    epi = paths["/api/v1/medicines/{slug}/epi"]["get"]
    assert "application/fhir+json" in epi["responses"]["200"]["content"]
