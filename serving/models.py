"""The content version: one row that changes with everything patients can see, so a whole
cached page is used only while its content is current, in every worker at once."""

import uuid

from django.db import connection, models
from django.utils import timezone


class ContentVersion(models.Model):
    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField()

    class Meta:
        verbose_name = "inhoudsversie"

    def __str__(self):
        return self.token

    @classmethod
    def current(cls):
        """(token, changed_at); a database without the row is version ''."""
        row = cls.objects.filter(pk=1).values_list("token", "changed_at").first()
        return row or ("", None)

    @classmethod
    def current_token(cls):
        """Just the token, as cheaply as a query can be: asked on every cached page (plain
        SQL: building the ORM query cost four times the query itself)."""
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT token FROM {table} WHERE id = 1")  # noqa: S608 (our table)
            row = cursor.fetchone()
        return row[0] if row else ""

    @classmethod
    def bump(cls):
        """A new version, written in the caller's transaction: it is seen exactly when the
        content it stands for is committed."""
        token, now = uuid.uuid4().hex, timezone.now()
        if not cls.objects.filter(pk=1).update(token=token, changed_at=now):
            cls.objects.create(pk=1, token=token, changed_at=now)
