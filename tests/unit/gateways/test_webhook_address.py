"""Which URLs may take a webhook, by literal address (no name server needed)."""

import pytest

from aicmo.gateways.internal.webhook_address import PublicAddressPolicy

STRICT = PublicAddressPolicy(allow_private=False)
OWN_NETWORK = PublicAddressPolicy(allow_private=True)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.2/", "loopback"),
        ("http://[::1]/", "loopback"),
        ("http://0.0.0.0/", "private"),
        ("http://192.168.1.10:8080/hook", "private"),
        ("http://172.16.0.1/", "private"),
        ("http://[fd12::1]/", "private"),
        ("http://169.254.10.10/", "link-local"),
        ("http://[fe80::1]/", "link-local"),
        ("http://100.64.0.1/", "reserved"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
    ],
)
def test_addresses_outside_the_public_internet_are_refused_unless_allowed(url, kind):
    assert f"a {kind} address" in STRICT.problem(url)
    assert OWN_NETWORK.problem(url) is None


@pytest.mark.parametrize(
    "url", ["http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://100.100.100.200/"]
)
def test_cloud_metadata_is_refused_even_inside_your_own_network(url):
    assert "cloud metadata" in OWN_NETWORK.problem(url)


def test_a_public_address_is_taken_and_connected_to_as_checked():
    target = STRICT.target("https://93.184.216.34:8443/hooks/aicmo?client=7#part")

    assert (target.scheme, target.host, target.port, target.address, target.path) == (
        "https",
        "93.184.216.34",
        8443,
        "93.184.216.34",
        "/hooks/aicmo?client=7",
    )


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://93.184.216.34:port/", "is not a valid URL"),
        ("http://93.184.216.34/\x00", "a line break or a character outside ASCII"),
        ("http://93.184.216.34/café", "outside ASCII"),
        ("https://user@93.184.216.34/", "carries a user name or password"),
        ("//93.184.216.34/", "is not an http(s) URL"),
    ],
)
def test_malformed_urls_say_what_to_fix(url, expected):
    assert expected in STRICT.problem(url)
