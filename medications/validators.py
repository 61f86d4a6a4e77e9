"""Field rules of the domain, used by the models and so by every form and the loader."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils import timezone

SOURCE_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

validate_lowercase_slug = RegexValidator(
    r"^[a-z0-9]+(?:-[a-z0-9]+)*\Z",
    "slug '%(value)s' mag alleen kleine letters, cijfers en '-' bevatten.",
    code="invalid",
)


def validate_source_date(value):
    """A year, a month or a day: '2016', '2020-05' or '2020-05-01'."""
    if not is_source_date(value):
        raise ValidationError(
            '\'%(value)s\' is geen geldige datum; schrijf "2016", "2020-05" of "2020-05-01".',
            code="invalid",
            params={"value": value},
        )


def is_source_date(text):
    if not SOURCE_DATE.match(text):
        return False
    parts = [int(part) for part in text.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def validate_not_in_future(value):
    if value > timezone.localdate():
        raise ValidationError(
            "de datum %(value)s ligt in de toekomst.", code="future", params={"value": value}
        )


# An ATC code (WHO ATC/DDD index): a group (level 4, 'L04AF') or a substance (level 5,
# 'L04AF01'). Identifies a medicine for other systems; never shown to patients as advice.
ATC_CODE = re.compile(r"^[A-Z][0-9]{2}[A-Z]{2}(?:[0-9]{2})?\Z")

validate_atc_code = RegexValidator(
    ATC_CODE,
    "'%(value)s' is geen ATC-code; schrijf bijvoorbeeld L04AX01 (of een groep: L04AF).",
    code="invalid",
)


PHONE_NUMBER = re.compile(r"^\+?[0-9][0-9 ()-]{5,22}[0-9]$")


def validate_phone(value):
    """A phone number as people write it: digits, spaces, '-', '(' and ')', maybe a '+'."""
    if not PHONE_NUMBER.match(value.strip()):
        raise ValidationError(
            "'%(value)s' is geen telefoonnummer; schrijf bijvoorbeeld 020-566 2500.",
            code="invalid",
            params={"value": value},
        )
