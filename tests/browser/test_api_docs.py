"""The API's docs (Swagger UI, served by the site itself) work under the site's CSP: they
load the OpenAPI document and list the endpoints, with no CSP violation and no request to
another host."""

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
