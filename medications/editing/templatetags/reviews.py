"""The admin index's list of leaflets whose review is overdue or due within 30 days."""

from django import template

from medications.models import Medication

register = template.Library()

DUE_WITHIN_DAYS = 30


@register.inclusion_tag("admin/medications/review_due.html", takes_context=True)
def review_due_box(context):
    user = context["request"].user
    if not user.has_perm("medications.view_medication"):
        return {"medications": [], "shown": False}
    return {
        "medications": Medication.working_copies.review_due(DUE_WITHIN_DAYS),
        "shown": True,
        "within_days": DUE_WITHIN_DAYS,
    }
