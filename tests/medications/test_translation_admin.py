"""Translations in the admin: an English edit makes the translation (not the Dutch text) a
draft; its own steps with four eyes; "Vertalingen verouderd" lists a translation whose Dutch
text was published with changes, with the Dutch words to carry over."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from medications import publishing
from medications.content import load_content
from medications.models import Medication, ReviewStatus, Translation
from tests.helpers import admin_form_data
from tests.medications.content.test_translations import with_english

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaflet(content_dir):
    load_content(with_english(content_dir))
    return Medication.working_copies.get(slug="testmiddel")


def signed_in(django_user_model, username, role):
    user = django_user_model.objects.create_user(
        username=username, password="geheim-wachtwoord-123", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    browser = Client()
    browser.force_login(user)
    return browser, user


def change_url(medication, step="change/"):
    return f"/beheer/medications/medication/{medication.pk}/{step}"


def test_an_english_edit_in_the_admin_is_a_draft_translation(leaflet, django_user_model):
    editor, user = signed_in(django_user_model, "redacteur", "Redacteur")
    data = admin_form_data(editor.get(change_url(leaflet)))
    data["summary_en"] = "Testmedicine calms down your immune system."

    response = editor.post(change_url(leaflet), data)

    assert response.status_code == 302, response.content.decode()[:3000]
    form = editor.get(change_url(leaflet)).content.decode()
    assert "en</a>: concept" in form and "laatst bewerkt op" in form
    leaflet.refresh_from_db()
    assert leaflet.status == ReviewStatus.PUBLISHED  # the Dutch text is as published
    translation = Translation.objects.get(medication=leaflet, language="en")
    assert translation.status == ReviewStatus.DRAFT
    assert translation.edited_by == user
    live = Medication.objects.get(slug="testmiddel")
    assert live.summary_en == "Testmedicine calms down the immune system."


def test_a_dutch_edit_in_the_admin_is_a_dutch_draft(leaflet, django_user_model):
    editor, _ = signed_in(django_user_model, "redacteur", "Redacteur")
    data = admin_form_data(editor.get(change_url(leaflet)))
    data["summary_nl"] = "Testmiddel maakt uw afweersysteem rustiger."

    editor.post(change_url(leaflet), data)

    leaflet.refresh_from_db()
    assert leaflet.status == ReviewStatus.DRAFT
    assert Translation.objects.get(medication=leaflet, language="en").status == (
        ReviewStatus.PUBLISHED
    )


def test_translation_steps_with_four_eyes(leaflet, django_user_model):
    editor, user = signed_in(django_user_model, "redacteur", "Redacteur")
    chief, _ = signed_in(django_user_model, "anna", "Eindredacteur")
    data = admin_form_data(editor.get(change_url(leaflet)))
    data["summary_en"] = "Testmedicine calms down your immune system."
    editor.post(change_url(leaflet), data)
    steps = change_url(leaflet, "vertaling/en/")

    assert editor.post(steps, {"step": "aanbieden"}).status_code == 302
    assert editor.post(steps, {"step": "publiceren"}).status_code == 403
    assert Translation.objects.get(language="en", medication=leaflet).status == (
        ReviewStatus.IN_REVIEW
    )
    assert (
        "Vertalingen ter beoordeling"
        in chief.get("/beheer/medications/medication/vertalingen/").content.decode()
    )
    chief.post(steps, {"step": "publiceren"})

    translation = Translation.objects.get(medication=leaflet, language="en")
    assert translation.status == ReviewStatus.PUBLISHED
    assert translation.approved_by == "anna"
    assert Medication.objects.get(slug="testmiddel").summary_en == (
        "Testmedicine calms down your immune system."
    )


def test_the_list_of_outdated_translations_shows_the_dutch_changes(leaflet, django_user_model):
    editor, _ = signed_in(django_user_model, "redacteur", "Redacteur")
    listing = "/beheer/medications/medication/vertalingen/"
    assert "Alle gepubliceerde vertalingen volgen" in editor.get(listing).content.decode()
    with publishing.changes():
        section = leaflet.sections.get(kind="dosering")
        section.body_markdown_nl = "Neem 3 tabletten van 50 mg per dag."
        section.save()
        publishing.mark_edited(leaflet)
        leaflet.save()
    publishing.publish(leaflet, None, "Nieuwe dosering: 3 tabletten.")

    page = editor.get(listing).content.decode()

    assert "Testmiddel</a> (en)" in page
    assert "Nieuwe dosering: 3 tabletten." in page
    assert "Onderdeel &#x27;Hoe gebruikt u het?&#x27;" in page or "Hoe gebruikt u het?" in page
    assert "<del>2</del><ins>3</ins>" in page


def test_a_draft_translation_is_previewed_in_its_language_for_editors_only(
    leaflet, django_user_model, client
):
    editor, _ = signed_in(django_user_model, "redacteur", "Redacteur")
    data = admin_form_data(editor.get(change_url(leaflet)))
    data["summary_en"] = "Testmedicine calms your immune system (markerword)."
    editor.post(change_url(leaflet), data)
    steps = editor.get(change_url(leaflet, "vertaling/en/")).content.decode()
    preview_url = change_url(leaflet, "vertaling/en/voorbeeld/")
    assert f'href="{preview_url}"' in steps

    preview = editor.get(preview_url)
    page = preview.content.decode()
    assert preview.status_code == 200 and "markerword" in page
    assert '<html lang="en"' in page and "no-store" in preview["Cache-Control"]
    # Its own print view and PDF are linked, in the same language.
    assert change_url(leaflet, "vertaling/en/voorbeeld/print/") in page
    printed = editor.get(change_url(leaflet, "vertaling/en/voorbeeld/print/"))
    assert printed.status_code == 200 and "markerword" in printed.content.decode()

    assert "markerword" not in client.get("/en/medicines/testmiddel/").content.decode()
    assert client.get(preview_url).status_code == 302  # not signed in: the login page
    assert editor.get(change_url(leaflet, "vertaling/xx/voorbeeld/")).status_code == 404
    # The Dutch preview stays Dutch.
    assert '<html lang="nl"' in editor.get(change_url(leaflet, "voorbeeld/")).content.decode()
