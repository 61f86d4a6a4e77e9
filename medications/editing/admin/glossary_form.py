"""The glossary's change form: the loader's rule that a word belongs to one term only (its
term or one of its `Ook:` forms, in any case), against the glossary as stored, in Dutch."""

from django.core.exceptions import ValidationError

from medications.editing.admin.concurrency import VersionCheckedForm
from medications.models import GlossaryTerm
from medications.text import split_names


class GlossaryTermAdminForm(VersionCheckedForm):
    def clean(self):
        cleaned = super().clean()
        owners = {}
        for other in GlossaryTerm.objects.exclude(pk=self.instance.pk):
            for word in [other.term, *other.variant_list]:
                owners.setdefault(word.casefold(), other)
        for name, label in (("term", "term"), ("variants", "andere vormen")):
            value = next((cleaned[key] for key in (f"{name}_nl", name) if cleaned.get(key)), "")
            words = [value] if name == "term" else split_names(value)
            for word in words:
                other = owners.get(word.casefold())
                if other is not None:
                    field = f"{name}_nl" if f"{name}_nl" in self.fields else name
                    self.add_error(
                        field,
                        ValidationError(
                            f"'{word}' ({label}) hoort al bij de term '{other.term}'. Een woord "
                            "mag maar bij één term staan.",
                            code="unique",
                        ),
                    )
        return cleaned
