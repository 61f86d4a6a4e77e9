"""A leaflet's safety information as data: its alarm groups, its phone numbers with their
purpose and owner, and its answers to the fixed common questions.

The values are stored as JSON on the leaflet (one column each, so a working copy, its live
copy and its history carry them whole) and written by editors as YAML, in a content file's
front matter or in the admin. `clean_*` checks what an editor wrote and returns the stored
form; the dataclasses are what the pages read. Everything a patient reads here comes from
the leaflet: the hospital's own route is added by the templates, labelled as the hospital's.
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from medications.choices import URGENT_PURPOSES, CommonQuestion, ContactPurpose, Urgency
from medications.validators import PHONE_NUMBER

ALARM_KEYS = {"title", "applies_to", "signs", "signs_are_examples", "action", "urgency"}
CONTACT_KEYS = {"purpose", "owner", "name", "phone", "note"}
MAX_TEXT = 600


@dataclass(frozen=True)
class AlarmGroup:
    """One situation the leaflet names, with every sign it lists and what it says to do."""

    title: str
    signs: tuple
    action: str
    urgency: str = Urgency.NOT_STATED
    applies_to: str = ""
    signs_are_examples: bool = False

    @property
    def is_direct(self):
        return self.urgency == Urgency.DIRECT

    @property
    def urgency_stated(self):
        return self.urgency != Urgency.NOT_STATED


@dataclass(frozen=True)
class LeafletContact:
    """A phone number from the leaflet: what it is for and whose number it is."""

    purpose: str
    owner: str
    phone: str
    name: str = ""
    note: str = ""

    @property
    def is_urgent(self):
        return self.purpose in URGENT_PURPOSES

    @property
    def purpose_label(self):
        return ContactPurpose(self.purpose).label

    @property
    def tel(self):
        return tel_digits(self.phone)


@dataclass(frozen=True)
class Answer:
    """A common question and the leaflet's answer ('' when the leaflet says nothing)."""

    code: str
    question: str
    answer: str


def tel_digits(phone):
    """The number for a tel: link: digits and a leading +, nothing else."""
    return re.sub(r"(?!^\+)\D", "", phone.strip())


def alarm_groups(value):
    return [AlarmGroup(**{**item, "signs": tuple(item["signs"])}) for item in value or []]


def leaflet_contacts(value):
    return [LeafletContact(**item) for item in value or []]


def answers(value):
    value = value or {}
    return [
        Answer(question.value, question.label, value.get(question.value, ""))
        for question in CommonQuestion
    ]


# --- Checking what an editor wrote ----------------------------------------------------------


def text(value, where, required=True):
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(f"{where} ontbreekt of is leeg.")
        return ""
    if not isinstance(value, str | int | float) or isinstance(value, bool):
        raise ValidationError(f"{where} moet tekst zijn.")
    cleaned = " ".join(str(value).split())
    if len(cleaned) > MAX_TEXT:
        raise ValidationError(f"{where} is te lang: hoogstens {MAX_TEXT} tekens.")
    return cleaned


def mapping(item, keys, where, example):
    if not isinstance(item, dict):
        raise ValidationError(f"{where} moet velden hebben, zoals {example}.")
    unknown = sorted(map(str, set(item) - keys))
    if unknown:
        raise ValidationError(
            f"{where}: onbekend veld {', '.join(unknown)}. Bekend: {', '.join(sorted(keys))}."
        )
    return item


def choice(value, choices, where):
    if value not in choices.values:
        raise ValidationError(f"{where} is '{value}'. Kies uit: {', '.join(choices.values)}.")
    return value


def clean_alarm(value):
    """The `alarm:` list: each group a situation with its signs, action and urgency."""
    if value in (None, "", []):
        return []
    if not isinstance(value, list):
        raise ValidationError("moet een lijst van situaties zijn, elk met '- title: ...'.")
    groups = []
    for number, item in enumerate(value, start=1):
        where = f"situatie {number}"
        item = mapping(item, ALARM_KEYS, where, "title:, signs:, action:")
        signs = item.get("signs")
        if signs is None:
            raise ValidationError(
                f"{where}: 'signs' ontbreekt. Noem elke klacht uit de folder, of schrijf "
                "'signs: []' als de folder geen klachten noemt."
            )
        if not isinstance(signs, list):
            raise ValidationError(f"{where}: 'signs' moet een lijst zijn, met '- ...' per klacht.")
        examples = item.get("signs_are_examples", False)
        if not isinstance(examples, bool):
            raise ValidationError(f"{where}: 'signs_are_examples' moet true of false zijn.")
        groups.append(
            {
                "title": text(item.get("title"), f"{where}: 'title'"),
                "applies_to": text(item.get("applies_to"), f"{where}: 'applies_to'", False),
                "signs": [
                    text(sign, f"{where}, klacht {index}")
                    for index, sign in enumerate(signs, start=1)
                ],
                "signs_are_examples": examples,
                "action": text(item.get("action"), f"{where}: 'action'"),
                "urgency": choice(
                    item.get("urgency", Urgency.NOT_STATED), Urgency, f"{where}: 'urgency'"
                ),
            }
        )
    return groups


def clean_contacts(value):
    """The `contacts:` list: every number with its purpose and owner, or the file is refused."""
    if value in (None, "", []):
        return []
    if not isinstance(value, list):
        raise ValidationError("moet een lijst van nummers zijn, elk met '- purpose: ...'.")
    contacts = []
    for number, item in enumerate(value, start=1):
        where = f"nummer {number}"
        item = mapping(item, CONTACT_KEYS, where, "purpose:, owner:, phone:")
        if not item.get("purpose"):
            raise ValidationError(
                f"{where}: 'purpose' ontbreekt: zeg waarvoor het nummer is "
                f"({', '.join(ContactPurpose.values)})."
            )
        phone = text(item.get("phone"), f"{where}: 'phone'")
        if not PHONE_NUMBER.match(phone):
            raise ValidationError(f"{where}: '{phone}' is geen telefoonnummer.")
        contacts.append(
            {
                "purpose": choice(item["purpose"], ContactPurpose, f"{where}: 'purpose'"),
                "owner": text(
                    item.get("owner"),
                    f"{where}: 'owner' (van wie is het nummer, bijvoorbeeld 'UMC Utrecht')",
                ),
                "name": text(item.get("name"), f"{where}: 'name'", False),
                "phone": phone,
                "note": text(item.get("note"), f"{where}: 'note'", False),
            }
        )
    return contacts


def clean_questions(value):
    """The `questions:` answers, by the fixed question codes; a question the leaflet does not
    answer is left out."""
    if value in (None, "", {}):
        return {}
    if not isinstance(value, dict):
        raise ValidationError(
            f"moet velden hebben, zoals {CommonQuestion.values[0]}: ... "
            f"(kies uit {', '.join(CommonQuestion.values)})."
        )
    unknown = sorted(map(str, set(value) - set(CommonQuestion.values)))
    if unknown:
        raise ValidationError(
            f"onbekende vraag {', '.join(unknown)}. Kies uit: {', '.join(CommonQuestion.values)}."
        )
    cleaned = {}
    for question in CommonQuestion:
        if question.value in value:
            answer = text(value[question.value], f"het antwoord op '{question.value}'", False)
            if answer:
                cleaned[question.value] = answer
    return cleaned
