"""Markdown from content files and editors, turned into safe HTML once, when it is saved."""

import re
import threading
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3
from django.utils.text import slugify

ALLOWED_TAGS = {
    "a", "abbr", "blockquote", "br", "caption", "code", "em", "h3", "h4", "h5", "hr", "li",
    "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "h3": {"id"},
    "h4": {"id"},
    "h5": {"id"},
    "th": {"scope"},
    "td": set(),
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
_local = threading.local()


def sanitise_html(html):
    """Keep only harmless tags and attributes: no scripts, styles or event handlers."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def heading_id(value, separator):
    slug = slugify(value) or "kop"
    prefix = _local.id_prefix
    return f"{prefix}-{slug}" if prefix else slug


def converter():
    """This thread's Markdown converter: made once (that is most of the cost), reset for
    each text."""
    if getattr(_local, "converter", None) is None:
        _local.converter = markdown.Markdown(
            extensions=["tables", "sane_lists", "toc"],
            extension_configs={"toc": {"slugify": heading_id}},
            output_format="html",
        )
    return _local.converter


def markdown_to_html(text, id_prefix=""):
    """Markdown (with tables and heading anchors `<id_prefix>-<heading>`) as HTML, not yet
    sanitised."""
    if not text.strip():
        return ""
    _local.id_prefix = id_prefix
    return converter().reset().convert(text)


def render_markdown(text, id_prefix="", glossary=None):
    """Render Markdown and sanitise the result.

    With a `glossary` (a glossary_links.GlossaryLinker), terms are marked after sanitising:
    that markup is built with escaping and never passes through editors' hands. What is
    stored holds meaning only; medications.html presents it.
    """
    html = sanitise_html(markdown_to_html(text, id_prefix))
    if glossary is not None:
        html = glossary.link(html)
    return mark_table_headers(html)


TABLE = re.compile(r"<table>.*?</table>", re.S)
EMPTY_CORNER = re.compile(r"<thead>\s*<tr>\s*<th(?: [^>]*)?>\s*</th>")
FIRST_CELL = re.compile(r"(<tbody>.*?</tbody>)", re.S)
ROW_START = re.compile(r"<tr>(\s*)<td>(.*?)</td>", re.S)


def mark_row_headers(table):
    """A table whose top-left cell is empty has row labels in its first column."""
    if not EMPTY_CORNER.search(table):
        return table
    table = EMPTY_CORNER.sub("<thead>\n<tr>\n<td></td>", table, count=1)
    return FIRST_CELL.sub(
        lambda body: ROW_START.sub(r'<tr>\1<th scope="row">\2</th>', body.group(1)), table
    )


def mark_table_headers(html):
    """Column and row headers get a scope (how wide tables scroll is the page's business)."""
    html = TABLE.sub(lambda table: mark_row_headers(table.group(0)), html)
    return html.replace("<th>", '<th scope="col">')


class MarkupCollector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.removed = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.removed.append(f"<{tag}>")
            return
        for name, value in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, set()):
                self.removed.append(f"{name} in <{tag}>")
            elif name == "href" and not allowed_link(value or ""):
                self.removed.append(f"de link {value!r}")

    handle_startendtag = handle_starttag

    def handle_comment(self, data):
        self.removed.append("<!-- commentaar -->")


def allowed_link(url):
    scheme = urlsplit(url.strip()).scheme.lower()
    return not scheme or scheme in ALLOWED_URL_SCHEMES


def removed_markup(text):
    """What sanitising takes out of this Markdown's HTML: a list such as ['<script>',
    'onclick in <a>'], each once, in order; empty when nothing is lost."""
    collector = MarkupCollector()
    collector.feed(markdown_to_html(text))
    collector.close()
    return list(dict.fromkeys(collector.removed))
