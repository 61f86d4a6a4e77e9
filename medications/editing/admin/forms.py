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


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label="Opmerking voor de redacteur",
        max_length=2000,
        help_text="Wat moet er anders? De redacteur ziet dit bovenaan de folder en krijgt een "
        "e-mail.",
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
    )


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label="Reden",
        max_length=500,
        help_text="Patiënten die het oude webadres of de QR-code op papier gebruiken, lezen "
        "deze reden, bijvoorbeeld: 'Dit medicijn wordt in ons ziekenhuis niet meer gebruikt.'",
        widget=forms.Textarea(attrs={"rows": 3, "cols": 80}),
    )
    confirm = forms.BooleanField(
        label="Ja, haal deze folder offline. Het webadres zegt dan dat de folder is ingetrokken.",
        error_messages={"required": "Vink aan dat u de folder echt offline wilt halen."},
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
