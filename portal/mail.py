"""EMAIL_URL -> Django's mail settings. Empty: the console backend (mails are printed, for a
local checkout). `smtp://user:password@host:587` (STARTTLS with `?tls=1`),
`smtps://user:password@host:465` (TLS from the start), `console://`, `locmem://` (tests)."""

from urllib.parse import parse_qs, unquote, urlsplit

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}


def mail_settings(url):
    if not url:
        return {"EMAIL_BACKEND": BACKENDS["console"]}
    parts = urlsplit(url)
    if parts.scheme not in BACKENDS:
        raise ValueError(f"EMAIL_URL: unknown scheme {parts.scheme!r} (smtp, smtps, console)")
    query = parse_qs(parts.query)
    result = {"EMAIL_BACKEND": BACKENDS[parts.scheme]}
    if parts.scheme.startswith("smtp"):
        result |= {
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": parts.scheme == "smtps",
            "EMAIL_USE_TLS": query.get("tls", ["0"])[0] in ("1", "true"),
            "EMAIL_TIMEOUT": 10,
        }
    return result
