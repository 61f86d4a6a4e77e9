"""Structured logs: one JSON object per line, each with the request it belongs to.

RequestIdMiddleware (outermost) gives every request an id: the proxy's `X-Request-ID` when
the request came through one of our proxies (so nginx's log and ours match), else a new one.
It is sent back in the response's `X-Request-ID` and added to every log line written while
the request runs, by any logger (RequestIdFilter), and to gunicorn's access log.
"""

import contextvars
import json
import logging
import re
import uuid

from django.conf import settings

from serving.clients import is_trusted, parse_address, trusted_networks

request_id = contextvars.ContextVar("request_id", default="-")
WELL_FORMED = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


def incoming_id(request):
    """The proxy's id, when a proxy of ours sent a well-formed one; else None."""
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    if not given:  # most requests: no address to parse (a cached page's largest cost but one)
        return None
    peer = parse_address(request.META.get("REMOTE_ADDR", ""))
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if given and peer and networks and is_trusted(peer, networks) and WELL_FORMED.match(given):
        return given
    return None


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        value = incoming_id(request) or uuid.uuid4().hex
        token = request_id.set(value)
        try:
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = value
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One line of JSON per record: time, level, logger, request id, message (and the
    traceback, if any), for a log collector to read without guessing."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "request_id": getattr(record, "request_id", "-"),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
