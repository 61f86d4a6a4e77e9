"""Fixtures of the printing tests."""

import pytest

from medications.printing import pdf as pdf_module


@pytest.fixture
def pdf_renders(monkeypatch):
    """Counts how often WeasyPrint really runs, around the real renderer."""
    calls = []
    real = pdf_module.render_pdf

    def counting(html, base_url):
        calls.append(html)
        return real(html, base_url)

    monkeypatch.setattr(pdf_module, "render_pdf", counting)
    return calls
