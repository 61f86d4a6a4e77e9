"""`manage.py link_glossary`: glossary words marked up again in every stored section."""

import io

import pytest
from django.core.management import call_command

from medications.content import load_content
from medications.models import Medication, Section
from serving.models import ContentVersion
from tests.conftest import CORE_SECTIONS, leaflet_text

pytestmark = pytest.mark.django_db


def test_link_glossary_marks_up_every_section_again(content_dir):
    words = CORE_SECTIONS.replace("U hoeft niet te stoppen.", "Uw afweersysteem maakt antistoffen.")
    load_content(content_dir({"testmiddel.md": leaflet_text(sections=words)}))
    sections = Section.all_copies.filter(medication__slug="testmiddel")
    linked = dict(sections.values_list("pk", "body_html"))
    terms_used = set(Medication.objects.get(slug="testmiddel").glossary_terms.values_list("slug"))
    assert any('data-term="afweersysteem"' in html for html in linked.values())
    sections.update(body_html="<p>oud</p>")  # as an older version of the site stored it
    version = ContentVersion.current_token()
    out = io.StringIO()

    call_command("link_glossary", stdout=out)

    assert dict(sections.values_list("pk", "body_html")) == linked
    live = Medication.objects.get(slug="testmiddel")
    assert set(live.glossary_terms.values_list("slug")) == terms_used
    assert ContentVersion.current_token() != version  # patients see the pages made again
    assert "Klaar" in out.getvalue()


def test_link_glossary_without_a_change_makes_no_new_version():
    version = ContentVersion.current_token()
    call_command("link_glossary", stdout=io.StringIO())
    assert ContentVersion.current_token() == version
