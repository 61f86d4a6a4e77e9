"""Stored HTML as the text a reader sees, for matching and snippets.

Blocks (paragraphs, list items, headings, cells, line breaks) each become a line. A line break
in the Markdown source inside one paragraph is only white space to a reader ("Dat geldt
voor\nmannen" is one sentence), so it becomes a space; only `<pre>` keeps its lines.
"""

from functools import lru_cache
from html import unescape
from html.parser import HTMLParser

BLOCK_ELEMENTS = {
    "address", "blockquote", "br", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "li", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
VOID_ELEMENTS = {"br", "hr", "img", "input", "meta", "link", "wbr"}


class ReadableTextParser(HTMLParser):
    """Text of stored HTML as a reader sees it, without glossary pop-ups (text in an element
    with a `popover` attribute only shows on request and belongs to the glossary term)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden_depth = 0
        self.pre_depth = 0

    def handle_starttag(self, tag, attrs):
        if self.hidden_depth:
            if tag not in VOID_ELEMENTS:
                self.hidden_depth += 1
        elif any(name == "popover" for name, _ in attrs) and tag not in VOID_ELEMENTS:
            self.hidden_depth = 1
        if tag == "pre":
            self.pre_depth += 1
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self.hidden_depth and tag not in VOID_ELEMENTS:
            self.hidden_depth -= 1
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in BLOCK_ELEMENTS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.hidden_depth:
            return
        # A soft line break (the source's line ending inside a block) reads as a space.
        self.parts.append(data if self.pre_depth else data.replace("\n", " "))


@lru_cache(maxsize=256)
def readable_text(html):
    """Stored HTML -> plain text: blocks on their own line, spaces folded within a line."""
    parser = ReadableTextParser()
    parser.feed(html or "")
    parser.close()
    lines = (" ".join(unescape(line).split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
