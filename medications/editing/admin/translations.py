"""Translations in the admin: each language of a leaflet with its own steps (offer for
review, send back, publish: four eyes), and "Vertalingen verouderd": the published
translations whose Dutch text was published with changes since they were reviewed, with
the Dutch words to carry over (old and new Dutch text, word by word) and the Dutch
publications' summaries since."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse

from medications import publishing, translation_status
from medications.editing import history
from medications.editing.admin.workflow import page, working_copy
from medications.models import Medication, ReviewStatus, Translation
from medications.publishing import four_eyes

PUBLISH = "medications.publish_medication"


def languages_changed(forms_and_formsets):
    """The languages whose fields changed in these forms (or formsets): a translated
    field's column ends in its language (`name_en`); any other field is the source's."""
    suffixes = {f"_{code.replace('-', '_')}": code for code, _ in settings.LANGUAGES}
    changed = set()
    for item in forms_and_formsets:
        for form in getattr(item, "forms", [item]):
            if not form.has_changed():
                continue
            for name in form.changed_data:
                language = next((c for s, c in suffixes.items() if name.endswith(s)), None)
                changed.add(language or settings.LANGUAGE_CODE)
    return changed


class StepForm(forms.Form):
    step = forms.ChoiceField(
        choices=[
            ("aanbieden", "aanbieden"),
            ("publiceren", "publiceren"),
            ("terugsturen", "terugsturen"),
        ]
    )
    comment = forms.CharField(label="Opmerking bij terugsturen", required=False, max_length=2000)


def translation_steps(model_admin):
    """One language of one leaflet: its state, and the step the user may take."""

    def view(request, object_id, language):
        if language not in translation_status.translation_languages():
            raise Http404("Deze taal heeft de website niet.")
        medication = working_copy(model_admin, request, object_id, "view")
        translation = Translation.objects.filter(medication=medication, language=language).first()
        form = StepForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            done = take_step(request, model_admin, medication, language, form.cleaned_data)
            if done:
                messages.success(request, done)
                return redirect("admin:medications_medication_translation", medication.pk, language)
        may_publish = request.user.has_perm(PUBLISH)
        return page(
            model_admin,
            request,
            medication,
            "translation.html",
            f"Vertaling '{language}' van '{medication}'",
            translation=translation,
            language=language,
            form=form,
            may_change=model_admin.has_change_permission(request, medication),
            may_publish=may_publish,
            own_edit=translation is not None and translation.edited_by_id == request.user.pk,
            outdated=translation_status.outdated_parts(medication.live_copy, language)
            if hasattr(medication, "live_copy")
            else None,
        )

    return view


def take_step(request, model_admin, medication, language, data):
    step, user = data["step"], request.user
    if step == "aanbieden":
        if not model_admin.has_change_permission(request, medication):
            raise PermissionDenied
        publishing.submit_translation(medication, language, user)
        return "De vertaling is aangeboden ter beoordeling."
    if not user.has_perm(PUBLISH):
        raise PermissionDenied
    if step == "terugsturen":
        publishing.send_back_translation(medication, language, user, data["comment"])
        return "De vertaling is teruggestuurd."
    try:
        publishing.publish_translation(medication, language, user)
    except four_eyes.SelfPublishRefused as refusal:
        messages.error(request, str(refusal))
        return None
    return "De vertaling is gepubliceerd: patiënten zien haar nu."


def translation_list(model_admin):
    """ "Vertalingen verouderd" (with the Dutch changes to carry over) and the translations
    offered for review."""

    def view(request):
        if not model_admin.has_view_permission(request):
            raise PermissionDenied
        outdated = [
            {
                "item": item,
                "changes": [
                    {
                        "label": translation_status.part_label(part),
                        "diff": history.word_diff(
                            item.source_before.get(part, ""), item.source_now.get(part, "")
                        ),
                    }
                    for part in item.outdated.parts
                ],
            }
            for item in translation_status.outdated_translations()
        ]
        waiting = Translation.objects.filter(status=ReviewStatus.IN_REVIEW).select_related(
            "medication", "submitted_by"
        )
        return TemplateResponse(
            request,
            "admin/medications/translations.html",
            {
                **model_admin.admin_site.each_context(request),
                "opts": Medication._meta,
                "title": "Vertalingen verouderd",
                "outdated": outdated,
                "waiting": waiting,
            },
        )

    return view
