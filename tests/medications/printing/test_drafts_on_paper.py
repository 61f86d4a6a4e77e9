"""Previews stay drafts: every link and form of a preview leads to the draft, and a draft's
print view and PDF say "CONCEPT – niet voor patiënten" on every page. Document control
(owner, reference, version, approval, review date) is on the page and on every printed page."""

import os
import re
from html import unescape
from pathlib import Path

import pytest
from django.test import Client

from medications import publishing
from medications.models import Medication
from tests.medications.printing.test_print import SECTIONS, pdf_pages
from tests.medications.test_workflow import user_with_role

pytestmark = pytest.mark.django_db

MARK = "CONCEPT – niet voor patiënten"


@pytest.fixture(autouse=True)
def _own_render_slots(settings, tmp_path):
    settings.LOCK_DIR = str(tmp_path / "locks")  # PDFs made by other test runs never block


def squeezed(text):
    """PDF text without spaces: the rotated mark's glyphs come out with odd spacing."""
    return "".join(text.split())


@pytest.fixture
def testmiddel(content_dir):
    from medications.content import load_content
    from tests.conftest import leaflet_text

    extra = "owner_department: Reumatologie\nreference_number: REU-042\n"
    long_dosing = "\n\n".join(["Neem 2 tabletten van 50 mg per dag, bij het eten."] * 60)
    sections = SECTIONS.replace("Neem 2 tabletten van 50 mg per dag.", long_dosing)
    load_content(content_dir({"t.md": leaflet_text(extra_front=extra, sections=sections)}))
    return Medication.working_copies.get(slug="testmiddel")


@pytest.fixture
def editor(django_user_model):
    browser = Client()
    browser.force_login(user_with_role(django_user_model, "Redacteur"))
    return browser


def preview_url(medication, step=""):
    return f"/beheer/medications/medication/{medication.pk}/voorbeeld/{step}"


def test_every_link_of_a_preview_stays_on_the_draft(testmiddel, editor):
    page = editor.get(preview_url(testmiddel)).content.decode()
    assert f'href="{preview_url(testmiddel, "print/")}"' in page
    assert f'href="{preview_url(testmiddel, "pdf/")}"' in page
    assert 'href="/medicijnen/testmiddel/print/"' not in page
    assert 'href="/medicijnen/testmiddel.pdf"' not in page

    printed = editor.get(preview_url(testmiddel, "print/")).content.decode()
    assert f'action="{preview_url(testmiddel, "print/")}"' in printed
    assert f'formaction="{preview_url(testmiddel, "pdf/")}"' in printed
    assert f'href="{preview_url(testmiddel)}"' in printed
    assert "/medicijnen/testmiddel/print/" not in printed
    assert MARK in printed


def test_a_draft_pdf_says_concept_on_every_page(testmiddel, editor, client):
    draft = editor.get(preview_url(testmiddel, "pdf/"), {"onderdeel": ["dosering"]})
    assert draft.status_code == 200
    _, pages = pdf_pages(draft.content)
    assert len(pages) > 1
    assert all(squeezed(MARK) in squeezed(text) for text in pages), pages
    if os.environ.get("PORTAL_SCREENSHOT_DIR"):  # to look at: pdftocairo -png draft.pdf
        Path(os.environ["PORTAL_SCREENSHOT_DIR"], "draft.pdf").write_bytes(draft.content)

    _, published = pdf_pages(client.get("/medicijnen/testmiddel.pdf").content)
    assert not any("CONCEPT" in text for text in published)


def test_document_control_is_on_the_page_and_every_printed_page(testmiddel, client):
    page = client.get("/medicijnen/testmiddel/").content.decode()
    text = " ".join(unescape(re.sub(r"<[^>]+>", "", page)).split())
    assert "Eigenaar: Reumatologie · Kenmerk: REU-042 · Versie 1, goedgekeurd door Inh" in text
    assert "Gecontroleerd 15 jan 2026" in text

    _, pages = pdf_pages(client.get("/medicijnen/testmiddel.pdf").content)
    assert len(pages) > 1
    for text in pages:
        assert "Kenmerk: REU-042" in text and "Versie 1" in text and "15 jan 2026" in text


def test_each_publication_raises_the_version(testmiddel, django_user_model):
    chief = user_with_role(django_user_model, "Eindredacteur")
    publishing.publish(testmiddel, chief, "Opnieuw bekeken")
    live = Medication.objects.get(slug="testmiddel")
    assert live.version_number == 2
    assert live.approved_by == "eindredacteur" and live.approved_at is not None
