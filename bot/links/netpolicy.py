"""Address policy for links chosen by strangers: which URLs and addresses the fetcher may open.

Pure functions, no I/O: the fetcher resolves names itself and passes the answers in. A link is
refused unless it is http(s), carries no credentials, uses an allowed port and every address
it names or resolves to is public. Python's `ip.is_global` alone is not enough: it accepts the
NAT64 and 6to4 forms of 127.0.0.1, and multicast. Hosts such as 2130706433, 0x7f000001,
0177.0.0.1 and 127.1 are read as the IPv4 addresses browsers and libc read them as.
Operators may allow extra networks (`BRIEFBOT_FETCH_ALLOW_NETWORKS`), which is dangerous.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, quote, unquote, urlencode

import httpx

from bot.errors import BlockedAddress, FetchFailed, InvalidUrl
from bot.types import IPAddress, Network

__all__ = [
    "CheckedUrl",
    "check_resolved",
    "check_url",
    "is_public_address",
    "normalize_url",
    "parse_ipv4_host",
]

MAX_URL_LENGTH = 8192
SCHEMES = ("http", "https")
DEFAULT_PORTS = {"http": 80, "https": 443}
# Never public, whatever `is_global` says in this Python version (IANA special-purpose
# registries; RFC numbers in comments).
BLOCKED_V4 = tuple(
    ipaddress.IPv4Network(n)
    for n in (
        "0.0.0.0/8",  # "this network" (1122)
        "10.0.0.0/8",  # private (1918)
        "100.64.0.0/10",  # carrier-grade NAT (6598)
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, cloud metadata (3927)
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments (6890)
        "192.0.2.0/24",  # documentation (5737)
        "192.88.99.0/24",  # 6to4 relay anycast (7526)
        "192.168.0.0/16",  # private
        "198.18.0.0/15",  # benchmarking (2544)
        "198.51.100.0/24",  # documentation
        "203.0.113.0/24",  # documentation
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and 255.255.255.255 broadcast
    )
)
BLOCKED_V6 = tuple(
    ipaddress.IPv6Network(n)
    for n in (
        "::/128",  # unspecified
        "::1/128",  # loopback
        "64:ff9b:1::/48",  # local-use NAT64 (8215): local by definition
        "100::/64",  # discard-only (6666)
        "2001::/23",  # IETF protocol assignments, Teredo 2001::/32 included (2928, 4380)
        "2001:db8::/32",  # documentation (3849)
        "3fff::/20",  # documentation (9637)
        "5f00::/16",  # segment routing SIDs (9602)
        "fc00::/7",  # unique-local (4193)
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local, deprecated (3879)
        "ff00::/8",  # multicast
    )
)
# IPv6 prefixes that carry an IPv4 address in their last 32 bits (2002::/16 is separate).
V4_IN_LAST_32 = (
    ipaddress.IPv6Network("::ffff:0:0/96"),  # IPv4-mapped
    ipaddress.IPv6Network("::/96"),  # IPv4-compatible, deprecated
    ipaddress.IPv6Network("64:ff9b::/96"),  # NAT64 (6052)
)
SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")
TRACKING_PARAMS = frozenset(
    {
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "dclid",
        "fbclid",
        "gbraid",
        "gclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "mkt_tok",
        "msclkid",
        "ref",
        "ref_src",
        "ref_url",
        "twclid",
        "wbraid",
        "yclid",
    }
)
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_AUTHORITY = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#\\]*)")
_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*[a-z0-9_-]+$")
_IPV4_PART = re.compile(r"^(?:0[xX][0-9a-fA-F]*|[0-9]+)$")


@dataclass(frozen=True, slots=True)
class CheckedUrl:
    """A URL that passed the static checks, with the host the fetcher must resolve."""

    url: str  # canonical form, numeric IPv4 hosts written as dotted quads
    scheme: str
    host: str  # ASCII, lower case, no brackets, no trailing dot
    port: int  # the effective port
    address: IPAddress | None  # set when the host is an IP literal


def is_public_address(ip: IPAddress | str, allow_networks: Iterable[Network] = ()) -> bool:
    """Tell whether an address may be fetched: public, or inside an allowed network."""
    address = ipaddress.ip_address(ip) if isinstance(ip, str) else ip
    if any(address.version == net.version and address in net for net in allow_networks):
        return True
    if isinstance(address, ipaddress.IPv4Address):
        return _is_public_v4(address)
    if any(address in net for net in BLOCKED_V6):
        return False
    inner = _embedded_ipv4(address)
    if inner is not None:
        return is_public_address(inner, allow_networks)
    return address.is_global and not (address.is_multicast or address.is_reserved)


def parse_ipv4_host(host: str) -> ipaddress.IPv4Address | None:
    """Read a host the way browsers do (WHATWG URL): 127.1, 0x7f000001, 2130706433, 0177.0.0.1.

    Returns None when the host is a name rather than a number.

    Raises:
        InvalidUrl: the host ends in a number but is not a valid IPv4 address (1.2.3.4.5).
    """
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if not parts or not _IPV4_PART.match(parts[-1]):
        return None
    if len(parts) > 4 or not all(_IPV4_PART.match(p) for p in parts):
        raise InvalidUrl(detail=f"host {host!r} is not a valid IPv4 address")
    numbers = [_ipv4_number(p) for p in parts]
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        raise InvalidUrl(detail=f"host {host!r} is out of the IPv4 range")
    value = numbers[-1]
    for index, number in enumerate(numbers[:-1]):
        value += number << (8 * (3 - index))
    return ipaddress.IPv4Address(value)


def check_url(
    url: str,
    allowed_ports: Iterable[int] = (80, 443),
    allow_networks: Iterable[Network] = (),
) -> CheckedUrl:
    """Check a URL before any connection: scheme, credentials, port and literal addresses.

    Raises:
        InvalidUrl: not a usable http(s) URL, or it carries a user name or password.
        BlockedAddress: a refused scheme or port, localhost, or a non-public IP literal.
    """
    url = url.strip()
    if len(url) > MAX_URL_LENGTH:
        raise InvalidUrl("That link is too long. Send the article's address.")
    _check_scheme(url)
    parsed = _parse(url)
    if parsed.userinfo or "@" in _authority(url):
        raise InvalidUrl(
            "That link contains a user name or password, which I do not send. "
            "Send the link without them.",
            detail="credentials in the URL",
        )
    port = _check_port(parsed, allowed_ports)
    host, address = _check_host(parsed.raw_host.decode("ascii"), allow_networks)
    # The URL carries the checked host, so the pin and the connection use the same name.
    canonical = str(parsed.copy_with(host=host))
    return CheckedUrl(url=canonical, scheme=parsed.scheme, host=host, port=port, address=address)


def check_resolved(
    host: str, addresses: Iterable[IPAddress | str], allow_networks: Iterable[Network] = ()
) -> tuple[IPAddress, ...]:
    """Return a name's resolved addresses, refusing the name if any of them is not public.

    Raises:
        BlockedAddress: an address is not public.
        FetchFailed: the name resolved to nothing.
    """
    networks = tuple(allow_networks)
    try:
        checked = tuple(ipaddress.ip_address(a) if isinstance(a, str) else a for a in addresses)
    except ValueError as exc:
        raise FetchFailed(detail=f"{host} resolved to something that is not an address") from exc
    if not checked:
        raise FetchFailed(
            "I could not find that website. Check the link and send it again.",
            detail=f"{host} resolved to no address",
        )
    refused = [str(a) for a in checked if not is_public_address(a, networks)]
    if refused:
        raise BlockedAddress(detail=f"{host} resolves to {', '.join(refused)}")
    return checked


def normalize_url(url: str) -> str:
    """Return a canonical form of a URL for caches and de-duplication.

    Lower-cases the scheme and host, drops the default port, the fragment, credentials and
    tracking parameters (utm_*, fbclid, ...), sorts the remaining query parameters and strips
    a trailing slash from the path (the root path stays "/").

    Raises:
        InvalidUrl: the URL cannot be parsed.
    """
    parsed = _parse(url.strip())
    host = parsed.raw_host.decode("ascii").lower().rstrip(".")
    if ":" in host:
        try:
            host = f"[{ipaddress.IPv6Address(host.split('%', 1)[0])}]"
        except ValueError as exc:
            raise InvalidUrl(detail=f"bad IPv6 host {host!r}") from exc
    port = "" if parsed.port in (None, DEFAULT_PORTS[parsed.scheme]) else f":{parsed.port}"
    raw_path, _, raw_query = parsed.raw_path.decode("ascii").partition("?")
    pairs = parse_qsl(raw_query, keep_blank_values=True)
    kept = sorted((k, v) for k, v in pairs if not _is_tracking(k))
    query = f"?{urlencode(kept, quote_via=quote)}" if kept else ""
    path = raw_path.rstrip("/") or "/"
    return f"{parsed.scheme}://{host}{port}{path}{query}"


def _authority(url: str) -> str:
    """Return the authority part (user info, host, port) of a URL as written."""
    match = _AUTHORITY.match(url)
    return match.group(1) if match else ""


def _is_public_v4(address: ipaddress.IPv4Address) -> bool:
    """Tell whether an IPv4 address is public."""
    if any(address in net for net in BLOCKED_V4):
        return False
    return address.is_global and not (address.is_multicast or address.is_reserved)


def _embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """Return the IPv4 address that an IPv4-mapped, compatible, NAT64 or 6to4 address wraps."""
    if any(address in net for net in V4_IN_LAST_32):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in SIX_TO_FOUR:
        return address.sixtofour
    return None


def _ipv4_number(part: str) -> int:
    """Read one part of a numeric host: 0x hex, leading-zero octal, or decimal."""
    if part[:2].lower() == "0x":
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        if not set(part) <= set("01234567"):
            raise InvalidUrl(detail=f"{part!r} is not an octal number")
        return int(part, 8)
    return int(part)


def _check_scheme(url: str) -> None:
    """Refuse anything but http and https, naming the scheme."""
    match = _SCHEME.match(url)
    if match is None:
        raise InvalidUrl(detail="no scheme")
    scheme = match.group(1).lower()
    if scheme not in SCHEMES:
        raise BlockedAddress(
            f"I only open web links that start with http:// or https://, not {scheme}: links.",
            detail=f"scheme {scheme!r}",
        )


def _parse(url: str) -> httpx.URL:
    """Parse a URL with httpx after writing numeric IPv4 hosts as dotted quads."""
    try:
        parsed = httpx.URL(_canonical_ipv4(url))
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise InvalidUrl(detail=str(exc)) from exc
    if parsed.scheme not in SCHEMES or not parsed.raw_host:
        raise InvalidUrl(detail="no http(s) scheme or no host")
    return parsed


def _canonical_ipv4(url: str) -> str:
    """Rewrite a numeric host such as 0177.0.0.1 or 2130706433 as 127.0.0.1."""
    match = _AUTHORITY.match(url)
    if match is None:
        return url
    authority = match.group(1)
    userinfo, at, hostport = authority.rpartition("@")
    host, colon, port = hostport.partition(":") if "[" not in hostport else (hostport, "", "")
    address = parse_ipv4_host(unquote(host).lower())
    if address is None or str(address) == host:
        return url
    start, end = match.span(1)
    return url[:start] + userinfo + at + str(address) + colon + port + url[end:]


def _check_port(parsed: httpx.URL, allowed_ports: Iterable[int]) -> int:
    """Return the effective port, refusing one outside the allowed ports."""
    port = parsed.port or DEFAULT_PORTS[parsed.scheme]
    allowed = tuple(allowed_ports)
    if not 0 < port < 65536:
        raise InvalidUrl(detail=f"port {port} out of range")
    if port not in allowed:
        raise BlockedAddress(
            f"That link uses port {port}; I only open web pages on the usual ports "
            f"({', '.join(map(str, allowed))}).",
            detail=f"port {port}",
        )
    return port


def _check_host(host: str, allow_networks: Iterable[Network]) -> tuple[str, IPAddress | None]:
    """Return the canonical host and its address if it is an IP literal; refuse local ones."""
    host = unquote(host).lower().rstrip(".")
    address: IPAddress | None
    if ":" in host:
        try:
            address = ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError as exc:
            raise InvalidUrl(detail=f"bad IPv6 host {host!r}") from exc
    else:
        address = parse_ipv4_host(host)
    if address is not None:
        if not is_public_address(address, allow_networks):
            raise BlockedAddress(detail=f"non-public address {address}")
        return str(address), address
    if not _HOSTNAME.match(host):
        raise InvalidUrl(detail=f"bad host name {host!r}")
    if host == "localhost" or host.endswith(".localhost"):
        raise BlockedAddress(detail=f"local name {host!r}")
    return host, None


def _is_tracking(name: str) -> bool:
    """Tell whether a query parameter only tracks the reader."""
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING_PARAMS
