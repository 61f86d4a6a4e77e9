"""Time to make each leaflet's PDF: cold (WeasyPrint runs) and cached (served from the cache).

    .venv/bin/python bench/pdf.py [--repeat N]

Loads content/ into a throwaway SQLite database and requests /medicijnen/<slug>.pdf through
Django's test client, the whole view included. Cold: the cache is emptied before each request.
Cached: the same request again. Each figure is the median of N runs (default 3 cold, 20 cached).
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="cold runs per leaflet (default 3)")
    args = parser.parse_args()

    database = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ["DJANGO_HTTPS"] = "0"
    sys.path.insert(0, str(ROOT))
    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic needed

    import django

    django.setup()

    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client, override_settings
    from pypdf import PdfReader

    from medications.models import Medication
    from medications.printing.pdf import render_pdf

    storages = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        call_command("migrate", verbosity=0)
        call_command("load_content", stdout=io.StringIO())
        render_pdf('<html lang="nl"><p>Fonts laden.</p></html>', "http://testserver/")

        client = Client()
        print(f"{'leaflet':<18} {'pages':>5} {'size':>8} {'cold':>9} {'cached':>9}")
        for medication in Medication.objects.published():
            url = f"/medicijnen/{medication.slug}.pdf"
            cold = []
            for _ in range(args.repeat):
                cache.clear()
                cold.append(timed(client, url)[0])
            cached = [timed(client, url)[0] for _ in range(20)]
            _, content = timed(client, url)
            pages = len(PdfReader(io.BytesIO(content)).pages)
            print(
                f"{medication.slug:<18} {pages:>5} {len(content) / 1024:>6.0f} KB"
                f" {statistics.median(cold) * 1000:>6.0f} ms"
                f" {statistics.median(cached) * 1000:>6.1f} ms"
            )
    database.unlink(missing_ok=True)


def timed(client, url):
    start = time.perf_counter()
    response = client.get(url)
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, response.content


if __name__ == "__main__":
    main()
