"""The out-of-date flow of a translation in a real browser (Debian's Chromium through
Playwright): the Dutch dosing text is changed and published in the admin -> the English page
shows a banner with the date of the Dutch update and the current Dutch dosing text beside
the old translation -> the English text is updated, offered, reviewed and published by
another Eindredacteur -> the banner is gone. axe-core checks the page with the banner."""

import pytest
from django.contrib.auth.models import Group, Permission

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture skips, or fails in CI, and says why
    expect = None

from medications.content import load_content
from medications.roles import create_roles
from tests.browser.test_editors import PASSWORD, log_in
from tests.browser.test_patient_pages import WCAG_22_AA, axe_script  # noqa: F401 (a fixture)
from tests.medications.content.test_translations import with_english

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ENGLISH_PAGE = "/en/medicines/testmiddel/"
OLD_DUTCH = "Neem 2 tabletten van 50 mg per dag."
NEW_DUTCH = "Neem 3 tabletten van 50 mg per dag, bij het eten."
OLD_ENGLISH = "Take 2 tablets of 50 mg a day."
NEW_ENGLISH = "Take 3 tablets of 50 mg a day, with food."
BANNER = "This translation has not been updated"


@pytest.fixture
def site(live_server, django_user_model, content_dir):
    load_content(with_english(content_dir))
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

    def make(bypass_csp=False):
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, bypass_csp=bypass_csp
        )
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def replace_text(page, old, new):
    """Change the text in whichever field of the admin form holds it (Dutch or English)."""
    page.evaluate(
        """([old, replacement]) => {
            const field = [...document.querySelectorAll('textarea')]
                .find(t => t.value.includes(old));
            field.value = field.value.replace(old, replacement);
        }""",
        [old, new],
    )
    page.get_by_role("button", name="Opslaan", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("gewijzigd")


def open_leaflet(page, site):
    page.goto(f"{site}/beheer/medications/medication/")
    page.get_by_role("link", name="Testmiddel", exact=True).click()
    page.wait_for_url("**/change/")


def test_dutch_change_banner_then_updated_translation(site, new_page, axe_script):  # noqa: F811
    # The CSP forbids inline scripts, and axe-core is injected as one: only here it may run.
    patient = new_page(bypass_csp=True)
    patient.goto(f"{site}{ENGLISH_PAGE}")
    expect(patient.locator("#dosering")).to_contain_text(OLD_ENGLISH)
    expect(patient.get_by_text(BANNER)).to_have_count(0)

    # The Dutch dosing changes and is published (four eyes: edited by one, published by another).
    editor = new_page()
    log_in(editor, site, "redacteur")
    open_leaflet(editor, site)
    replace_text(editor, OLD_DUTCH, NEW_DUTCH)
    chief = new_page()
    log_in(chief, site, "eindredacteur")
    open_leaflet(chief, site)
    chief.get_by_role("link", name="Publiceren").click()
    chief.get_by_label("Wat is er veranderd?").fill("Nieuwe dosering: 3 tabletten bij het eten")
    chief.get_by_role("button", name="Publiceren").click()
    expect(chief.locator(".messagelist")).to_contain_text("gepubliceerd")

    patient.reload()
    banner = patient.get_by_role("region", name=BANNER)
    expect(banner).to_be_visible()
    expect(banner).to_contain_text("The Dutch leaflet was updated on")
    dosing = patient.locator("#dosering")
    expect(dosing).to_contain_text(OLD_ENGLISH)  # the old translation stays...
    expect(dosing.locator('.source-text[lang="nl"]')).to_contain_text(NEW_DUTCH)  # ...beside
    patient.add_script_tag(path=str(axe_script))
    result = patient.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )
    assert result["passes"]
    assert [violation["id"] for violation in result["violations"]] == []

    # Editors see it in "Vertalingen verouderd" with the Dutch words to carry over.
    editor.goto(f"{site}/beheer/")
    editor.get_by_role("link", name="Vertalingen verouderd").click()
    expect(editor.locator(".outdated-translation")).to_contain_text("Nieuwe dosering: 3 tabletten")
    expect(editor.locator(".outdated-translation ins").first).to_be_visible()
    open_leaflet(editor, site)
    replace_text(editor, OLD_ENGLISH, NEW_ENGLISH)
    open_leaflet(editor, site)
    editor.get_by_role("link", name="Vertaling (en)").click()
    editor.get_by_role("button", name="Vertaling ter beoordeling aanbieden").click()
    expect(editor.locator(".messagelist")).to_contain_text("aangeboden ter beoordeling")

    patient.reload()
    expect(patient.get_by_role("region", name=BANNER)).to_be_visible()  # a draft: not yet
    expect(patient.locator("#dosering")).not_to_contain_text(NEW_ENGLISH)

    second = new_page()
    log_in(second, site, "eindredacteur2")
    second.goto(f"{site}/beheer/medications/medication/vertalingen/")
    second.get_by_role("link", name="Testmiddel (en)").click()
    second.get_by_role("button", name="Vertaling publiceren").click()
    expect(second.locator(".messagelist")).to_contain_text("gepubliceerd")

    patient.reload()
    expect(patient.get_by_text(BANNER)).to_have_count(0)
    expect(patient.locator("#dosering")).to_contain_text(NEW_ENGLISH)
    expect(patient.locator(".source-text")).to_have_count(0)
