"""The domain models: leaflets (with their live and working copies), the glossary, the
editorial trail and readers' feedback."""

from medications.choices import (
    CORE_SECTION_KINDS,
    MedicationKind,
    PublicationKind,
    ReviewStatus,
    Route,
    SectionKind,
)
from medications.models.feedback import Feedback
from medications.models.glossary import GlossaryTerm
from medications.models.hospital import HospitalContact
from medications.models.leaflets import Medication, Member, Section
from medications.models.translations import Translation
from medications.models.workflow import Publication

__all__ = [
    "CORE_SECTION_KINDS",
    "Feedback",
    "GlossaryTerm",
    "HospitalContact",
    "Medication",
    "MedicationKind",
    "Member",
    "Publication",
    "PublicationKind",
    "ReviewStatus",
    "Route",
    "Section",
    "SectionKind",
    "Translation",
]
