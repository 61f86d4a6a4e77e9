"""Patient pages in a real browser (Debian's Chromium through Playwright) on a 360 px phone:
when to call comes on the first screen, "Lees voor" by keyboard, a vote reaches the editors,
the print view's Printen button, a glossary explanation at 400 % zoom, and axe-core's WCAG 2.2
AA checks on every public page."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture skips, or fails in CI, and says why
    expect = None

from medications.content import load_content
from medications.models import Feedback, Medication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
PASSWORD = "Lang-en-geheim-2026"

# Headless Chromium has no voices: a Dutch one, and a speechSynthesis that records its calls.
FAKE_DUTCH_VOICE = """
    window.__spoken = [];
    window.__cancelled = 0;
    const voice = {lang: "nl-NL", name: "Test", default: true, localService: true,
                   voiceURI: "test-nl"};
    speechSynthesis.getVoices = () => [voice];
    speechSynthesis.speak = (utterance) => window.__spoken.push(utterance.text);
    speechSynthesis.cancel = () => { window.__cancelled += 1; };
"""
RECORDED_PRINT = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


@pytest.fixture
def site(live_server):
    """The repository's content behind a live server (a live server's test starts from an
    empty database)."""
    load_content(settings.CONTENT_DIR)
    return live_server.url


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(viewport=PHONE, javascript=True, init_script=None, bypass_csp=False):
        context = browser.new_context(
            viewport=viewport, java_script_enabled=javascript, bypass_csp=bypass_csp
        )
        if init_script:
            context.add_init_script(init_script)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_script():
    """axe-core from npm (`npm ci`). Missing: a failure in CI (PORTAL_REQUIRE_BROWSER=1), a
    skip elsewhere, like the browser itself."""
    if not AXE.exists():
        reason = f"{AXE.relative_to(ROOT)} is missing: run `npm ci` in the repository"
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"accessibility checks must run here (PORTAL_REQUIRE_BROWSER=1): {reason}")
        pytest.skip(reason)
    return AXE


def slugs():
    return list(Medication.objects.published().values_list("slug", flat=True))


def test_when_to_call_is_on_the_first_phone_screen_of_every_leaflet(site, new_page):
    page = new_page()
    assert len(slugs()) >= 5
    for slug in slugs():
        page.goto(f"{site}/medicijnen/{slug}/")
        title = page.get_by_role("heading", level=1).bounding_box()
        # "direct" only where the leaflet says so (tests/medications/test_safety_box.py)
        box = page.get_by_role(
            "region",
            name=re.compile(
                r"^Wanneer (moet u direct contact "
                r"opnemen|neemt u contact op)\?$"
            ),
        )
        heading = box.get_by_role("heading", level=2).bounding_box()

        assert title["y"] < heading["y"], slug
        assert heading["y"] + heading["height"] <= PHONE["height"], (slug, heading)
        link = box.get_by_role("link", name="Alles over wanneer u contact opneemt")
        link.click()
        expect(page.locator("#wanneer-contact")).to_be_in_viewport()


def test_a_section_is_two_taps_away_on_a_phone(site, new_page):
    page = new_page()
    page.goto(f"{site}/medicijnen/azathioprine/")

    contents = page.get_by_role("navigation", name="Naar een onderdeel")
    contents.get_by_text("Naar een onderdeel").click()
    contents.get_by_role("link", name="Welke controles heeft u nodig?").click()

    expect(page.locator("#controles")).to_be_in_viewport()


def test_lees_voor_starts_and_stops_by_keyboard(site, new_page):
    page = new_page(init_script=FAKE_DUTCH_VOICE)
    page.goto(f"{site}/medicijnen/azathioprine/")
    expect(page.locator("#dosering").get_by_role("button", name="Lees voor")).to_be_visible()
    button = page.locator("#dosering .read-aloud")  # by its place: its label changes

    button.focus()
    page.keyboard.press("Enter")

    expect(button).to_have_text("Stop met voorlezen")
    spoken = " ".join(page.evaluate("window.__spoken"))
    assert spoken.startswith("Hoe gebruikt u azathioprine?")
    assert "Neem de tabletten" in spoken
    assert "Meer in de woordenlijst" not in spoken  # explanations that pop up are left out
    cancelled = page.evaluate("window.__cancelled")

    page.keyboard.press("Space")

    expect(button).to_have_text("Lees voor")
    assert page.evaluate("window.__cancelled") > cancelled


def test_lees_voor_is_not_offered_without_a_dutch_voice(site, new_page):
    page = new_page()  # headless Chromium: no voices at all
    page.goto(f"{site}/medicijnen/azathioprine/")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Lees voor")).to_have_count(0)


def test_a_vote_without_javascript_reaches_the_editors(site, new_page, django_user_model):
    django_user_model.objects.create_superuser("beheerder", password=PASSWORD)
    patient = new_page(javascript=False)
    patient.goto(f"{site}/medicijnen/infliximab/")
    form = patient.get_by_role("region", name="Heeft deze informatie u geholpen?")

    form.get_by_label("Nee").check()
    form.get_by_label("Over welk onderdeel gaat het?").select_option("bijwerkingen")
    form.get_by_label("Wilt u iets toelichten?").fill("Graag meer over moeheid.")
    form.get_by_role("button", name="Versturen").click()

    expect(patient.get_by_role("heading", level=1)).to_have_text("Bedankt voor uw reactie")
    assert patient.context.cookies() == []
    feedback = Feedback.objects.get()
    assert (feedback.medication.slug, feedback.section_kind, feedback.helpful) == (
        "infliximab",
        "bijwerkingen",
        False,
    )

    editor = new_page(viewport={"width": 1280, "height": 900})
    editor.goto(f"{site}/beheer/login/")
    editor.get_by_label("Gebruikersnaam").fill("beheerder")
    editor.get_by_label("Wachtwoord").fill(PASSWORD)
    editor.get_by_role("button", name="Aanmelden").click()
    editor.goto(f"{site}/beheer/medications/feedback/")
    row = editor.locator("#result_list tbody tr").first
    expect(row).to_contain_text("Infliximab")
    expect(row).to_contain_text("Graag meer over moeheid.")
    filters = editor.locator("#changelist-filter")
    expect(filters).to_contain_text("Infliximab bij neurosarcoïdose (1)")


def test_the_printen_button_prints_and_is_hidden_without_javascript(site, new_page):
    page = new_page(init_script=RECORDED_PRINT)
    page.goto(f"{site}/medicijnen/azathioprine/print/")

    page.get_by_role("button", name="Printen").click()

    assert page.evaluate("window.__printed") == 1
    no_script = new_page(javascript=False)
    no_script.goto(f"{site}/medicijnen/azathioprine/print/")
    expect(no_script.get_by_role("button", name="Printen")).to_be_hidden()
    expect(no_script.get_by_text("Ctrl+P of Cmd+P")).to_be_visible()


def test_an_explanation_fits_the_screen_at_400_percent_zoom(site, new_page):
    # 1280 by 800 at 400 %: 320 by 200 CSS pixels.
    page = new_page(viewport={"width": 320, "height": 200})
    page.goto(f"{site}/medicijnen/immunoglobulinen/")
    term = page.locator(".term-button").first
    term.scroll_into_view_if_needed()

    term.click()

    tip = page.locator(f"#{term.get_attribute('popovertarget')}")
    expect(tip).to_be_visible()
    box = tip.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 200, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320, box
    overflow = tip.evaluate("tip => getComputedStyle(tip).overflowY")
    assert overflow == "auto"


def public_pages(site):
    pages = ["/", "/woordenlijst/", "/zoeken/?q=bijwerkingen", "/zoeken/?q=qqxyzzy"]
    pages.append("/bestaat-niet/")
    for slug in slugs():
        pages += [f"/medicijnen/{slug}/", f"/medicijnen/{slug}/print/"]
    return [site + path for path in pages]


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 900}], ids=["360", "1280"])
def test_axe_finds_no_wcag_22_aa_violations_on_any_public_page(
    site, new_page, axe_script, viewport
):
    # The CSP forbids inline scripts, and axe-core is injected as one: only here it may run.
    page = new_page(viewport=viewport, bypass_csp=True)
    problems = []
    for url in public_pages(site):
        page.goto(url)
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
        )
        assert result["passes"], url  # axe really ran its checks
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{url}: {violation['id']} ({violation['help']}) at {targets}")
    assert problems == []
