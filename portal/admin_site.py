"""The editors' admin with a second factor (django-otp, TOTP with recovery codes).

With PORTAL_REQUIRE_2FA on (the default) a staff member signs in with username, password and
the six-digit code of an authenticator app, or one of their recovery codes; a session that
was not verified that way is not let in, whatever else it has. An administrator gives each
editor their app's QR code and recovery codes with `manage.py add_second_factor USERNAME`.
PORTAL_REQUIRE_2FA=0 is for a test installation only (`check --deploy` warns).
"""

from django import forms
from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice


class SecondFactorLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """Username and password, then one code: six digits are the app's, anything else is a
    recovery code. Nobody chooses a device; a wrong code counts against that one only."""

    otp_device = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_challenge = forms.CharField(required=False, widget=forms.HiddenInput)
    otp_token = forms.CharField(
        label="Code",
        required=False,
        max_length=16,
        help_text="De 6 cijfers uit uw authenticator-app, of een van uw herstelcodes.",
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": "Vul de code uit uw authenticator-app in.",
        "device_required": "Deze code klopt niet. Vul de code in die de app nu laat zien.",
        "invalid_token": "Deze code klopt niet. Vul de code in die de app nu laat zien.",
        "verification_not_allowed": "Even geen codes: wacht een minuut en probeer het opnieuw.",
        "n_failed_attempts": "Te veel verkeerde codes. Wacht even en probeer het opnieuw.",
    }

    def clean(self):
        cleaned = super().clean()
        self.clean_otp(self.get_user())
        return cleaned

    def _chosen_device(self, user):
        code = (self.cleaned_data.get("otp_token") or "").strip()
        kind = TOTPDevice if len(code) == 6 and code.isdigit() else StaticDevice
        return kind.objects.filter(user=user, confirmed=True).first()


class PortalAdminSite(AdminSite):
    @property
    def login_form(self):
        return SecondFactorLoginForm if settings.REQUIRE_2FA else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.REQUIRE_2FA or request.user.is_verified()
