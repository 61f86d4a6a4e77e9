"""Stored HTML as the text a reader sees, for matching and snippets: medications.html reads
stored HTML for every reader, search included (blocks on their own line, a soft line break
inside a paragraph a space, `<pre>` keeping its lines)."""

from medications.html import plain_text as readable_text

__all__ = ["readable_text"]
