"""The xdist groups that keep shared rigs and module-scoped fixtures on one worker."""

from __future__ import annotations

import pytest

from tests.helpers.parallel import PCSCD_GROUP, xdist_group_of

TESTS = """
import pytest

@pytest.fixture(scope="session")
def pcscd_rig():
    return "the one pcscd"

@pytest.fixture
def pcscd(pcscd_rig):
    return pcscd_rig

@pytest.fixture(scope="module")
def application():
    return "started once for the file"

def test_reader(pcscd):
    pass

def test_app(application):
    pass

def test_app_again(application):
    pass

def test_alone(tmp_path):
    pass
"""


def groups(pytester: pytest.Pytester) -> dict[str, str | None]:
    pytester.makepyfile(test_rigs=TESTS)
    items, _ = pytester.inline_genitems("-p", "tests.helpers.parallel")
    marks = {
        item.name: [m.kwargs.get("name", *m.args) for m in item.iter_markers("xdist_group")]
        for item in items
    }
    for item in items:  # the mark the hook added is the group the function computes
        assert marks[item.name] == ([g] if (g := xdist_group_of(item)) else [])
        # and the pcscd rig's tests carry the marker tests/suite.sh runs apart (-m pcscd)
        assert (item.get_closest_marker("pcscd") is not None) is (g == PCSCD_GROUP)
    return {name: (found[0] if found else None) for name, found in marks.items()}


def test_pcscd_tests_share_one_worker_and_a_modules_shared_fixture_keeps_it_whole(
    pytester: pytest.Pytester,
) -> None:
    assert groups(pytester) == {
        "test_reader": PCSCD_GROUP,
        "test_app": "test_rigs.py",
        "test_app_again": "test_rigs.py",
        "test_alone": None,
    }
