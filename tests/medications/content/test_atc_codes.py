"""ATC codes and substances in content files: optional, checked, loaded onto the leaflet and
its members, exported back as written."""

import pytest

from medications.content import ContentErrors, load_content
from medications.content.export import leaflet_text as exported_text
from medications.models import Medication
from tests.conftest import leaflet_text

pytestmark = pytest.mark.django_db

MEMBERS = """members:
  - substance: tofacitinib
    brand_names: [Xeljanz]
    atc: L04AF01
  - substance: baricitinib
    brand_names: [Olumiant]
"""


def test_codes_load_onto_the_leaflet_and_its_members(content_dir):
    text = leaflet_text(extra_front="substance: testine\natc: L04AX01\n" + MEMBERS)
    load_content(content_dir({"testmiddel.md": text}))
    medication = Medication.working_copies.get(slug="testmiddel")
    assert (medication.substance, medication.atc) == ("testine", "L04AX01")
    assert [(m.substance, m.atc) for m in medication.members.all()] == [
        ("tofacitinib", "L04AF01"),
        ("baricitinib", ""),
    ]
    exported = exported_text(medication)
    assert "\natc: L04AX01\n" in exported and "  atc: L04AF01\n" in exported
    assert "substance: testine\n" in exported


@pytest.mark.parametrize("code", ["L04AX1", "l04ax01", "L04AX012", "04AX01", "L0"])
def test_a_malformed_code_is_refused_with_file_and_line(content_dir, code):
    text = leaflet_text(extra_front=f"atc: {code}\n")
    with pytest.raises(ContentErrors) as refused:
        load_content(content_dir({"testmiddel.md": text}))
    message = str(refused.value)
    assert "testmiddel.md" in message and "regel 13" in message
    assert "geen ATC-code" in message or "'atc' is te lang" in message
    assert not Medication.all_copies.filter(slug="testmiddel").exists()


def test_a_members_malformed_code_names_the_member(content_dir):
    text = leaflet_text(extra_front=MEMBERS.replace("L04AF01", "JAK1"))
    with pytest.raises(ContentErrors) as refused:
        load_content(content_dir({"testmiddel.md": text}))
    assert "lid 1" in str(refused.value) and "geen ATC-code" in str(refused.value)


def test_editors_set_and_check_codes_in_the_admin(client):
    from django.contrib.auth.models import Group, User

    from medications.roles import CHIEF_EDITOR
    from tests.helpers import admin_form_data

    chief = User.objects.create_user("eind", password="x" * 16, is_staff=True)
    chief.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    client.force_login(chief)
    working = Medication.working_copies.get(slug="jak-remmers")
    url = f"/beheer/medications/medication/{working.pk}/change/"
    page = client.get(url)
    assert "Codes voor andere systemen" in page.content.decode()
    data = admin_form_data(page)
    member_fields = sorted(name for name in data if name.endswith("-atc"))
    assert len(member_fields) == 4
    data[member_fields[0]] = "JAK1"
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "geen ATC-code" in refused.content.decode()
    data[member_fields[0]] = "L04AF02"
    data["atc"] = "L04AF"
    assert client.post(url, data).status_code == 302
    working.refresh_from_db()
    assert working.atc == "L04AF"
