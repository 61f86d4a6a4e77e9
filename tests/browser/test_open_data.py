"""Open data in a browser: the API's docs (Swagger UI, served by the site itself) work under
the site's CSP, loading nothing from another host; the embeddable views pass axe-core."""

import pytest
from django.conf import settings

from medications.content import load_content

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_render_under_the_sites_csp(browser, live_server):
    load_content(settings.CONTENT_DIR)
    context = browser.new_context()
    page = context.new_page()
    problems, hosts = [], set()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(live_server.url + "/api/v1/docs/")
    page.wait_for_selector(".opblock-summary-path", timeout=15000)
    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v1/medicines/{slug}/epi" in path for path in paths)
    assert not [p for p in problems if "Content Security Policy" in p], problems
    assert hosts == {live_server.url.split("/")[2]}
    context.close()


def test_axe_finds_no_wcag_22_aa_violations_in_the_embeds(browser, live_server):
    from tests.browser.test_patient_pages import AXE, PHONE, WCAG_22_AA

    if not AXE.exists():
        pytest.skip(f"{AXE} is missing: run `npm ci`")
    load_content(settings.CONTENT_DIR)
    # The CSP forbids inline scripts, and axe-core is injected as one: only here it may run.
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    problems = []
    for path in (
        "/embed/jak-remmers/",
        "/embed/azathioprine/veiligheid/",
        "/embed/anakinra/dosering/",
    ):
        page.goto(live_server.url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA
        )
        assert result["passes"], path
        for violation in result["violations"]:
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{path}: {violation['id']} ({violation['help']}) at {targets}")
    context.close()
    assert problems == []
