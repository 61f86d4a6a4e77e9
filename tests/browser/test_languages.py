"""The English site and a right-to-left language in a real browser (Debian's Chromium):
axe-core on the English pages, reading aloud in an English voice, the mirrored layout of a
right-to-left language, and the admin's language tabs under the site's CSP."""

import os
import shutil

import pytest
from django.contrib.auth import get_user_model

try:
    from playwright.sync_api import expect
except ImportError:  # the `browser` fixture skips, or fails in CI, and says why
    expect = None

from medications import languages
from medications.content import load_content
from tests.browser.test_patient_pages import AXE, ROOT, WCAG_22_AA
from tests.english import SLUG, english_site
from tests.helpers import current_code
from tests.third_language import CODE, add_third_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
PASSWORD = "Lang-en-geheim-2026"
FAKE_ENGLISH_VOICE = """
    window.__spoken = [];
    const voice = {lang: "en-GB", name: "Test", default: true, localService: true,
                   voiceURI: "test-en"};
    speechSynthesis.getVoices = () => [voice];
    speechSynthesis.speak = (utterance) => window.__spoken.push([utterance.lang, utterance.text]);
    speechSynthesis.cancel = () => {};
"""


@pytest.fixture(scope="session")
def axe_script():
    """As tests/browser/test_patient_pages.py: axe-core from npm, a failure in CI if missing."""
    if not AXE.exists():
        reason = f"{AXE.relative_to(ROOT)} is missing: run `npm ci` in the repository"
        if os.environ.get("PORTAL_REQUIRE_BROWSER") == "1":
            pytest.fail(f"accessibility checks must run here (PORTAL_REQUIRE_BROWSER=1): {reason}")
        pytest.skip(reason)
    return AXE


@pytest.fixture
def english(live_server, content_dir):
    english_site(content_dir)
    return live_server.url


@pytest.fixture
def new_page(browser):
    contexts = []

    def make(viewport=PHONE, init_script=None, bypass_csp=False):
        context = browser.new_context(viewport=viewport, bypass_csp=bypass_csp)
        if init_script:
            context.add_init_script(init_script)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["360", "1280"])
def test_axe_finds_no_wcag_22_aa_violations_on_the_english_pages(
    english,
    new_page,
    axe_script,
    viewport,
):
    page = new_page(viewport=viewport, bypass_csp=True)  # axe is injected inline
    problems = []
    paths = ["/en/", f"/en/medicines/{SLUG}/", f"/en/medicines/{SLUG}/print/", "/en/glossary/",
             "/en/search/?q=qwxz", "/en/no-such-page/", "/medicijnen/azathioprine/"]  # fmt: skip
    for path in paths:
        page.goto(english + path)
        page.add_script_tag(path=str(axe_script))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
        )
        assert result["passes"], path
        problems += [f"{path}: {v['id']} {v['help']}" for v in result["violations"]]
    assert problems == []


def test_an_english_page_is_read_aloud_in_an_english_voice(english, new_page):
    page = new_page(init_script=FAKE_ENGLISH_VOICE)
    page.goto(f"{english}/en/medicines/{SLUG}/")
    page.get_by_role("button", name="Read the whole page aloud").click()
    spoken = page.evaluate("window.__spoken")
    assert spoken and {lang for lang, _ in spoken} == {"en-GB"}
    assert any("Take 2 tablets of 50 mg a day." in text for _, text in spoken)
    expect(page.get_by_role("button", name="Reading aloud… Stop")).to_be_visible()


def test_a_right_to_left_language_mirrors_the_layout(
    live_server, new_page, settings, tmp_path, monkeypatch
):
    """A test language written right to left (tests/third_language.py). Its content columns
    do not exist, so here a leaflet counts as translated and shows the Dutch text: what is
    looked at is the layout. PORTAL_SCREENSHOT_DIR keeps the pictures to look at."""
    load_content()
    add_third_language(settings, tmp_path)
    monkeypatch.setattr(languages, "is_translated", lambda medication, language: True)
    page = new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/{CODE}/adwiya/azathioprine/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    box = page.evaluate(
        """() => { const s = getComputedStyle(document.querySelector('.urgent'));
                   return [parseFloat(s.borderRightWidth), parseFloat(s.borderLeftWidth)]; }"""
    )
    assert box[0] > box[1]  # the thick alarm edge is at the start of the line: the right
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > PHONE["width"] - 40  # starts at the right
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshots = os.environ.get("PORTAL_SCREENSHOT_DIR")
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        for path in (f"/{CODE}/", f"/{CODE}/adwiya/azathioprine/"):
            page.goto(live_server.url + path)
            picture = tmp_path / f"rtl-{viewport['width']}-{path.strip('/').replace('/', '-')}.png"
            page.screenshot(path=str(picture), full_page=False)
            if screenshots:
                shutil.copy(picture, screenshots)


def test_the_admin_shows_each_language_as_a_tab_under_the_csp(live_server, new_page):
    load_content()
    user = get_user_model().objects.create_superuser("beheerder", password=PASSWORD)
    page = new_page(viewport=DESKTOP)
    refused, outside = [], []
    page.on("console", lambda m: "Content Security" in m.text and refused.append(m.text))
    page.on("request", lambda r: r.url.startswith(live_server.url) or outside.append(r.url))
    page.goto(f"{live_server.url}/beheer/login/")
    page.get_by_label("Gebruikersnaam").fill("beheerder")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Code").fill(current_code(user))
    page.get_by_role("button", name="Aanmelden").click()
    page.goto(f"{live_server.url}/beheer/medications/glossaryterm/")
    page.locator("#result_list tbody th a").first.click()
    page.wait_for_url("**/change/")
    tabs = page.locator(".ui-tabs-nav").first
    expect(tabs).to_be_visible()
    english_field = page.locator("#id_term_en")
    expect(english_field).to_be_hidden()
    tabs.get_by_role("tab", name="en").click()
    expect(english_field).to_be_visible()
    expect(page.locator("#id_term_nl")).to_be_hidden()
    assert refused == [] and outside == []
