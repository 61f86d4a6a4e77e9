"""Patient pages in a real browser (Debian's Chromium through Playwright) on a 360 px phone:
when to call comes on the first screen, "Lees voor" by keyboard, a vote reaches the editors,
the print view's Printen button, a glossary explanation at 400 % zoom, and axe-core's WCAG 2.2
AA checks on every public page."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture skips, or fails in CI, and says why
    expect = None

from medications.content import load_content
from medications.models import Feedback, Medication
from tests.helpers import current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"width": 360, "height": 740}
PASSWORD = "Lang-en-geheim-2026"

# Headless Chromium has no voices: a Dutch one, and a speechSynthesis that records its calls.
# Nothing is really spoken, so nothing ends by itself: __finish() ends what is queued.
FAKE_DUTCH_VOICE = """
    window.__spoken = [];
    window.__queued = [];
    window.__cancelled = 0;
    const voice = {lang: "nl-NL", name: "Test", default: true, localService: true,
                   voiceURI: "test-nl"};
    speechSynthesis.getVoices = () => [voice];
    speechSynthesis.speak = (utterance) => {
        window.__spoken.push(utterance.text);
        window.__queued.push(utterance);
    };
    speechSynthesis.cancel = () => { window.__cancelled += 1; window.__queued = []; };
    window.__finish = () => {
        window.__queued.forEach((utterance) => utterance.dispatchEvent(new Event("end")));
        window.__queued = [];
    };
"""
NO_SPEECH = "Object.defineProperty(window, 'speechSynthesis', {value: undefined});"
SPEAKING = "Bezig met voorlezen… Stop"
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

    expect(button).to_have_text(SPEAKING)
    expect(button).to_have_attribute("aria-pressed", "true")
    spoken = " ".join(page.evaluate("window.__spoken"))
    assert spoken.startswith("Hoe gebruikt u azathioprine?")
    assert "Neem de tabletten" in spoken
    assert "Meer in de woordenlijst" not in spoken  # explanations that pop up are left out
    cancelled = page.evaluate("window.__cancelled")

    page.keyboard.press("Space")

    expect(button).to_have_text("Lees voor")
    expect(button).to_have_attribute("aria-pressed", "false")
    assert page.evaluate("window.__cancelled") > cancelled


def texts(page, selector):
    """The elements' text as read aloud: without decoration and the explanations that pop up."""
    return page.locator(selector).evaluate_all(
        """nodes => nodes.map(node => {
            const copy = node.cloneNode(true);
            const hidden = copy.querySelectorAll("[aria-hidden='true'], .term-tip");
            hidden.forEach(node => node.remove());
            return copy.textContent.replace(/\\s+/g, " ").trim();
        })"""
    )


def test_lees_voor_reads_the_safety_box_and_in_het_kort_first_then_the_sections(site, new_page):
    page = new_page(init_script=FAKE_DUTCH_VOICE)
    page.goto(f"{site}/medicijnen/azathioprine/")
    urgent = texts(page, "section.urgent h2")[0]
    key_points = texts(page, ".key-points li")
    headings = texts(page, ".leaflet-section h2")
    questions = texts(page, ".common-questions h2")[0]

    page.get_by_role("button", name="Lees de hele pagina voor").click()

    spoken = page.evaluate("window.__spoken")
    starts = [
        next(i for i, text in enumerate(spoken) if text.startswith(start))
        for start in [urgent, "In het kort", key_points[0], headings[0], headings[-1], questions]
    ]
    assert starts == sorted(starts), spoken[:20]
    assert spoken[0].rstrip(".") == urgent.rstrip(".")
    # Each key point is a sentence of its own, never run into the next one.
    for point in key_points:
        assert any(text.startswith(point[:30]) for text in spoken), point
    assert not any(
        a[:30] in text and b[:30] in text
        for a, b in zip(key_points, key_points[1:], strict=False)
        for text in spoken
    )
    # The sections' lists too.
    items = texts(page, "#bijwerkingen li")
    assert len(items) > 1
    for item in items:
        assert any(text.startswith(item[:25]) for text in spoken), item
    assert "Meer in de woordenlijst" not in " ".join(spoken)


def test_lees_voor_reads_each_table_row_as_a_sentence(site, new_page):
    page = new_page(init_script=FAKE_DUTCH_VOICE)
    page.goto(f"{site}/medicijnen/azathioprine/")
    rows = page.locator("#controles table tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.innerText.trim()))"
    )
    assert len(rows) > 2, "the test needs the table of blood checks"

    page.locator("#controles .read-aloud").click()

    spoken = [text.rstrip(".?") for text in page.evaluate("window.__spoken")]
    for cells in rows:
        assert ", ".join(" ".join(cell.split()).rstrip(".?") for cell in cells) in spoken


def test_lees_voor_shows_that_it_reads_and_stops_by_itself(site, new_page):
    page = new_page(init_script=FAKE_DUTCH_VOICE)
    page.goto(f"{site}/medicijnen/azathioprine/")
    button = page.locator(".read-aloud-page .read-aloud")
    idle = button.evaluate("b => getComputedStyle(b).backgroundColor")

    button.click()

    expect(button).to_have_text(SPEAKING)
    expect(button).to_have_attribute("aria-pressed", "true")
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") != idle
    assert page.get_by_role("button", name=SPEAKING, pressed=True).count() == 1

    page.evaluate("window.__finish()")

    expect(button).to_have_text("Lees de hele pagina voor")
    expect(button).to_have_attribute("aria-pressed", "false")
    assert button.evaluate("b => getComputedStyle(b).backgroundColor") == idle


def test_the_page_works_without_speech_synthesis(site, new_page):
    page = new_page(init_script=NO_SPEECH)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{site}/medicijnen/azathioprine/")

    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator(".read-aloud")).to_have_count(0)
    assert page.evaluate("window.speechSynthesis") is None
    assert errors == []


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
    editor.get_by_label("Code").fill(
        current_code(get_user_model().objects.get(username="beheerder"))
    )
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
    pages.append("/zoeken/?q=haaruitval")  # no leaflet has the word: the nearest, labelled
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


def test_axe_finds_no_violations_while_lees_voor_reads(site, new_page, axe_script):
    page = new_page(init_script=FAKE_DUTCH_VOICE, bypass_csp=True)
    page.goto(f"{site}/medicijnen/azathioprine/")
    page.locator(".read-aloud-page .read-aloud").click()
    page.add_script_tag(path=str(axe_script))

    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
    )

    assert result["passes"]
    assert [violation["id"] for violation in result["violations"]] == []
