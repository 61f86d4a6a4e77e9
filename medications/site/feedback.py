"""Readers' feedback: "Heeft deze informatie u geholpen?" under each page.

The form is a plain POST without a CSRF token, because a page is cached whole for every
visitor and cannot carry anyone's own token (the view is csrf_exempt). What protects it
instead: the request must come from one of our own pages (its Origin, or else its Referer,
names this host, see `comes_from_this_site`), the answer is anonymous and harmless, and each
client may answer a few times an hour (django-ratelimit on the IP address, which is counted
in the cache and never stored with the answer).
"""

from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext_lazy as _

from medications.models import Feedback, Medication

RATE = "10/h"


class FeedbackForm(forms.ModelForm):
    """What a reader sends: the answer, optionally a section and a comment, and the page."""

    helpful = forms.TypedChoiceField(
        label=_("Heeft deze informatie u geholpen?"),
        choices=[("ja", _("Ja")), ("nee", _("Nee"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies ja of nee.")},
    )
    medicijn = forms.SlugField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Feedback
        fields = ["helpful", "section_kind", "comment"]
        labels = {
            "section_kind": _("Over welk onderdeel gaat het? (hoeft niet)"),
            "comment": _("Wilt u iets toelichten? (hoeft niet)"),
        }
        error_messages = {
            "comment": {
                "max_length": _("Schrijf hoogstens %(limit_value)d tekens."),
            }
        }

    def clean_medicijn(self):
        slug = self.cleaned_data["medicijn"]
        if not slug:
            return None
        medication = Medication.objects.published().filter(slug=slug).first()
        if medication is None:
            raise forms.ValidationError(_("Deze folder bestaat niet (meer)."))
        return medication

    def save(self, commit=True):
        """Stores the answer with the leaflet's working copy (the one the admin shows)."""
        feedback = super().save(commit=False)
        medication = self.cleaned_data.get("medicijn")
        if medication is not None:
            feedback.medication_id = medication.working_copy_id
            feedback.page = medication.get_absolute_url()
        else:
            feedback.page = "/"
        if commit:
            feedback.save()
        return feedback

    @property
    def medication(self):
        return self.cleaned_data.get("medicijn") if hasattr(self, "cleaned_data") else None


def section_choices(medication):
    """The sections a reader may name, in page order, after 'the whole page'."""
    return [("", _("De hele pagina"))] + [
        (section.kind, section.heading) for section in medication.ordered_sections
    ]


def comes_from_this_site(request):
    """True when the browser says the form was sent from a page of this host. Browsers send
    Origin with every POST; where a privacy setting drops it, the Referer (our pages send it
    to themselves: Referrer-Policy same-origin) must name this host. Neither: refused."""
    source = request.headers.get("Origin") or request.headers.get("Referer") or ""
    if not source or source == "null":
        return False
    return urlsplit(source).netloc == request.get_host()
