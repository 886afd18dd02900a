"""How the suite runs on xdist workers: the groups that keep shared rigs and module-scoped
fixtures on one worker, and the order files are handed out in."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from xdist.scheduler import LoadFileScheduling

from tests.helpers.parallel import (
    DURATIONS,
    PCSCD_GROUP,
    LongestFilesFirst,
    pytest_xdist_make_scheduler,
    read_durations,
    xdist_group_of,
)

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


def file_of(nodeid: str) -> str:
    return nodeid.split("::", 1)[0]


# Many quick tests, two long ones, a file the durations do not know yet, a quick one.
COLLECTION = [
    *(f"tests/test_many.py::test_{n}" for n in range(30)),
    *(f"tests/test_new.py::test_{n}" for n in range(5)),
    "tests/test_install.py::test_packages",
    "tests/test_install.py::test_uninstall",
    "tests/test_tiny.py::test_one",
]
SECONDS = {"tests/test_many.py": 20.0, "tests/test_install.py": 215.0, "tests/test_tiny.py": 0.1}


class Worker:
    """What xdist's scheduler calls on a worker: it is sent tests by their index."""

    def __init__(self, name: str, log: list[tuple[str, str]]) -> None:
        self.name, self.log = name, log
        self.gateway = SimpleNamespace(id=name)
        self.held: list[int] = []
        self.shutting_down = False

    def send_runtest_some(self, indexes: list[int]) -> None:
        self.held += indexes
        self.log.append((self.name, file_of(COLLECTION[indexes[0]])))

    def shutdown(self) -> None:
        self.shutting_down = True


def hand_out(scheduler: LoadFileScheduling) -> list[tuple[str, str]]:
    """(worker, file) in the order files are handed out, the two workers running one test
    each in turn until all is done."""
    log: list[tuple[str, str]] = []
    workers = [Worker("gw0", log), Worker("gw1", log)]
    for worker in workers:
        scheduler.add_node(worker)  # type: ignore[arg-type]
    for worker in workers:
        scheduler.add_node_collection(worker, COLLECTION)  # type: ignore[arg-type]
    scheduler.schedule()
    while any(worker.held for worker in workers):
        for worker in workers:
            if worker.held:
                scheduler.mark_test_complete(worker, worker.held.pop(0))  # type: ignore[arg-type]
    assert not scheduler.workqueue
    return log


def test_the_longest_file_is_handed_out_first_whatever_its_number_of_tests(
    pytester: pytest.Pytester,
) -> None:
    config = pytester.parseconfig("--tx", "2*popen", "--dist", "loadfile")
    ours = hand_out(LongestFilesFirst(config, None, SECONDS))
    # the file unknown to the durations weighs 1.5 s a test: 7.5 s, between 20 and 0.1
    assert ours == [
        ("gw0", "tests/test_install.py"),
        ("gw1", "tests/test_many.py"),
        ("gw0", "tests/test_new.py"),
        ("gw0", "tests/test_tiny.py"),
    ]
    # xdist's own order, by number of tests, sent the longest file third
    theirs = hand_out(LoadFileScheduling(config, None))
    assert [name for _, name in theirs][:3] == [
        "tests/test_many.py", "tests/test_new.py", "tests/test_install.py",
    ]  # fmt: skip


def test_the_scheduler_is_ours_for_whole_files_only(pytester: pytest.Pytester) -> None:
    whole_files = pytester.parseconfig("--tx", "2*popen", "--dist", "loadfile")
    assert isinstance(pytest_xdist_make_scheduler(whole_files, None), LongestFilesFirst)
    by_test = pytester.parseconfig("--tx", "2*popen", "--dist", "load")
    assert pytest_xdist_make_scheduler(by_test, None) is None  # xdist's


def test_store_durations_writes_each_files_total(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_quick="def test_a():\n    pass\n",
        test_waits="import threading\n\ndef test_b():\n    threading.Event().wait(0.3)\n",
    )
    pytester.mkdir("tests")
    result = pytester.inline_run("-p", "tests.helpers.parallel", "--store-durations")
    result.assertoutcome(passed=2)
    seconds = read_durations(pytester.path / DURATIONS)
    assert set(seconds) == {"test_quick.py", "test_waits.py"}
    assert seconds["test_waits.py"] >= 0.3 > seconds["test_quick.py"]
