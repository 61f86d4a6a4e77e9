"""The editors' whole workflow in a real browser (Debian's Chromium through Playwright): a
Redacteur edits and submits, patients still see the published text, an Eindredacteur
previews and publishes with a summary, and a restore brings the old text back."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture skips, or fails in CI, and says why
    expect = None

from medications.content import load_content
from medications.roles import create_roles
from tests.helpers import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Lang-en-geheim-2026"
OLD = "Slik de tabletten heel door. Bijt er niet op."
NEW = "Slik de tabletten heel door met een glas water. Bijt er niet op."


@pytest.fixture
def site(live_server, django_user_model):
    load_content(settings.CONTENT_DIR)
    create_roles(Group, Permission)  # a live server's test empties the tables, groups too
    for username, role in (
        ("redacteur", "Redacteur"),
        ("eindredacteur", "Eindredacteur"),
        ("eindredacteur2", "Eindredacteur"),
    ):
        user = django_user_model.objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
    return live_server.url


@pytest.fixture
def new_page(browser):
    contexts = []

    def make():
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def log_in(page, site, username):
    page.goto(f"{site}/beheer/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Code").fill(current_code(get_user_model().objects.get(username=username)))
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("button", name="Afmelden")).to_be_visible()


def open_leaflet(page, site, name="Azathioprine"):
    page.goto(f"{site}/beheer/medications/medication/")
    page.get_by_role("link", name=name, exact=True).click()
    page.wait_for_url("**/change/")


def test_edit_submit_preview_publish_and_restore(site, new_page):
    patient = new_page()
    editor = new_page()
    log_in(editor, site, "redacteur")
    open_leaflet(editor, site)
    editor.evaluate(
        """([old, replacement]) => {
            const fields = [...document.querySelectorAll('textarea')];
            const field = fields.find(t => t.value.includes(old));
            field.value = field.value.replace(old, replacement);
        }""",
        [OLD, NEW],
    )
    editor.get_by_role("button", name="Opslaan", exact=True).click()
    expect(editor.locator(".messagelist")).to_contain_text("gewijzigd")
    open_leaflet(editor, site)
    editor.get_by_role("link", name="Ter beoordeling aanbieden").click()
    editor.get_by_role("button", name="Ter beoordeling aanbieden").click()
    expect(editor.locator(".messagelist")).to_contain_text("aangeboden ter beoordeling")
    expect(editor.get_by_role("link", name="Publiceren")).to_have_count(0)

    patient.goto(f"{site}/medicijnen/azathioprine/")
    expect(patient.locator("#dosering")).to_contain_text(OLD)
    expect(patient.locator("#dosering")).not_to_contain_text(NEW)

    chief = new_page()
    log_in(chief, site, "eindredacteur")
    open_leaflet(chief, site)
    chief.get_by_role("link", name="Voorbeeld").click()
    expect(chief.get_by_role("status")).to_contain_text("Voorbeeld van het concept")
    expect(chief.locator("#dosering")).to_contain_text(NEW)
    chief.go_back()
    chief.get_by_role("link", name="Publiceren").click()
    expect(chief.locator(".differences ins").first).to_be_visible()
    chief.get_by_label("Wat is er veranderd?").fill("Innemen met een glas water")
    chief.get_by_role("button", name="Publiceren").click()
    expect(chief.locator(".messagelist")).to_contain_text("gepubliceerd")

    patient.reload()
    expect(patient.locator("#dosering")).to_contain_text(NEW)
    changes = patient.get_by_role("region", name="Wat is er veranderd?")
    expect(changes.get_by_role("listitem").first).to_contain_text("Innemen met een glas water")

    chief.get_by_role("link", name="Versies en verschillen").click()
    rows = chief.locator("table.versions tbody tr")
    expect(rows.first).to_contain_text("redacteur")
    rows.last.get_by_role("link", name="Deze versie terugzetten").click()
    expect(chief.locator(".differences del").first).to_be_visible()
    chief.get_by_role("button", name="Deze versie terugzetten").click()
    chief.get_by_role("link", name="Versies en verschillen").click()
    expect(rows.first).to_contain_text("Teruggezet naar de versie van")
    chief.get_by_role("link", name="Azathioprine").click()
    chief.get_by_role("link", name="Publiceren").click()
    # The restore is this chief editor's own edit: four eyes, another one publishes it.
    expect(chief.locator(".errornote")).to_contain_text("vier-ogenprincipe")
    second = new_page()
    log_in(second, site, "eindredacteur2")
    open_leaflet(second, site)
    second.get_by_role("link", name="Publiceren").click()
    second.get_by_label("Wat is er veranderd?").fill("Vorige tekst over innemen terug")
    second.get_by_role("button", name="Publiceren").click()

    patient.reload()
    expect(patient.locator("#dosering")).to_contain_text(OLD)
    expect(changes.get_by_role("listitem").first).to_contain_text("Vorige tekst over innemen terug")
