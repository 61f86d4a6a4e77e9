"""No lost update: two editors with the same form open; the second save is refused, nothing is
lost, both texts are shown side by side, and a merged save goes through. Presence tells each
who else has the form open. Text comes in clean, so a one-word change is one word."""

import pytest
from django.test import Client

from medications.models import GlossaryTerm, Medication
from tests.helpers import admin_form_data
from tests.medications.test_workflow import OLD_TEXT, change_url, user_with_role

pytestmark = pytest.mark.django_db

THEIRS = "Neem 1 tablet van 50 mg per dag, bij het ontbijt."
YOURS = "Neem 2 tabletten van 50 mg per dag, met water."


@pytest.fixture
def leaflet(content_dir):
    from medications.content import load_content

    load_content(content_dir())
    return Medication.working_copies.get(slug="testmiddel")


def browser_for(django_user_model, username, role="Redacteur", first_name=""):
    user = user_with_role(django_user_model, role, username)
    user.first_name = first_name
    user.save()
    browser = Client()
    browser.force_login(user)
    return browser


def with_dosing(data, text):
    field = next(name for name, value in data.items() if value == OLD_TEXT)
    return {**data, field: text}


def test_the_second_save_is_refused_and_nothing_is_lost(leaflet, django_user_model):
    anna = browser_for(django_user_model, "anna", first_name="Anna")
    ben = browser_for(django_user_model, "ben", first_name="Ben")
    form_anna = admin_form_data(anna.get(change_url(leaflet)))
    form_ben = admin_form_data(ben.get(change_url(leaflet)))

    assert anna.post(change_url(leaflet), with_dosing(form_anna, THEIRS)).status_code == 302
    refused = ben.post(change_url(leaflet), with_dosing(form_ben, YOURS))

    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Niet opgeslagen: Anna heeft &#x27;Testmiddel&#x27;" in page
    assert "Samenvoegen: hun tekst en de uwe" in page
    merge = refused.context["merge_rows"]
    assert [(row.theirs, row.yours) for row in merge] == [(THEIRS, YOURS)]
    assert THEIRS in leaflet.sections.get(kind="dosering").body_markdown  # Anna's text stays
    # Ben's text is still in his form; the form now carries the version he has seen.
    again = admin_form_data(refused)
    assert YOURS in again.values()
    merged = THEIRS + " Met water."
    assert (
        ben.post(
            change_url(leaflet),
            with_dosing(form_ben, merged) | {"loaded_version": again["loaded_version"]},
        ).status_code
        == 302
    )
    assert leaflet.sections.get(kind="dosering").body_markdown == merged


def test_the_same_for_the_glossary(content_dir, django_user_model):
    from medications.content import load_content

    load_content(content_dir())
    term = GlossaryTerm.objects.get(slug="antistof")
    url = f"/beheer/medications/glossaryterm/{term.pk}/change/"
    one = browser_for(django_user_model, "chef1", "Eindredacteur")
    two = browser_for(django_user_model, "chef2", "Eindredacteur")
    form_one = admin_form_data(one.get(url))
    form_two = admin_form_data(two.get(url))
    field = next(name for name, value in form_one.items() if str(value).startswith("Een eiwit"))

    assert one.post(url, {**form_one, field: "Een eiwit (eerste)."}).status_code == 302
    refused = two.post(url, {**form_two, field: "Een eiwit (tweede)."})

    assert refused.status_code == 200
    assert [(r.theirs, r.yours) for r in refused.context["merge_rows"]] == [
        ("Een eiwit (eerste).", "Een eiwit (tweede).")
    ]
    term.refresh_from_db()
    assert term.explanation_markdown == "Een eiwit (eerste)."


def test_presence_names_the_other_editor(leaflet, django_user_model):
    anna = browser_for(django_user_model, "anna", first_name="Anna")
    ben = browser_for(django_user_model, "ben", first_name="Ben")
    anna.get(change_url(leaflet))

    page = ben.get(change_url(leaflet)).content.decode()
    assert "Anna bewerkt deze folder sinds" in page
    heartbeat = anna.get(change_url(leaflet, "aanwezig/")).json()
    assert heartbeat["notices"][0].startswith("Ben bewerkt deze folder sinds")


def test_browser_line_endings_do_not_count_as_changes(leaflet, django_user_model):
    anna = browser_for(django_user_model, "anna")
    data = admin_form_data(anna.get(change_url(leaflet)))
    as_sent = {
        name: value.replace("\n", "\r\n") + ("  " if "\n" in value else "")
        if isinstance(value, str)
        else value
        for name, value in data.items()
    }
    assert anna.post(change_url(leaflet), as_sent).status_code == 302
    for section in leaflet.sections.all():
        assert "\r" not in section.body_markdown and not section.body_markdown.endswith(" ")


def test_a_section_code_twice_is_refused_in_dutch(leaflet, django_user_model):
    anna = browser_for(django_user_model, "anna")
    data = admin_form_data(anna.get(change_url(leaflet)))
    kinds = sorted(name for name in data if name.startswith("sections-") and name.endswith("-kind"))
    data[kinds[1]] = data[kinds[0]]
    response = anna.post(change_url(leaflet), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "staat twee keer in deze folder" in page
    assert "dubbele gegevens" not in page
    assert 'class="errornote first-error"' in page


def test_a_glossary_word_of_another_term_is_refused(content_dir, django_user_model):
    from medications.content import load_content

    load_content(content_dir())
    chief = browser_for(django_user_model, "chef", "Eindredacteur")
    data = admin_form_data(chief.get("/beheer/medications/glossaryterm/add/"))
    data |= {"term_nl": "Immuunsysteem", "slug": "immuunsysteem", "explanation_markdown_nl": "x"}
    response = chief.post("/beheer/medications/glossaryterm/add/", data)
    assert response.status_code == 200
    assert "hoort al bij de term &#x27;Afweersysteem&#x27;" in response.content.decode()
