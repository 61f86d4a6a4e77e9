"""Two editors in two browsers (Debian's Chromium through Playwright): the second save is
refused, nothing is lost, the merge view shows both texts; the same for the glossary. And a
one-word change is one changed field with one changed word in the compare view.

PORTAL_SCREENSHOT_DIR keeps the screenshots (change form with a conflict, compare view, the
review queue)."""

import os
from pathlib import Path

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture skips, or fails in CI, and says why
    expect = None

from tests.browser.test_editors import PASSWORD, log_in, new_page, open_leaflet, site  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OLD = "Slik de tabletten heel door. Bijt er niet op."
FIRST = "Slik de tabletten heel door met water. Bijt er niet op."
SECOND = "Slik de tabletten heel door. Bijt er niet op en kauw er niet op."


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("PORTAL_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def two_chiefs(site, django_user_model):  # noqa: F811
    from django.contrib.auth.models import Group

    for username, name in (("anna", "Anna"), ("ben", "Ben")):
        user = django_user_model.objects.create_user(
            username, password=PASSWORD, is_staff=True, first_name=name
        )
        user.groups.add(Group.objects.get(name="Eindredacteur"))
    return site


def replace_in_textarea(page, old, new):
    page.evaluate(
        """([old, replacement]) => {
            const fields = [...document.querySelectorAll('textarea')];
            const field = fields.find(t => t.value.includes(old));
            field.value = field.value.replace(old, replacement);
        }""",
        [old, new],
    )


def test_two_editors_the_second_save_is_refused_and_merged(
    two_chiefs,
    new_page,  # noqa: F811 (the fixture of test_editors, used here)
    shots,
):
    address = two_chiefs
    anna, ben = new_page(), new_page()
    log_in(anna, address, "anna")
    log_in(ben, address, "ben")
    open_leaflet(anna, address)
    open_leaflet(ben, address)
    expect(ben.locator(".presence")).to_contain_text("Anna bewerkt deze folder sinds")

    replace_in_textarea(anna, OLD, FIRST)
    anna.get_by_role("button", name="Opslaan", exact=True).click()
    expect(anna.locator(".messagelist")).to_contain_text("gewijzigd")

    replace_in_textarea(ben, OLD, SECOND)
    ben.get_by_role("button", name="Opslaan", exact=True).click()
    expect(ben.locator(".errornote").first).to_be_visible()
    expect(ben.locator(".errorlist.nonfield")).to_contain_text("Niet opgeslagen: Anna")
    merge = ben.get_by_role("region", name="Samenvoegen: hun tekst en de uwe")
    expect(merge.locator(".merge-theirs")).to_contain_text(FIRST)
    expect(merge.locator(".merge-yours")).to_contain_text(SECOND)
    expect(merge.locator(".merge-theirs mark").first).to_have_text(" met water")
    ben.set_viewport_size({"width": 1280, "height": 1100})
    ben.evaluate("window.scrollTo(0, 0)")
    ben.screenshot(path=str(shots / "conflict-change-form.png"), full_page=False)
    # Nothing lost: Ben's text is still in his form; he merges and saves.
    expect(ben.locator("textarea", has_text=SECOND)).to_have_count(1)
    merged = "Slik de tabletten heel door met water. Bijt er niet op en kauw er niet op."
    replace_in_textarea(ben, SECOND, merged)
    ben.get_by_role("button", name="Opslaan", exact=True).click()
    expect(ben.locator(".messagelist")).to_contain_text("gewijzigd")
    open_leaflet(ben, address)
    expect(ben.locator("textarea", has_text=merged)).to_have_count(1)


def test_two_editors_of_one_glossary_term(two_chiefs, new_page):  # noqa: F811
    address = two_chiefs
    anna, ben = new_page(), new_page()
    for page, user in ((anna, "anna"), (ben, "ben")):
        log_in(page, address, user)
        page.goto(f"{address}/beheer/medications/glossaryterm/")
        page.get_by_role("link", name="Afweersysteem", exact=True).click()
    field = "#id_explanation_markdown_nl"
    original = anna.locator(field).input_value()
    anna.locator(field).fill(original + " Anna's zin.")
    anna.get_by_role("button", name="Opslaan", exact=True).click()
    expect(anna.locator(".messagelist")).to_contain_text("gewijzigd")

    ben.locator(field).fill(original + " Bens zin.")
    ben.get_by_role("button", name="Opslaan", exact=True).click()
    expect(ben.locator(".errorlist.nonfield")).to_contain_text("Niet opgeslagen: Anna")
    expect(ben.locator(".merge-theirs")).to_contain_text("Anna's zin.")
    expect(ben.locator(".merge-yours")).to_contain_text("Bens zin.")
    expect(ben.locator(field)).to_have_value(original + " Bens zin.")


def test_a_one_word_change_is_one_field_and_one_word(two_chiefs, new_page, shots):  # noqa: F811
    address = two_chiefs
    anna = new_page()
    log_in(anna, address, "anna")
    open_leaflet(anna, address)
    replace_in_textarea(anna, "Bijt er niet op.", "Kauw er niet op.")
    anna.get_by_role("button", name="Opslaan", exact=True).click()
    open_leaflet(anna, address)
    anna.get_by_role("link", name="Versies en verschillen").click()
    anna.get_by_role("button", name="Vergelijk de gekozen versies").click()

    rows = anna.locator("table.differences tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first.locator("th")).to_contain_text("Hoe gebruikt u het?")
    expect(rows.first.locator("del")).to_have_count(1)
    expect(rows.first.locator("ins")).to_have_count(1)
    expect(rows.first.locator("del")).to_have_text("Bijt")
    expect(rows.first.locator("ins")).to_have_text("Kauw")
    anna.screenshot(path=str(shots / "compare-view.png"), full_page=False)

    # Anna offers it for review; Ben, the other Eindredacteur, finds it in his queue.
    anna.goto(anna.url.split("/versies/")[0] + "/aanbieden/")
    anna.get_by_role("button", name="Ter beoordeling aanbieden").click()
    ben = new_page()
    log_in(ben, address, "ben")
    ben.goto(f"{address}/beheer/")
    ben.get_by_role("link", name="Folders die wachten op beoordeling").click()
    queue = ben.locator("table.review-queue")
    expect(queue).to_contain_text("Azathioprine")
    expect(queue.get_by_role("link", name="Beoordelen en publiceren")).to_be_visible()
    ben.screenshot(path=str(shots / "review-queue.png"), full_page=False)
