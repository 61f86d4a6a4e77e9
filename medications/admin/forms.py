"""The small forms of the editors' workflow."""

from django import forms
from django.utils import timezone

from medications.validators import validate_not_in_future


class PublishForm(forms.Form):
    summary = forms.CharField(
        label="Wat is er veranderd?",
        max_length=200,
        help_text="Eén regel voor patiënten, bijvoorbeeld: 'Nieuwe dosering bij nierziekte'. "
        "Deze zin staat op de pagina onder 'Wat is er veranderd?'.",
        widget=forms.TextInput(attrs={"size": 80}),
    )


class ReviewForm(forms.Form):
    reviewed_on = forms.DateField(
        label="Gecontroleerd op",
        initial=timezone.localdate,
        validators=[validate_not_in_future],
        help_text="De dag waarop de inhoud naast de bronfolder is gelegd.",
    )
    next_review = forms.DateField(
        label="Volgende controle",
        required=False,
        help_text="Leeg: de vaste termijn na deze controle.",
    )
