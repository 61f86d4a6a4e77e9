"""The processes of the PDF render pool (medications.printing.pdf) come from a forkserver, a
fresh single-threaded process, never a fork of a threaded gunicorn worker (a fork copies the
locks other threads hold, which can deadlock the child). The forkserver imports this module
once (its preload): Django is set up and WeasyPrint loaded there, so every render process
forked from it starts ready."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
django.setup(set_prefix=False)

import weasyprint  # noqa: E402, F401  (loaded once, in the forkserver)
