import ipaddress

from hypothesis import given
from hypothesis import strategies as st

from chinjeol.core import rules


def test_lockout_count_reaches_the_limit_when_one_group_reaches_its_own():
    assert rules.lockout_count([4, 19], [5, 20], 5) == 4
    assert rules.lockout_count([5, 5], [5, 20], 5) == 5
    assert rules.lockout_count([1, 20], [5, 20], 5) == 5
    assert rules.lockout_count([], [], 5) == 0


@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(1, 50)), min_size=1, max_size=4),
    st.integers(1, 50),
)
def test_lockout_count_locks_exactly_when_a_group_is_over_its_limit(groups, limit):
    counts, limits = zip(*groups, strict=True)
    locked = rules.lockout_count(counts, limits, limit) >= limit
    assert locked == any(c >= own for c, own in groups)


def test_subtree_ids():
    parent_of = {1: None, 2: 1, 3: 2, 4: 2, 5: None, 6: 5}
    assert rules.subtree_ids([2], parent_of) == {2, 3, 4}
    assert rules.subtree_ids([1], parent_of) == {1, 2, 3, 4}
    assert rules.subtree_ids([5, 3], parent_of) == {5, 6, 3}
    assert rules.subtree_ids([99], parent_of) == set()


ips = st.ip_addresses().map(str)


def test_client_ip_reads_the_header_from_the_right_only_as_far_as_our_proxies():
    meta = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "6.6.6.6, 192.0.2.7"}
    assert rules.client_ip(meta, proxy_hops=0) == "10.0.0.1"
    assert rules.client_ip(meta, proxy_hops=1) == "192.0.2.7"  # not the forged 6.6.6.6 on the left
    assert rules.client_ip(meta, proxy_hops=2) == "6.6.6.6"
    assert rules.client_ip(meta, proxy_hops=5) == "6.6.6.6"
    assert rules.client_ip({"REMOTE_ADDR": "10.0.0.1"}, proxy_hops=1) == "10.0.0.1"
    assert (
        rules.client_ip({"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "junk"}, proxy_hops=1)
        == "10.0.0.1"
    )
    assert rules.client_ip({}, proxy_hops=0) is None


@given(
    client=ips,
    forged=st.lists(st.text(max_size=20), max_size=4),
    proxies=st.lists(ips, min_size=1, max_size=4),
)
def test_what_a_client_writes_into_the_header_never_becomes_its_address(client, forged, proxies):
    # The client sends its own (forged) header; each of our proxies appends the address it saw.
    header = [*forged, client, *proxies[:-1]]
    meta = {
        "REMOTE_ADDR": proxies[-1],
        "HTTP_X_FORWARDED_FOR": ", ".join(h.replace(",", " ") for h in header),
    }
    assert rules.client_ip(meta, proxy_hops=len(proxies)) == str(ipaddress.ip_address(client))


@given(remote=ips, header=st.text(max_size=60))
def test_without_proxies_the_header_is_ignored(remote, header):
    meta = {"REMOTE_ADDR": remote, "HTTP_X_FORWARDED_FOR": header}
    assert rules.client_ip(meta, proxy_hops=0) == str(ipaddress.ip_address(remote))
