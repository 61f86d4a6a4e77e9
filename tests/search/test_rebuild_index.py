"""`manage.py rebuild_search_index`: the whole index built again from the content."""

import io

import pytest
from django.core.management import call_command

from search.models import SearchEntry
from search.query import search_medications
from serving.models import ContentVersion

pytestmark = pytest.mark.django_db
ROW = ("medication_id", "glossary_term_id", "kind", "language", "text")


def test_rebuild_search_index_builds_every_row_again_under_a_new_version():
    expected = sorted(SearchEntry.objects.values_list(*ROW), key=str)
    SearchEntry.objects.all().delete()
    version = ContentVersion.current_token()
    out = io.StringIO()

    call_command("rebuild_search_index", stdout=out)

    assert sorted(SearchEntry.objects.values_list(*ROW), key=str) == expected
    assert f"{len(expected)} regels" in out.getvalue()
    assert ContentVersion.current_token() != version  # every worker reads its words again
    hit = search_medications("azathioprine bijwerkingen").hits[0]
    assert hit.url == "/medicijnen/azathioprine/#bijwerkingen"
