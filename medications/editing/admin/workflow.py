"""The workflow's pages in the admin, per leaflet: preview (page, print view, PDF; in each
language, so a translation's reviewer sees the draft translation as patients will), submit for
review, send back with a comment, publish with a summary (four eyes), withdraw with a reason,
record a review, versions with their differences, restore; and the "Te beoordelen" queue.

Each view is made for the MedicationAdmin (`view(model_admin)`) and wrapped by the admin
site, so only logged-in staff reach it; each checks the permission its step needs.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation

from medications import publishing
from medications.editing import history
from medications.editing.admin.forms import PublishForm, ReviewForm, SendBackForm, WithdrawForm
from medications.models import Medication, ReviewStatus
from medications.printing.views import pdf_response, render_print
from medications.publishing import four_eyes
from medications.site.views import render_leaflet
from medications.translation_status import translation_languages

ROUTES = [
    # Before "voorbeeld/": the admin's <path:object_id> would take "12/vertaling/en" whole.
    ("vertaling/<str:language>/voorbeeld/", "translated_preview"),
    ("vertaling/<str:language>/voorbeeld/print/", "translated_preview_print"),
    ("vertaling/<str:language>/voorbeeld/pdf/", "translated_preview_pdf"),
    ("voorbeeld/", "preview"),
    ("voorbeeld/print/", "preview_print"),
    ("voorbeeld/pdf/", "preview_pdf"),
    ("aanbieden/", "submit"),
    ("terugsturen/", "send_back"),
    ("publiceren/", "publish"),
    ("offline-halen/", "withdraw"),
    ("gecontroleerd/", "review"),
    ("versies/", "versions"),
    ("versies/vergelijk/", "compare"),
    ("versies/<int:version_id>/terugzetten/", "restore"),
]
PERMISSIONS = {
    "view": None,
    "change": None,
    "publish": "medications.publish_medication",
    "review": "medications.review_medication",
}


def url_name(name):
    return f"medications_medication_{name}"


def working_copy(model_admin, request, object_id, needs):
    """The working copy, if the user may take this step on it (else 403; unknown: 404)."""
    medication = model_admin.get_object(request, object_id)
    if medication is None:
        raise Http404("Deze folder bestaat niet.")
    allowed = {
        "view": model_admin.has_view_permission(request, medication),
        "change": model_admin.has_change_permission(request, medication),
    }.get(needs)
    if allowed is None:
        allowed = request.user.has_perm(PERMISSIONS[needs])
    if not allowed:
        raise PermissionDenied
    return Medication.working_copies.with_page_content().get(pk=medication.pk)


def page(model_admin, request, medication, template, title, **context):
    return TemplateResponse(
        request,
        f"admin/medications/medication/{template}",
        {
            **model_admin.admin_site.each_context(request),
            "opts": Medication._meta,
            "original": medication,
            "title": title,
            "change_url": reverse("admin:medications_medication_change", args=[medication.pk]),
            **context,
        },
    )


def private(response):
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


# --- Preview ------------------------------------------------------------------------------


def preview_of(render):
    """A private view of the working copy in the real layout: `render` is the public page's,
    print view's or PDF's own. With a `language` (a translation's preview), the working
    copy's words in that language, draft or not, with the page's interface in it."""

    def factory(model_admin):
        def view(request, object_id, language=None):
            if language is not None and language not in translation_languages():
                raise Http404("Deze taal heeft de website niet.")
            medication = working_copy(model_admin, request, object_id, "view")
            with translation.override(language or translation.get_language()):
                return private(render(request, medication, preview=True))

        return view

    return factory


preview = translated_preview = preview_of(render_leaflet)
preview_print = translated_preview_print = preview_of(render_print)
preview_pdf = translated_preview_pdf = preview_of(pdf_response)


# --- Steps --------------------------------------------------------------------------------


def submit(model_admin):
    def view(request, object_id):
        medication = working_copy(model_admin, request, object_id, "change")
        if request.method == "POST":
            publishing.submit_for_review(medication, request.user)
            messages.success(request, f"'{medication}' is aangeboden ter beoordeling.")
            return redirect("admin:medications_medication_change", medication.pk)
        return page(
            model_admin,
            request,
            medication,
            "submit.html",
            f"'{medication}' ter beoordeling aanbieden",
        )

    return view


def publish(model_admin):
    def view(request, object_id):
        medication = working_copy(model_admin, request, object_id, "publish")
        form = PublishForm(request.POST or None)
        own_edit = four_eyes.is_own_edit(medication, request.user)
        refused = own_edit and not settings.ALLOW_SELF_PUBLISH
        if request.method == "POST" and form.is_valid():
            try:
                publishing.publish(medication, request.user, form.cleaned_data["summary"])
            except four_eyes.SelfPublishRefused as refusal:
                messages.error(request, str(refusal))
            except publishing.SlugTaken as taken:
                form.add_error(None, taken)
            else:
                messages.success(request, f"'{medication}' is gepubliceerd.")
                return redirect("admin:medications_medication_change", medication.pk)
        versions = list(history.versions_of(medication)[:1])
        return page(
            model_admin,
            request,
            medication,
            "publish.html",
            f"'{medication}' publiceren",
            form=form,
            own_edit=own_edit,
            refused=refused,
            differences=differences_from_live(medication, versions),
        )

    return view


def send_back(model_admin):
    def view(request, object_id):
        medication = working_copy(model_admin, request, object_id, "publish")
        form = SendBackForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            publishing.send_back(medication, request.user, form.cleaned_data["comment"])
            messages.success(request, f"'{medication}' is teruggestuurd naar de redacteur.")
            return redirect("admin:medications_review_queue")
        return page(
            model_admin,
            request,
            medication,
            "send_back.html",
            f"'{medication}' terugsturen",
            form=form,
        )

    return view


def withdraw(model_admin):
    def view(request, object_id):
        medication = working_copy(model_admin, request, object_id, "publish")
        form = WithdrawForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            reason = form.cleaned_data["reason"]
            publishing.unpublish(medication, request.user, reason=reason)
            messages.success(request, f"'{medication}' is offline gehaald: {reason}")
            return redirect("admin:medications_medication_change", medication.pk)
        return page(
            model_admin,
            request,
            medication,
            "withdraw.html",
            f"'{medication}' offline halen",
            form=form,
            public_url=medication.get_absolute_url(),
        )

    return view


def review_queue(model_admin):
    """Leaflets offered for review, oldest first: the Eindredacteuren's work list."""

    def view(request):
        if not request.user.has_perm(PERMISSIONS["publish"]):
            raise PermissionDenied
        waiting = (
            Medication.working_copies.filter(status=ReviewStatus.IN_REVIEW)
            .select_related("submitted_by")
            .order_by("submitted_at", "name")
        )
        return TemplateResponse(
            request,
            "admin/medications/review_queue.html",
            {
                **model_admin.admin_site.each_context(request),
                "opts": Medication._meta,
                "title": "Te beoordelen",
                "waiting": [
                    (medication, four_eyes.is_own_edit(medication, request.user))
                    for medication in waiting
                ],
            },
        )

    return view


def differences_from_live(medication, versions):
    """What patients will see change: the newest version against the last one published."""
    live = publishing.live_copy_of(medication)
    published = [p for p in medication.publications.all()]
    if not versions or live is None or not published:
        return None
    last_published = published[0].published_at
    older = history.versions_of(medication).filter(revision__date_created__lte=last_published)
    before = older.first()
    if before is None:
        return None
    return history.differences(history.snapshot(before), history.snapshot(versions[0]))


def review(model_admin):
    def view(request, object_id):
        medication = working_copy(model_admin, request, object_id, "review")
        form = ReviewForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            publishing.record_review(
                medication,
                request.user,
                form.cleaned_data["reviewed_on"],
                form.cleaned_data["next_review"],
            )
            messages.success(request, f"De controle van '{medication}' is vastgelegd.")
            return redirect("admin:medications_medication_change", medication.pk)
        return page(
            model_admin,
            request,
            medication,
            "review.html",
            f"Controle van '{medication}' vastleggen",
            form=form,
        )

    return view


# --- Versions -----------------------------------------------------------------------------


def versions(model_admin):
    def view(request, object_id):
        medication = working_copy(model_admin, request, object_id, "view")
        return page(
            model_admin,
            request,
            medication,
            "versions.html",
            f"Versies van '{medication}'",
            versions=history.versions_of(medication),
            publications=medication.publications.all(),
            may_restore=request.user.has_perm(PERMISSIONS["publish"]),
        )

    return view


def compare(model_admin):
    def view(request, object_id):
        medication = working_copy(model_admin, request, object_id, "view")
        chosen = history.versions_of(medication)
        try:
            old = chosen.get(pk=int(request.GET.get("van", "")))
            new = chosen.get(pk=int(request.GET.get("naar", "")))
        except (ValueError, chosen.model.DoesNotExist):
            messages.error(request, "Kies twee versies om te vergelijken.")
            return redirect(f"admin:{url_name('versions')}", medication.pk)
        if old.revision.date_created > new.revision.date_created:
            old, new = new, old
        return page(
            model_admin,
            request,
            medication,
            "compare.html",
            f"Verschillen in '{medication}'",
            old=old,
            new=new,
            differences=history.differences(history.snapshot(old), history.snapshot(new)),
        )

    return view


def restore(model_admin):
    def view(request, object_id, version_id):
        medication = working_copy(model_admin, request, object_id, "publish")
        version = history.versions_of(medication).filter(pk=version_id).first()
        if version is None:
            raise Http404("Deze versie bestaat niet.")
        if request.method == "POST":
            history.restore(medication, version, request.user)
            messages.success(
                request,
                "De oude versie is teruggezet als nieuwe versie (een concept). Publiceer hem "
                "om hem aan patiënten te tonen.",
            )
            return redirect("admin:medications_medication_change", medication.pk)
        current = history.versions_of(medication).first()
        return page(
            model_admin,
            request,
            medication,
            "restore.html",
            f"Oude versie van '{medication}' terugzetten",
            version=version,
            differences=history.differences(history.snapshot(current), history.snapshot(version))
            if current
            else [],
        )

    return view
