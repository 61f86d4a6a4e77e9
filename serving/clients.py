"""Who the client is: one answer for rate limits, login throttling and feedback alike.

Behind a reverse proxy every connection comes from the proxy. The proxy appends the address
it saw to `X-Forwarded-For`; whatever stands left of that was written by the client and can
be anything. So the client is the right-most address that is not one of our own proxies
(settings.TRUSTED_PROXIES, from PORTAL_TRUSTED_PROXIES): walking from the connection's own
address leftwards, past our proxies, the first address we do not trust is the one a trusted
proxy saw. Rotating or forging the left part of the header changes nothing.

Each entry is checked with the standard library's `ipaddress` (an `ip:port` or `[ipv6]:port`
form some proxies write is accepted; junk is not). The answer is always a valid address:
a malformed header never causes an error and never switches a limit off.

Why not django-ipware: its trusted-proxy list is positional (the last N hops must match the
list in order); the rule here is "skip any of our proxies, however many", which a hospital
with a load balancer in front of two nginx servers needs, in twelve lines without a package.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

# The connection's address when it is missing or unreadable (a unix socket, a test client):
# one shared bucket, so such clients are limited together rather than not at all.
UNKNOWN = "0.0.0.0"  # noqa: S104 (a placeholder address, not a bind)


@lru_cache(maxsize=16)
def trusted_networks(entries):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def parse_address(text):
    """An ipaddress object for `text` (with an optional port), or None."""
    text = text.strip()
    if text.startswith("["):  # [2001:db8::1]:8080
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:  # 203.0.113.7:51234
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)  # ::ffff:203.0.113.7 is 203.0.113.7
    return mapped or address


def is_trusted(address, networks):
    return any(address in network for network in networks if network.version == address.version)


def client_address(request):
    """The client's address as a string, always a valid IP address (see the module)."""
    peer = parse_address(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return UNKNOWN
    networks = trusted_networks(tuple(settings.TRUSTED_PROXIES))
    if not networks or not is_trusted(peer, networks):
        return str(peer)  # not from one of our proxies: the header means nothing
    client = peer
    hops = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(hops):
        address = parse_address(hop)
        if address is None:  # written by the client, not by a proxy of ours: stop here
            break
        client = address
        if not is_trusted(address, networks):
            break
    return str(client)
