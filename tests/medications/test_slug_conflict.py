"""Publishing a working copy whose web address a live leaflet still has: a Dutch form error
that says what to do, nothing changed (on the old code: a bare 500 from the database)."""

import pytest
from django.contrib.auth.models import Group

from medications.models import Medication

pytestmark = pytest.mark.django_db


def test_a_slug_still_in_use_is_a_dutch_form_error(client, django_user_model):
    chief = django_user_model.objects.create_user("chef", is_staff=True)
    chief.groups.add(Group.objects.get(name="Eindredacteur"))
    client.force_login(chief)
    Medication.working_copies.filter(slug="anakinra").update(slug="anakinra-oud")
    Medication.working_copies.filter(slug="azathioprine").update(slug="anakinra")
    working = Medication.working_copies.get(slug="anakinra")

    response = client.post(
        f"/beheer/medications/medication/{working.pk}/publiceren/",
        {"summary": "Nieuw webadres"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Het webadres &#x27;anakinra&#x27; is nog van de gepubliceerde folder" in page
    assert "Anakinra" in client.get("/medicijnen/anakinra/").content.decode()
    assert client.get("/medicijnen/azathioprine/").status_code == 200
