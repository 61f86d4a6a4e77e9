"""The safety box as the hospital signs it off: every alarm sign of the leaflet, "direct" only
where the leaflet says so, only urgent numbers in it, every number with its owner, the
hospital's own route (112 always), and the same on paper; common questions and adaptations."""

import io
import re
import textwrap
from html import unescape

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from reversion.models import Version

from medications.choices import URGENT_PURPOSES, CommonQuestion
from medications.content import load_content
from medications.content.errors import ContentErrors
from medications.models import HospitalContact, Medication
from medications.roles import CHIEF_EDITOR, EDITOR
from tests.conftest import leaflet_text
from tests.helpers import write

pytestmark = pytest.mark.django_db

QUESTION_LINE = "088 75 574 28"


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def safety_box(client, medication):
    page = client.get(medication.get_absolute_url()).content.decode()
    return re.search(r'<section class="urgent".*?</section>', page, re.S).group()


def published():
    medications = list(Medication.objects.published())
    assert len(medications) >= 5
    return medications


def test_every_alarm_sign_of_every_leaflet_is_in_its_safety_box(client):
    for medication in published():
        box = text_of(safety_box(client, medication))
        assert medication.alarm_groups, f"{medication.slug}: no alarm information"
        for group in medication.alarm_groups:
            assert group.title in box, medication.slug
            assert group.action in box, medication.slug
            for sign in group.signs:
                assert sign in box, f"{medication.slug}: '{sign}' missing from the safety box"


def test_the_heading_says_direct_only_where_the_leaflet_says_so(client):
    for medication in published():
        box = safety_box(client, medication)
        direct = any(group.is_direct for group in medication.alarm_groups)
        assert ("Wanneer moet u direct contact opnemen?" in box) is direct, medication.slug
        assert ("Wanneer neemt u contact op?" in box) is not direct, medication.slug
        silent_on_speed = [g for g in medication.alarm_groups if not g.urgency_stated]
        assert text_of(box).count("De folder zegt niet hoe snel u contact moet opnemen.") == len(
            silent_on_speed
        ), medication.slug


def test_no_question_line_in_a_safety_box_and_every_leaflet_number_names_its_owner(client):
    for medication in published():
        box = text_of(safety_box(client, medication))
        page = text_of(client.get(medication.get_absolute_url()).content.decode())
        for contact in medication.leaflet_contacts:
            if not contact.is_urgent:
                assert contact.phone not in box, f"{medication.slug}: {contact.phone} in the box"
            assert f"nummer uit de folder van {contact.owner}" in page, medication.slug


def test_the_hospitals_route_and_112_are_in_every_box_labelled_as_the_hospitals(client):
    write(
        HospitalContact(
            purpose="spoed", name="Spoedeisende Hulp", hours="24 uur per dag", phone="088 111 22 33"
        ),
        HospitalContact(purpose="vragen", name="Apotheek", phone="088 111 22 44"),
    )
    call_command("load_content", verbosity=0)  # nothing changes; the route is read per page
    for medication in published():
        box = text_of(safety_box(client, medication))
        assert "Bij levensbedreigende klachten: bel 112." in box
        assert "Spoedeisende Hulp" in box and "088 111 22 33" in box
        assert "algemene route van het ziekenhuis, niet uit de folder" in box
        assert "088 111 22 44" not in box  # a question line of the hospital: not in the box


def test_without_a_hospital_route_the_box_says_whom_to_ask_and_112(client):
    medication = published()[0]
    box = text_of(safety_box(client, medication))
    assert "Vraag uw arts of verpleegkundige welk nummer u belt als het dringend is" in box
    assert "Bij levensbedreigende klachten: bel 112." in box


def test_infliximab_sends_no_one_to_the_amc_question_line_for_alarm_signs(client):
    """Review I1 (HIGH): 020-5662500 is for questions and appointments, not for alarm signs."""
    infliximab = Medication.objects.get(slug="infliximab")
    box = text_of(safety_box(client, infliximab))
    assert "020-5662500" not in box
    assert "Bel Polikliniek" not in box
    page = text_of(client.get(infliximab.get_absolute_url()).content.decode())
    assert "nummer uit de folder van AMC" in page


def test_anakinra_shows_the_umc_utrecht_line_only_under_questions(client):
    """Review N2 (MEDIUM)."""
    anakinra = Medication.objects.get(slug="anakinra")
    assert QUESTION_LINE not in text_of(safety_box(client, anakinra))
    page = client.get(anakinra.get_absolute_url()).content.decode()
    questions = re.search(r'<section id="vragen".*?</section>', page, re.S).group()
    assert QUESTION_LINE in text_of(questions)
    assert "nummer uit de folder van UMC Utrecht" in text_of(questions)


def test_a_hospital_route_change_reaches_cached_pages_at_once(client):
    medication = published()[0]
    url = medication.get_absolute_url()
    client.get(url)  # cached
    chief = User.objects.create_user("eind", password="x" * 16, is_staff=True)
    chief.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    client.force_login(chief)
    response = client.post(
        "/beheer/medications/hospitalcontact/add/",
        {
            "purpose": "buiten-kantoortijd",
            "name": "Huisartsenpost",
            "hours": "",
            "phone": "0900 1515",
            "position": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    assert "0900 1515" in text_of(safety_box(client, medication))


def test_only_an_eindredacteur_keeps_the_hospital_route(client):
    editor = User.objects.create_user("red", password="x" * 16, is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    client.force_login(editor)
    response = client.post(
        "/beheer/medications/hospitalcontact/add/",
        {"purpose": "spoed", "name": "SEH", "hours": "", "phone": "088 111 22 33", "position": 0},
    )
    assert response.status_code == 403
    assert not HospitalContact.objects.exists()


def test_the_hospital_route_has_a_history(client):
    chief = User.objects.create_user("eind", password="x" * 16, is_staff=True)
    chief.groups.add(Group.objects.get(name=CHIEF_EDITOR))
    client.force_login(chief)
    data = {"purpose": "spoed", "name": "SEH", "hours": "", "phone": "088 111 22 33"}
    client.post("/beheer/medications/hospitalcontact/add/", data | {"position": 0})
    contact = HospitalContact.objects.get()
    client.post(
        f"/beheer/medications/hospitalcontact/{contact.pk}/change/",
        data | {"phone": "088 111 22 99", "position": 0},
    )
    assert Version.objects.get_for_object(contact).count() == 2
    history = client.get(f"/beheer/medications/hospitalcontact/{contact.pk}/history/")
    assert history.status_code == 200


def test_check_deploy_warns_without_an_urgent_hospital_number():
    out = io.StringIO()
    call_command("check", "--deploy", "--tag", "medications", stdout=out, stderr=out)
    assert "medications.W001" in out.getvalue()
    write(HospitalContact(purpose="spoed", name="SEH", phone="088 111 22 33"))
    out = io.StringIO()
    call_command("check", "--deploy", "--tag", "medications", stdout=out, stderr=out)
    assert "medications.W001" not in out.getvalue()


# --- The loader: a number needs its purpose -------------------------------------------------


def load(content_dir, extra_front):
    load_content(content_dir({"testmiddel.md": leaflet_text(extra_front=extra_front)}))


def test_the_loader_refuses_a_number_without_a_purpose_naming_file_and_line(content_dir):
    extra = textwrap.dedent(
        """\
        contacts:
          - owner: Testziekenhuis
            phone: "012-3456789"
        """
    )
    with pytest.raises(ContentErrors) as refused:
        load(content_dir, extra)
    message = str(refused.value)
    assert "testmiddel.md" in message and "regel 13" in message
    assert "'purpose' ontbreekt" in message
    assert not Medication.all_copies.filter(slug="testmiddel").exists()


def test_the_loader_refuses_signs_left_out_and_unknown_urgency(content_dir):
    extra = textwrap.dedent(
        """\
        alarm:
          - title: Infectie
            action: Bel uw arts.
        """
    )
    with pytest.raises(ContentErrors) as refused:
        load(content_dir, extra)
    assert "'signs' ontbreekt" in str(refused.value)
    extra = textwrap.dedent(
        """\
        alarm:
          - title: Infectie
            signs: [koorts]
            action: Bel uw arts.
            urgency: zo-snel-als-het-kan
        """
    )
    with pytest.raises(ContentErrors) as refused:
        load(content_dir, extra)
    assert "Kies uit: direct, niet-genoemd" in str(refused.value)


def test_alarm_contacts_and_questions_load_export_and_render(client, content_dir, tmp_path):
    extra = textwrap.dedent(
        """\
        alarm:
          - title: Tekenen van een infectie
            signs: [koorts, koude rillingen]
            signs_are_examples: true
            action: Neem meteen contact op met uw arts.
            urgency: direct
        contacts:
          - purpose: vragen
            owner: Testziekenhuis
            name: Polikliniek
            phone: "012-3456789"
            note: voor vragen over uw medicijn
        questions:
          alcohol: Met mate mag dat volgens de folder.
        adaptations:
          - Belgische prijzen weggelaten.
        """
    )
    load(content_dir, extra)
    medication = Medication.objects.get(slug="testmiddel")
    page = text_of(client.get(medication.get_absolute_url()).content.decode())
    box = text_of(safety_box(client, medication))
    assert "Wanneer moet u direct contact opnemen?" in box
    assert "De folder noemt bijvoorbeeld deze klachten: koorts koude rillingen" in box
    assert "012-3456789" not in box
    assert "voor vragen over uw medicijn" in page
    assert "Mag ik alcohol drinken? Met mate mag dat volgens de folder." in page
    silent = "De folder zegt hier niets over. Vraag het uw apotheker of arts."
    assert page.count(silent) == len(CommonQuestion) - 1
    assert "Aangepast voor Nederland." in page and "Belgische prijzen weggelaten." in page

    call_command("export_content", str(tmp_path / "export"), verbosity=0)
    exported = (tmp_path / "export" / "leaflets" / "testmiddel.md").read_text()
    assert "purpose: vragen" in exported and "urgency: direct" in exported
    assert "- koude rillingen" in exported


def test_urgent_purposes_are_the_only_ones_in_a_box():
    assert {p.value for p in URGENT_PURPOSES} == {"spoed", "buiten-kantoortijd"}
