"""Four eyes, send-back, the review queue, the e-mails, a recorded review on the page at once,
and withdrawal with a reason (410 at the old address)."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.test import Client

from medications.models import Medication, Publication, ReviewStatus
from tests.medications.test_workflow import (
    NEW_TEXT,
    OLD_TEXT,
    change_url,
    edit_dosing,
    public_page,
    user_with_role,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaflet(content_dir):
    from medications.content import load_content

    load_content(content_dir())
    return Medication.working_copies.get(slug="testmiddel")


def logged_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


@pytest.fixture
def people(django_user_model):
    editor = user_with_role(django_user_model, "Redacteur", "redacteur")
    chief = user_with_role(django_user_model, "Eindredacteur", "chef")
    other_chief = user_with_role(django_user_model, "Eindredacteur", "chef2")
    for user, address in ((editor, "r@example.nl"), (chief, "c@example.nl"), (other_chief, "")):
        user.email = address
        user.save()
    return editor, chief, other_chief


def test_the_last_editor_cannot_publish_their_own_edit(leaflet, people, client):
    _, chief, other_chief = people
    edit_dosing(logged_in(chief), leaflet)

    page = logged_in(chief).get(change_url(leaflet, "publiceren/")).content.decode()
    assert "vier-ogenprincipe" in page and 'value="Publiceren"' not in page
    refused = logged_in(chief).post(change_url(leaflet, "publiceren/"), {"summary": "Zelf"})
    assert refused.status_code == 200 and OLD_TEXT in public_page(client)

    done = logged_in(other_chief).post(change_url(leaflet, "publiceren/"), {"summary": "Nieuw"})
    assert done.status_code == 302 and NEW_TEXT in public_page(client)


def test_a_small_hospital_may_allow_it_and_the_log_says_so(leaflet, people, client, settings):
    settings.ALLOW_SELF_PUBLISH = True
    _, chief, _ = people
    edit_dosing(logged_in(chief), leaflet)

    done = logged_in(chief).post(change_url(leaflet, "publiceren/"), {"summary": "Zelf"})

    assert done.status_code == 302 and NEW_TEXT in public_page(client)
    assert LogEntry.objects.filter(change_message__contains="vier-ogenprincipe uit").exists()


def test_submit_mails_the_chief_editors_and_fills_the_queue(
    leaflet, people, django_capture_on_commit_callbacks
):
    editor, chief, _ = people
    edit_dosing(logged_in(editor), leaflet)
    with django_capture_on_commit_callbacks(execute=True):  # mails go when the step commits
        logged_in(editor).post(change_url(leaflet, "aanbieden/"))

    assert [message.to for message in mail.outbox] == [["c@example.nl"]]
    assert mail.outbox[0].subject == "Te beoordelen: Testmiddel"
    assert f"/beheer/medications/medication/{leaflet.pk}/change/" in mail.outbox[0].body
    queue = logged_in(chief).get("/beheer/medications/medication/te-beoordelen/")
    assert "Testmiddel" in queue.content.decode() and "redacteur" in queue.content.decode()
    assert logged_in(editor).get("/beheer/medications/medication/te-beoordelen/").status_code == 403


def test_send_back_with_a_comment_the_editor_sees_and_gets_by_mail(
    leaflet, people, django_capture_on_commit_callbacks
):
    editor, chief, _ = people
    edit_dosing(logged_in(editor), leaflet)
    logged_in(editor).post(change_url(leaflet, "aanbieden/"))
    mail.outbox.clear()

    assert (
        logged_in(editor).post(change_url(leaflet, "terugsturen/"), {"comment": "x"}).status_code
        == 403
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(chief).post(
            change_url(leaflet, "terugsturen/"), {"comment": "Noem de dosis bij nierziekte."}
        )

    assert response.status_code == 302
    leaflet.refresh_from_db()
    assert leaflet.status == ReviewStatus.DRAFT
    form = logged_in(editor).get(change_url(leaflet)).content.decode()
    assert "Teruggestuurd door chef" in form and "Noem de dosis bij nierziekte." in form
    assert [message.to for message in mail.outbox] == [["r@example.nl"]]
    assert "Noem de dosis bij nierziekte." in mail.outbox[0].body
    logged_in(editor).post(change_url(leaflet, "aanbieden/"))
    leaflet.refresh_from_db()
    assert leaflet.returned_comment == ""  # offered again: the comment has been dealt with


def test_weekly_digest_of_reviews_due(leaflet, people):
    call_command("review_due", "--days", "2000", "--mail")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["c@example.nl"]
    assert "Testmiddel" in mail.outbox[0].body


def test_a_recorded_review_reaches_the_page_at_once(leaflet, people, client):
    _, chief, _ = people
    before = Publication.objects.count()
    logged_in(chief).post(change_url(leaflet, "gecontroleerd/"), {"reviewed_on": "2026-11-30"})

    assert "30 november 2026" in public_page(client)
    assert Publication.objects.count() == before  # no "what changed" line for patients


def test_withdrawal_asks_a_reason_and_the_old_address_answers_410(leaflet, people, client):
    _, chief, _ = people
    url = change_url(leaflet, "offline-halen/")
    assert logged_in(chief).post(url, {"reason": "Vervangen."}).status_code == 200  # no confirm
    assert client.get("/medicijnen/testmiddel/").status_code == 200

    logged_in(chief).post(url, {"reason": "Vervangen door een nieuwe folder.", "confirm": "on"})

    for address in ("/medicijnen/testmiddel/", "/medicijnen/testmiddel/print/"):
        gone = client.get(address)
        assert gone.status_code == 410
        page = gone.content.decode()
        assert "Deze folder is ingetrokken" in page
        assert "Vervangen door een nieuwe folder." in page
    assert client.get("/medicijnen/bestaat-niet/").status_code == 404
