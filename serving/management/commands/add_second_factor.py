"""`manage.py add_second_factor USERNAME`: a staff member's second factor, made by an
administrator: a new authenticator-app key (its QR code printed here, to scan) and ten
recovery codes, each good once. Any earlier key and codes of that person stop working."""

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10


class Command(BaseCommand):
    help = "Geeft een medewerker een nieuwe tweede factor: app-sleutel (QR-code) en herstelcodes."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"Er is geen account met gebruikersnaam {username!r}.")
        app, codes = add_second_factor(user)
        self.stdout.write(f"Scan deze QR-code met een authenticator-app ({username}):\n")
        segno.make(app.config_url, error="m").terminal(out=self.stdout._out, compact=True)
        self.stdout.write(f"\nOf voer de sleutel in: {app.config_url}\n")
        self.stdout.write("Herstelcodes (elk één keer te gebruiken, bewaar ze veilig):")
        for code in codes:
            self.stdout.write(f"  {code}")


@transaction.atomic
def add_second_factor(user):
    """(the TOTP device, the recovery codes) of `user`, replacing any they had."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    app = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="herstelcodes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    return app, codes
