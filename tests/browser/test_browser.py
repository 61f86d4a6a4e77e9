"""In a real browser (Debian's Chromium through Playwright), with JavaScript switched off:
a patient opens a term's explanation by keyboard, a nurse prints chosen sections."""

import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image
from pypdf import PdfReader

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture skips, or fails in CI, and says why
    expect = None

from medications.content import load_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server):
    """The repository's content behind a live server (each test starts from an empty
    database, because a live server needs committed data)."""
    load_content(settings.CONTENT_DIR)
    return live_server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 1000, "height": 800}
    )
    yield context.new_page()
    context.close()


def focused(page):
    return page.locator(":focus")


def accessibility_of_focused(page):
    """What a screen reader gets for the focused element, from Chromium's accessibility tree."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ":focus"})["nodeId"]
    (ax_node,) = cdp.send(
        "Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False}
    )["nodes"]
    properties = {p["name"]: p["value"].get("value") for p in ax_node.get("properties", [])}
    return ax_node["role"]["value"], ax_node["name"]["value"], properties


def test_patient_opens_a_term_explanation_by_keyboard(site, page):
    page.goto(f"{site}/medicijnen/azathioprine/")
    for _ in range(100):
        page.keyboard.press("Tab")
        if "term-button" in (focused(page).get_attribute("class") or ""):
            break
    else:
        pytest.fail("no explained word could be reached with Tab")
    word = focused(page).inner_text()
    explanation = page.locator(f"#{focused(page).get_attribute('popovertarget')}")
    expect(explanation).to_be_hidden()
    assert accessibility_of_focused(page)[2].get("expanded") is False

    page.keyboard.press("Enter")

    expect(explanation).to_be_visible()
    expect(explanation).to_contain_text("Meer in de woordenlijst")
    role, name, properties = accessibility_of_focused(page)
    assert (role, name, properties.get("expanded")) == ("button", word, True)
    page.keyboard.press("Tab")
    expect(focused(page)).to_have_text("Meer in de woordenlijst")

    page.keyboard.press("Escape")
    expect(explanation).to_be_hidden()
    expect(focused(page)).to_have_text(word)

    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site}/woordenlijst/#*")
    slug = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{slug}")).to_contain_text("Komt voor bij: ")
    expect(page.locator(f"#{slug}").get_by_role("link", name="Azathioprine")).to_be_visible()


def test_print_media_of_a_leaflet(site, page, tmp_path):
    page.goto(f"{site}/medicijnen/jak-remmers/print/")
    page.emulate_media(media="print")
    folder = Path(os.environ.get("PORTAL_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    screenshot = folder / "print-jak-remmers.png"

    page.screenshot(path=screenshot, full_page=True)

    expect(page.locator(".print-tools")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_have_text("JAK-remmers")
    expect(page.locator(".qr-code")).to_be_visible()
    expect(page.locator(".term-tip").first).to_be_hidden()
    marker = page.locator(".printout .term-button").first.evaluate(
        "button => getComputedStyle(button, '::after').content"
    )
    assert marker == '"*"'
    expect(page.get_by_role("heading", name="Bijlage: moeilijke woorden uitgelegd")).to_be_visible()
    image = Image.open(screenshot).convert("L")
    assert image.width == 1000 and image.height > 3000
    dark = sum(image.histogram()[:100])
    assert 0.005 < dark / (image.width * image.height) < 0.3  # text on white paper


def test_nurse_prints_chosen_sections_without_javascript(site, page):
    page.goto(f"{site}/medicijnen/azathioprine/print/")
    wanted = ["Hoe gebruikt u azathioprine?", "Welke bijwerkingen kan azathioprine geven?"]
    for checkbox in page.get_by_role("checkbox").all():
        if checkbox.is_disabled():  # the alarm section: always printed, cannot be unticked
            expect(checkbox).to_be_checked()
            continue
        label = page.locator(f"label[for='{checkbox.get_attribute('id')}']").inner_text()
        if label not in wanted:
            checkbox.uncheck()

    page.get_by_role("button", name="Toon de gekozen onderdelen").click()

    alarm = re.compile(r"Wanneer neemt u contact op met uw arts\?$")
    expect(page.locator(".leaflet-section h2")).to_have_text([*wanted, alarm])
    expect(page.get_by_text("Dit is een deel van de folder")).to_be_visible()
    expect(page.locator(".leaflet-source")).to_contain_text("Inhoud laatst gecontroleerd")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download als PDF").click()
    assert download.value.suggested_filename == "azathioprine.pdf"
    reader = PdfReader(io.BytesIO(Path(download.value.path()).read_bytes()))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    assert all(heading in text for heading in wanted)
    assert "Wanneer werkt azathioprine?" not in text
    assert "Reumatologen Noord-Nederland" in text
