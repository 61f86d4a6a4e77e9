"""Django's PostgreSQL backend with every round trip watched (portal.watchdog): a database
that accepts and never answers gives a 503 within seconds instead of hanging the site."""

from django.db.backends.postgresql import base

from portal.watchdog import watchdog


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.execute_wrappers.append(self.answer_in_time)

    def socket(self):
        return (
            None if self.connection is None or self.connection.closed else self.connection.fileno()
        )

    def answer_in_time(self, execute, sql, params, many, context):
        with watchdog.watching(self.socket()):
            return execute(sql, params, many, context)

    def get_new_connection(self, conn_params):
        watchdog.refuse_while_down()
        try:
            return super().get_new_connection(conn_params)
        except base.Database.OperationalError:
            if watchdog.enabled:
                watchdog.went_down()
            raise

    def is_usable(self):
        if watchdog.is_down():
            return False  # dropped, and made again when the database is back
        with watchdog.watching(self.socket()):
            return super().is_usable()

    def _commit(self):
        with watchdog.watching(self.socket()):
            return super()._commit()

    def _rollback(self):
        with watchdog.watching(self.socket()):
            return super()._rollback()
