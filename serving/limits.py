"""A request is counted against its client's rate limit once (RateLimitMiddleware): the
decision travels with the request, so a request the site makes itself (warming, in
medications.printing.warming) can come marked as counted already."""

# A WSGI environ key: never a header a client can send (those all start with HTTP_).
DECISION = "portal.rate_limit"
REFUSED, COUNTED = "refused", "counted"


def refused(limit, request):
    """Counts the request for its client (once) and says whether it is past the limit."""
    decision = request.META.get(DECISION)
    if decision is None:
        decision = REFUSED if limit.refuses(request) else COUNTED
        request.META[DECISION] = decision
    return decision == REFUSED
