"""The address policy as pure functions: nothing here opens a socket."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import BlockedAddress, FetchFailed, InvalidUrl
from bot.links.netpolicy import (
    check_resolved,
    check_url,
    is_public_address,
    normalize_url,
    parse_ipv4_host,
)

# The bad links of issue 4 that the policy refuses before any lookup, each with its reason.
BAD_URLS = [
    ("http://127.0.0.1/", BlockedAddress, "loopback"),
    ("http://localhost/", BlockedAddress, "the local machine by name"),
    ("http://0.0.0.0/", BlockedAddress, "'this host', which Linux connects to loopback"),
    ("http://[::1]/", BlockedAddress, "IPv6 loopback"),
    ("http://[::ffff:127.0.0.1]/", BlockedAddress, "loopback wrapped in IPv4-mapped IPv6"),
    ("http://2130706433/", BlockedAddress, "127.0.0.1 written as one decimal number"),
    ("http://0x7f000001/", BlockedAddress, "127.0.0.1 written as one hex number"),
    ("http://0177.0.0.1/", BlockedAddress, "127.0.0.1 with an octal first part"),
    ("http://127.1/", BlockedAddress, "127.0.0.1 in two-part shorthand"),
    ("http://169.254.169.254/", BlockedAddress, "link-local cloud metadata service"),
    ("http://10.0.0.1/", BlockedAddress, "private network 10/8"),
    ("http://192.168.1.1/", BlockedAddress, "private network 192.168/16"),
    ("http://100.64.0.1/", BlockedAddress, "carrier-grade NAT 100.64/10"),
    ("http://[fc00::1]/", BlockedAddress, "IPv6 unique-local"),
    ("http://[fe80::1]/", BlockedAddress, "IPv6 link-local"),
    ("http://[64:ff9b::7f00:1]/", BlockedAddress, "loopback behind the NAT64 prefix"),
    ("http://[2002:7f00:1::]/", BlockedAddress, "loopback inside a 6to4 address"),
    ("file:///etc/passwd", BlockedAddress, "a local file"),
    ("ftp://example.com/file", BlockedAddress, "not http(s)"),
    ("gopher://example.com:70/_SET", BlockedAddress, "gopher, the classic SSRF smuggler"),
    ("data:text/html,<h1>hi</h1>", BlockedAddress, "inline data, not a link"),
    ("javascript:alert(1)", BlockedAddress, "script, not a link"),
    ("http://user:secret@example.com/", InvalidUrl, "credentials in the URL"),
    ("http://example.com:8080/", BlockedAddress, "a port other than 80 and 443"),
    ("http://%31%32%37.0.0.1/", BlockedAddress, "127.0.0.1 percent-encoded"),
    ("http://foo.localhost/", BlockedAddress, "a .localhost name"),
]


@pytest.mark.parametrize(
    ("url", "error", "reason"), BAD_URLS, ids=[reason for _, _, reason in BAD_URLS]
)
def test_check_url_refuses_bad_links(url: str, error: type[Exception], reason: str) -> None:
    with pytest.raises(error) as caught:
        check_url(url)
    assert caught.value.user_message.endswith(".")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("file:///etc/passwd", "not file: links"),
        ("http://user:secret@example.com/", "user name or password"),
        ("http://example.com:8080/", "port 8080"),
        ("http://10.0.0.1/", "private or local address"),
    ],
)
def test_check_url_says_why_in_the_user_message(url: str, words: str) -> None:
    with pytest.raises((BlockedAddress, InvalidUrl)) as caught:
        check_url(url)
    assert words in caught.value.user_message


@pytest.mark.parametrize(
    "url",
    [
        "example.com/news",
        "http://",
        "http:example.com",
        "http://ex ample.com/",
        "http://1.2.3.4.5/",
    ],
)
def test_check_url_rejects_unusable_links(url: str) -> None:
    with pytest.raises(InvalidUrl):
        check_url(url)


@pytest.mark.parametrize(
    ("url", "host", "port"),
    [
        ("https://Example.COM/a?b=1", "example.com", 443),
        ("http://8.8.8.8/", "8.8.8.8", 80),
        ("http://0x08080808/", "8.8.8.8", 80),
        ("http://[2606:4700:4700::1111]/", "2606:4700:4700::1111", 80),
        ("http://münchen.example/", "xn--mnchen-3ya.example", 80),
    ],
)
def test_check_url_accepts_public_links(url: str, host: str, port: int) -> None:
    checked = check_url(url)
    assert (checked.host, checked.port) == (host, port)


def test_check_url_writes_numeric_hosts_as_dotted_quads() -> None:
    assert check_url("http://134744072/x").url == "http://8.8.8.8/x"


def test_check_url_allows_listed_networks() -> None:
    allow = (ipaddress.ip_network("127.0.0.0/8"),)
    assert check_url("http://127.0.0.1:8080/", (8080,), allow).address == ipaddress.ip_address(
        "127.0.0.1"
    )


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "0.0.0.0",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.0.1",
        "169.254.169.254",
        "100.64.0.1",
        "192.0.0.8",
        "192.0.2.1",
        "198.18.0.1",
        "198.51.100.1",
        "203.0.113.1",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "::127.0.0.1",
        "64:ff9b::7f00:1",
        "64:ff9b::a9fe:a9fe",
        "64:ff9b:1::8.8.8.8",
        "2002:7f00:1::",
        "2002:a00:1::",
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",
        "2001:db8::1",
        "fc00::1",
        "fd12:3456::1",
        "fe80::1",
        "fec0::1",
        "ff02::1",
        "ff0e::1",
        "100::1",
    ],
)
def test_is_public_address_refuses_special_addresses(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address",
    [
        "8.8.8.8",
        "1.1.1.1",
        "93.184.215.14",
        "2606:4700:4700::1111",
        "2a00:1450:4001::200e",
        "64:ff9b::808:808",
        "2002:808:808::",
        "::ffff:8.8.8.8",
    ],
)
def test_is_public_address_accepts_public_addresses(address: str) -> None:
    assert is_public_address(address)


def test_is_public_address_allows_listed_network() -> None:
    allow = (ipaddress.ip_network("127.0.0.0/8"),)
    assert is_public_address("127.0.0.5", allow)


def test_is_public_address_with_allow_list_empty_refuses_loopback() -> None:
    assert not is_public_address("127.0.0.5", ())


def _wrapped_forms(v4: ipaddress.IPv4Address) -> list[ipaddress.IPv6Address]:
    number = int(v4)
    return [
        ipaddress.IPv6Address(0xFFFF << 32 | number),  # ::ffff:a.b.c.d
        ipaddress.IPv6Address(0x0064FF9B << 96 | number),  # 64:ff9b::a.b.c.d
        ipaddress.IPv6Address(0x2002 << 112 | number << 80),  # 2002:aabb:ccdd::
    ]


@given(st.ip_addresses(v=4))
def test_is_public_address_judges_wrapped_ipv4_like_the_ipv4(v4: ipaddress.IPv4Address) -> None:
    verdict = is_public_address(v4)
    assert all(is_public_address(wrapped) == verdict for wrapped in _wrapped_forms(v4))


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("10.0.0.1.", "10.0.0.1"),
        ("0", "0.0.0.0"),
    ],
)
def test_parse_ipv4_host_reads_numbers_like_browsers(host: str, address: str) -> None:
    assert parse_ipv4_host(host) == ipaddress.IPv4Address(address)


@pytest.mark.parametrize("host", ["example.com", "1.example", "example.1a"])
def test_parse_ipv4_host_leaves_names_alone(host: str) -> None:
    assert parse_ipv4_host(host) is None


@pytest.mark.parametrize("host", ["1.2.3.4.5", "256.0.0.1", "08.0.0.1", "4294967296"])
def test_parse_ipv4_host_rejects_bad_numbers(host: str) -> None:
    with pytest.raises(InvalidUrl):
        parse_ipv4_host(host)


def test_check_resolved_refuses_a_name_with_one_private_address() -> None:
    with pytest.raises(BlockedAddress):
        check_resolved("mixed.example", ["93.184.215.14", "10.0.0.1"])


def test_check_resolved_refuses_a_name_resolving_to_loopback() -> None:
    with pytest.raises(BlockedAddress):
        check_resolved("rebind.example", ["127.0.0.1"])


def test_check_resolved_fails_a_name_without_addresses() -> None:
    with pytest.raises(FetchFailed):
        check_resolved("empty.example", [])


def test_check_resolved_returns_public_addresses() -> None:
    assert check_resolved("ok.example", ["8.8.8.8", "2606:4700:4700::1111"]) == (
        ipaddress.ip_address("8.8.8.8"),
        ipaddress.ip_address("2606:4700:4700::1111"),
    )


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        (
            "HTTP://Example.COM:80/a/b/?utm_source=x&b=2&a=1&fbclid=y#top",
            "http://example.com/a/b?a=1&b=2",
        ),
        ("https://example.com:443", "https://example.com/"),
        ("https://example.com/?ref=home", "https://example.com/"),
        (
            "https://example.com/story/?gclid=1&mc_cid=2&mc_eid=3&igshid=4&_ga=5",
            "https://example.com/story",
        ),
        ("https://example.com/s?yclid=1&ref_src=twsrc&id=7", "https://example.com/s?id=7"),
        ("http://example.com:8080/x/", "http://example.com:8080/x"),
        ("http://user:pw@example.com./x", "http://example.com/x"),
        ("http://0x7f000001/", "http://127.0.0.1/"),
        ("http://[2001:DB8::1]:8080/x", "http://[2001:db8::1]:8080/x"),
    ],
)
def test_normalize_url_gives_one_form_per_page(url: str, normal: str) -> None:
    assert normalize_url(url) == normal


def test_normalize_url_is_idempotent() -> None:
    once = normalize_url("https://Example.com/a/?z=1&utm_medium=x&a=2")
    assert normalize_url(once) == once
