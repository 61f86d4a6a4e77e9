"""A translation has its own state: its own review and publication, out of date when the
Dutch text is published with changes after it was reviewed (a banner with the date on the
English page, the current Dutch safety box, alarm and dosing text beside the old
translation), never shown as a draft."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from medications import languages, publishing, translation_status
from medications.content import load_content
from medications.models import Medication, ReviewStatus, Translation
from medications.publishing.translations import SelfPublishRefused
from tests.medications.content.test_translations import with_english

pytestmark = pytest.mark.django_db

DUTCH_DOSING = "Neem 2 tabletten van 50 mg per dag."
NEW_DUTCH_DOSING = "Neem 3 tabletten van 50 mg per dag, bij het eten."
ENGLISH_PAGE = "/en/medicines/testmiddel/"


@pytest.fixture
def leaflet(content_dir):
    load_content(with_english(content_dir))
    return Medication.working_copies.get(slug="testmiddel")


def person(django_user_model, name):
    user = django_user_model.objects.create_user(username=name, password="x" * 16, is_staff=True)
    user.groups.add(Group.objects.get(name="Eindredacteur"))
    return user


def live(slug="testmiddel"):
    return Medication.objects.with_page_content().get(slug=slug)


def edit_section(working, kind, language, text):
    with publishing.changes() as batch:
        section = working.sections.get(kind=kind)
        setattr(section, f"body_markdown_{language}", text)
        section.save()
        batch.working_copy_changed(working.pk, sections=[section])
        if language == "nl":
            publishing.mark_edited(working)
            working.save()
        else:
            publishing.translation_edited(working, language)


def test_a_loaded_translation_is_published_and_up_to_date(leaflet, client):
    translation = Translation.objects.get(medication=leaflet, language="en")

    assert translation.status == ReviewStatus.PUBLISHED
    assert translation.version_number == 1
    assert translation.source_version == leaflet.version_number
    assert languages.available_languages(live()) == ["nl", "en"]
    assert not translation_status.outdated_parts(live(), "en")
    page = client.get(ENGLISH_PAGE).content.decode()
    assert "Take 2 tablets of 50 mg a day." in page
    assert "This translation has not been updated" not in page


def test_a_dutch_publication_with_changes_makes_the_translation_out_of_date(leaflet, client):
    edit_section(leaflet, "dosering", "nl", NEW_DUTCH_DOSING)
    publishing.publish(leaflet, None, "Nieuwe dosering.")

    outdated = translation_status.outdated_parts(live(), "en")
    assert outdated.parts == ["onderdeel:dosering"]
    assert outdated.section_kinds == {"dosering"}
    page = client.get(ENGLISH_PAGE).content.decode()
    assert "This translation has not been updated" in page
    updated_on = timezone.localtime(live().approved_at)  # the page shows the local date
    assert f"The Dutch leaflet was updated on {updated_on.day} " in page
    assert "Take 2 tablets of 50 mg a day." in page  # the old translation stays
    assert NEW_DUTCH_DOSING in page  # beside the current Dutch text
    assert 'class="source-text" lang="nl"' in page
    dutch = client.get("/medicijnen/testmiddel/").content.decode()
    assert "This translation" not in dutch and NEW_DUTCH_DOSING in dutch


def test_a_dutch_safety_change_shows_the_dutch_safety_box(leaflet, client):
    with publishing.changes() as batch:
        signs = ["koorts boven 38 graden", "keelpijn", "hoesten"]
        leaflet.alarm_nl = [{**leaflet.alarm_nl[0], "signs": signs}]
        publishing.mark_edited(leaflet)
        leaflet.save()
        batch.working_copy_changed(leaflet.pk)
    publishing.publish(leaflet, None, "Nieuw alarmsignaal.")

    assert translation_status.outdated_parts(live(), "en").safety_box
    page = client.get(ENGLISH_PAGE).content.decode()
    assert "When to contact someone, as the Dutch leaflet says now:" in page
    assert "<li>hoesten</li>" in page
    assert "a sore throat" in page  # the old English safety box stays as it was


def test_a_draft_translation_never_shows(leaflet, client):
    edit_section(leaflet, "zwangerschap", "en", "A new draft sentence.")

    assert Translation.objects.get(medication=leaflet, language="en").status == ReviewStatus.DRAFT
    publishing.publish(leaflet, None, None)  # the Dutch text published again
    assert "A new draft sentence." not in client.get(ENGLISH_PAGE).content.decode()
    assert "A new draft sentence." not in str(live().sections.get(kind="zwangerschap").body_html_en)


def test_a_leaflet_whose_translation_was_never_published_has_no_english_page(content_dir, client):
    load_content(content_dir())
    working = Medication.working_copies.get(slug="testmiddel")
    with publishing.changes() as batch:
        working.name_en = "Testmedicine"
        working.summary_en = "A draft."
        working.save()
        batch.working_copy_changed(working.pk)
        publishing.translation_edited(working, "en")
    publishing.publish(working, None, None)

    assert languages.available_languages(live()) == ["nl"]
    assert live().name_en is None
    assert client.get(ENGLISH_PAGE).status_code == 404


def test_the_translation_is_reviewed_by_another_person_and_the_banner_goes(
    leaflet, client, django_user_model
):
    translator, reviewer = person(django_user_model, "vertaler"), person(django_user_model, "anna")
    edit_section(leaflet, "dosering", "nl", NEW_DUTCH_DOSING)
    publishing.publish(leaflet, reviewer, "Nieuwe dosering.")
    edit_section(leaflet, "dosering", "en", "Take 3 tablets of 50 mg a day, with food.")
    Translation.objects.filter(medication=leaflet, language="en").update(edited_by=translator)
    publishing.submit_translation(leaflet, "en", translator)

    with pytest.raises(SelfPublishRefused):
        publishing.publish_translation(leaflet, "en", translator)
    publishing.publish_translation(leaflet, "en", reviewer)

    translation = Translation.objects.get(medication=leaflet, language="en")
    assert translation.version_number == 2
    assert translation.approved_by == "anna"
    assert translation.source_version == live().version_number
    assert not translation_status.outdated_parts(live(), "en")
    page = client.get(ENGLISH_PAGE).content.decode()
    assert "This translation has not been updated" not in page
    assert "Take 3 tablets of 50 mg a day, with food." in page
    assert f"(version {live().version_number}," in page


def test_the_english_printout_carries_the_banner_and_the_dutch_safety_box(leaflet, client):
    with publishing.changes() as batch:
        signs = ["koorts boven 38 graden", "keelpijn", "hoesten"]
        leaflet.alarm_nl = [{**leaflet.alarm_nl[0], "signs": signs}]
        publishing.mark_edited(leaflet)
        leaflet.save()
        batch.working_copy_changed(leaflet.pk)
    publishing.publish(leaflet, None, "Nieuw alarmsignaal.")

    paper = client.get("/en/medicines/testmiddel/print/").content.decode()

    assert "This translation has not been updated" in paper
    assert "<li>hoesten</li>" in paper


def test_a_section_added_to_the_dutch_text_shows_in_dutch_marked_as_dutch(leaflet, client):
    with publishing.changes() as batch:
        added = leaflet.sections.create(
            kind="bewaren", heading_nl="Hoe bewaart u het?", body_markdown_nl="In de koelkast."
        )
        batch.working_copy_changed(leaflet.pk, sections=[added])
        publishing.mark_edited(leaflet)
        leaflet.save()
    publishing.publish(leaflet, None, "Nieuw onderdeel over bewaren.")

    page = client.get(ENGLISH_PAGE).content.decode()

    assert "This translation has not been updated" in page
    assert 'aria-labelledby="bewaren-kop" lang="nl">' in page
    assert "In de koelkast." in page
    assert 'aria-labelledby="dosering-kop">' in page  # translated sections: the page's language
