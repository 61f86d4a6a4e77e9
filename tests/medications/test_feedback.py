"""'Heeft deze informatie u geholpen?': an answer is stored without anything about the reader,
only from our own pages, a few times an hour per client, and editors read it in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from medications.models import Feedback, Medication

pytestmark = pytest.mark.django_db

ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()  # django-ratelimit counts in the cache
    yield
    cache.clear()


def answer(client, helpful="ja", **fields):
    data = {"medicijn": "azathioprine", "helpful": helpful, **fields}
    return client.post("/reactie/", data, **ORIGIN)


def test_the_form_is_on_every_leaflet_without_a_token_or_a_cookie(client):
    response = client.get("/medicijnen/azathioprine/")
    page = response.content.decode()

    assert '<form class="feedback-form" method="post" action="/reactie/">' in page
    assert "csrfmiddlewaretoken" not in page
    assert not response.cookies
    assert '<option value="dosering">Hoe gebruikt u azathioprine?</option>' in page


def test_a_vote_is_stored_with_the_leaflet_and_section_and_nothing_about_the_reader(client):
    response = answer(client, "nee", section_kind="dosering", comment="Te moeilijke woorden.")

    assert response.status_code == 302
    assert response["Location"] == "/reactie/bedankt/?medicijn=azathioprine"
    assert not response.cookies
    (feedback,) = Feedback.objects.all()
    working = Medication.working_copies.get(slug="azathioprine")
    assert (feedback.medication, feedback.section_kind, feedback.helpful) == (
        working,
        "dosering",
        False,
    )
    assert feedback.page == "/medicijnen/azathioprine/"
    assert feedback.comment == "Te moeilijke woorden."
    stored = {field.name for field in Feedback._meta.get_fields()}
    assert stored == {
        "id",
        "medication",
        "page",
        "section_kind",
        "helpful",
        "comment",
        "created_on",
    }

    thanks = client.get(response["Location"])
    assert "Bedankt voor uw reactie" in thanks.content.decode()
    assert 'href="/medicijnen/azathioprine/"' in thanks.content.decode()
    assert not thanks.cookies


def test_too_many_answers_from_one_client_are_refused_kindly(client):
    for _ in range(10):
        assert answer(client).status_code == 302

    response = answer(client)

    assert response.status_code == 429
    assert "U heeft al vaak gereageerd" in response.content.decode()
    assert Feedback.objects.count() == 10


def test_an_answer_from_another_site_is_refused(client):
    response = client.post(
        "/reactie/",
        {"medicijn": "azathioprine", "helpful": "ja"},
        HTTP_ORIGIN="https://kwaadwillend.example",
    )
    assert response.status_code == 403
    no_origin = client.post("/reactie/", {"medicijn": "azathioprine", "helpful": "ja"})
    assert no_origin.status_code == 403
    referer = client.post(
        "/reactie/",
        {"medicijn": "azathioprine", "helpful": "ja"},
        HTTP_REFERER="http://testserver/medicijnen/azathioprine/",
    )
    assert referer.status_code == 302
    assert Feedback.objects.count() == 1


def test_a_missing_answer_or_a_long_comment_is_explained_and_not_stored(client):
    response = client.post("/reactie/", {"medicijn": "azathioprine"}, **ORIGIN)
    assert response.status_code == 400
    assert "Kies ja of nee." in response.content.decode()

    response = answer(client, comment="x" * 501)
    assert response.status_code == 400
    assert "Schrijf hoogstens 500 tekens." in response.content.decode()
    assert not Feedback.objects.exists()
    assert client.get("/reactie/").status_code == 405


def test_both_editor_roles_read_feedback_in_the_admin_and_nobody_changes_it(
    client, admin_client, django_user_model
):
    answer(client, "ja")
    answer(client, "nee", comment="Meer over reizen graag.")
    for role in ("Redacteur", "Eindredacteur"):
        codenames = set(Group.objects.get(name=role).permissions.values_list("codename", flat=True))
        assert "view_feedback" in codenames

    page = admin_client.get("/beheer/medications/feedback/").content.decode()

    assert "Meer over reizen graag." in page
    assert "Azathioprine (2)" in page  # answers per leaflet
    assert "Ja (1)" in page and "Nee (1)" in page
    feedback = Feedback.objects.first()
    change = admin_client.post(f"/beheer/medications/feedback/{feedback.pk}/change/", {})
    assert change.status_code in (302, 403) and Feedback.objects.count() == 2
    assert admin_client.get("/beheer/medications/feedback/add/").status_code == 403
