"""The pages patients read, with translated path words: `_("medicijnen/...")` is the Dutch
address and the msgid; locale/<language>/LC_MESSAGES/django.po gives each other language's."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from medications.choices import SectionKind
from medications.printing import views as printing
from medications.site import views
from serving.policy import public_page, safe_methods_only

app_name = "medications"

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path(_("medicijnen/<slug:slug>/"), public_page(views.medication_detail), name="detail"),
    path(
        _("medicijnen/<slug:slug>/print/"),
        public_page(printing.medication_print, params={"onderdeel": SectionKind.canonical}),
        name="print",
    ),
    # A PDF once made is sent as a cached page (keyed on the sections chosen, as the print
    # view): as cheap as a static file, and no request worker waits for WeasyPrint.
    path(
        _("medicijnen/<slug:slug>.pdf"),
        public_page(printing.medication_pdf, params={"onderdeel": SectionKind.canonical}),
        name="pdf",
    ),
    path(_("woordenlijst/"), public_page(views.glossary), name="glossary"),
    # A reader's answer is a POST (no page cache, its own checks: medications/feedback.py).
    path(_("reactie/"), views.send_feedback, name="feedback"),
    path(_("reactie/bedankt/"), safe_methods_only(views.feedback_thanks), name="feedback_thanks"),
]
