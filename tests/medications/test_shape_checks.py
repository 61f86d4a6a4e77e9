"""A broken table and a section far longer than the others are warnings (never refusals), the
same in the admin and in the loader; a name too long is refused in Dutch, not cut."""

import pytest
from django.core.management import call_command
from django.test import Client

from medications.models import Medication
from tests.conftest import CORE_SECTIONS, leaflet_text
from tests.helpers import admin_form_data
from tests.medications.test_workflow import change_url, user_with_role

pytestmark = pytest.mark.django_db

BROKEN_TABLE = "| dag | dosis |\n| maandag | 2 |"
LONG = " ".join(["woord"] * 1200)


def sections():
    return CORE_SECTIONS.replace("Overleg met uw arts.", BROKEN_TABLE).replace(
        "U hoeft niet te stoppen.", LONG
    )


def test_the_loader_warns_with_file_and_line(content_dir, capsys):
    root = content_dir({"t.md": leaflet_text(sections=sections())})
    call_command("load_content", str(root))
    err = capsys.readouterr().err
    assert "t.md, regel 30: deze tabel wordt geen tabel" in err
    assert "t.md, regel 37: dit onderdeel is erg lang (1200 woorden" in err
    assert Medication.objects.filter(slug="testmiddel").exists()  # warnings, not refusals


def test_the_admin_warns_the_same_and_refuses_a_long_name_in_dutch(content_dir, django_user_model):
    from medications.content import load_content

    load_content(content_dir({"t.md": leaflet_text(sections=sections())}))
    leaflet = Medication.working_copies.get(slug="testmiddel")
    browser = Client()
    browser.force_login(user_with_role(django_user_model, "Redacteur"))
    response = browser.get(change_url(leaflet))
    page = response.content.decode()
    assert "deze tabel wordt geen tabel" in page and "dit onderdeel is erg lang" in page
    assert 'maxlength="120"' not in page

    data = admin_form_data(response) | {"name_nl": "N" * 130}
    refused = browser.post(change_url(leaflet), data).content.decode()
    assert "niet meer dan 120 tekens bevat (het zijn er nu 130)" in refused
    assert 'Eerste fout: <a href="#id_name_nl">' in refused
