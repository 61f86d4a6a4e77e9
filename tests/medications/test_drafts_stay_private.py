"""A draft is the editors' business: saving one costs patients nothing (no public page, ETag
or search row changes, few queries) and no public address ever shows it; publishing shows
it on the next request."""

import re

import pytest
from django.contrib.auth.models import Group, User

from medications.models import GlossaryTerm, Medication
from medications.roles import CHIEF_EDITOR
from serving.models import ContentVersion
from tests.helpers import admin_form_data

pytestmark = pytest.mark.django_db

MARKER = "Zwaluwstaartvlinder"


@pytest.fixture
def chief(client):
    user = User.objects.create_user("eind", password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    return user


def save_draft_with_marker(client, slug="azathioprine"):
    working = Medication.working_copies.get(slug=slug)
    url = f"/beheer/medications/medication/{working.pk}/change/"
    data = admin_form_data(client.get(url))
    for name in [n for n in data if n.endswith("body_markdown_nl")][:1]:
        data[name] += f"\n\n{MARKER} in een concept."
    data["summary_nl"] = f"{data['summary_nl']} {MARKER}."
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return working


def public_addresses(client):
    """Every public address: pages, print views, PDFs, search, glossary, sitemap, robots."""
    addresses = ["/", "/woordenlijst/", "/sitemap.xml", "/robots.txt"]
    for medication in Medication.objects.published():
        url = medication.get_absolute_url()
        addresses += [url, f"{url}print/", f"/medicijnen/{medication.slug}.pdf"]
    # Asked in small letters: the results page repeats the question, never the draft's word.
    addresses += [f"/zoeken/?q={MARKER.lower()}", f"/zoeken/suggesties/?q={MARKER[:6].lower()}"]
    return addresses


def test_a_draft_save_changes_nothing_public_in_few_queries(
    client, chief, django_assert_max_num_queries
):
    client.force_login(chief)
    page = "/medicijnen/azathioprine/"
    etag = client.get(page)["ETag"]
    version = ContentVersion.current()
    working = Medication.working_copies.get(slug="azathioprine")
    url = f"/beheer/medications/medication/{working.pk}/change/"
    data = admin_form_data(client.get(url))
    data["summary_nl"] += f" {MARKER}."
    # Everything counted: the session, the user and the second factor (django-otp), the
    # admin's reads and writes, the history, and the savepoint statements of the test's own
    # transaction (2; in production the write path's block is the transaction itself).
    with django_assert_max_num_queries(20):
        assert client.post(url, data).status_code == 302
    assert ContentVersion.current() == version
    assert client.get(page)["ETag"] == etag


def test_a_draft_never_shows_on_any_public_address(client, chief, settings, tmp_path):
    settings.LOCK_DIR = str(tmp_path)  # this server's own render slots
    client.force_login(chief)
    save_draft_with_marker(client)
    client.logout()
    for address in public_addresses(client):
        response = client.get(address)
        assert response.status_code in (200, 302), address
        body = response.content
        if address.endswith(".pdf"):
            from io import BytesIO

            from pypdf import PdfReader

            body = " ".join(p.extract_text() for p in PdfReader(BytesIO(body)).pages).encode()
        assert MARKER.encode() not in body, address


def test_related_managers_return_live_copies_only(client, chief):
    client.force_login(chief)
    save_draft_with_marker(client)
    for term in GlossaryTerm.objects.prefetch_related("medications"):
        assert all(m.is_live for m in term.medications.all()), term.slug
    assert all(m.is_live for m in Medication._default_manager.all())


def test_the_published_draft_shows_on_the_next_request(client, chief):
    client.force_login(chief)
    working = save_draft_with_marker(client)
    client.get("/medicijnen/azathioprine/")
    # Four eyes: another Eindredacteur publishes what this one saved.
    other = User.objects.create_user("eind2", password="x" * 16, is_staff=True)
    other.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    client.force_login(other)
    publish = f"/beheer/medications/medication/{working.pk}/publiceren/"
    response = client.post(publish, {"summary": "Nieuwe zin in de samenvatting."})
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    page = client.get("/medicijnen/azathioprine/").content.decode()
    assert MARKER in page
    assert re.search(r"Nieuwe zin in de samenvatting\.", page)
