"""Markdown to stored HTML: tables get header scopes and scroll on their own."""

from medications.html import page_html
from medications.publishing.rendering import render_markdown

COMPARISON = """\
| | IVIg | SCIg |
|---|---|---|
| Hoe vaak | Elke 3 tot 4 weken | Elke week |
| Waar | Ziekenhuis | **Thuis** |
"""

PLAIN = """\
| Medicijn | Merk |
|---|---|
| tofacitinib | Xeljanz |
"""


def test_table_with_empty_corner_has_row_headers():
    html = render_markdown(COMPARISON)
    assert '<th scope="col">IVIg</th>' in html
    assert '<th scope="row">Hoe vaak</th>' in html
    assert '<th scope="row">Waar</th>' in html
    assert "<td><strong>Thuis</strong></td>" in html
    assert "<th></th>" not in html and "<td></td>" in html


def test_plain_table_keeps_data_cells_and_scrolls():
    html = render_markdown(PLAIN)
    assert '<th scope="col">Medicijn</th>' in html
    assert "<td>tofacitinib</td>" in html
    assert 'scope="row"' not in html
    assert html.startswith("<table>")  # stored: the table as it is
    shown = page_html(html)  # on the page: it scrolls on its own on a narrow screen
    assert shown.startswith('<div class="table-scroll" tabindex="0"><table>')
