"""A numbering plan changed (`vanthu so day-so`) while another clerk is given a number, on a
shared PostgreSQL register: the two are serialised.

An allocation reads the office's plan, then locks the counter row of the run the plan sends it
to; a plan change read the rows numbered so far and wrote the new plan without waiting for
anything. A number given by the old plan at that moment was never seen by the change, so a
Quyết định could be numbered in the shared run of a year whose plan says it runs apart (two
runs printing "NN/QĐ-UBND"). Now both take the office's plan lock (Backend.lock_plans): each
test holds one side's transaction open in one connection and shows, from pg_stat_activity,
that the other connection waits on that lock, then what it does once let go.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import psycopg
import pytest

from pipeline.register import Details, RegisterError, open_register, rows
from pipeline.register import store as register_store
from pipeline.register.sequences import SequencePlan
from pipeline.register.store import Register
from tests.register.conftest import pg_server, shared  # noqa: F401  (fixtures)

OFFICE = "uy-ban-nhan-dan-xa-chieng-mai"
DECISION = Details(doc_date=date(2026, 7, 1), symbol="QĐ-UBND", summary="Quyết định khen thưởng")
APART = SequencePlan.from_mapping({"QĐ": "quyet-dinh"})
# Long enough for a loaded machine, short enough that a failure does not hang the run.
WAIT_S = 20.0


def backend_pid(register: Register) -> int:
    """The server process of `register`'s connection."""
    row = register.read(lambda tx: tx.one("SELECT pg_backend_pid()"))
    assert row is not None
    return int(row[0])


def waits_on_lock(url: str, pid: int, done: threading.Event) -> bool:
    """Whether server process `pid` comes to wait on a lock (an advisory one) before `done`
    is set: polled from a connection of its own."""
    deadline = time.monotonic() + WAIT_S
    with psycopg.connect(url, autocommit=True) as watcher:
        while time.monotonic() < deadline and not done.is_set():
            row = watcher.execute(
                "SELECT wait_event_type, wait_event FROM pg_stat_activity WHERE pid = %s",
                (pid,)).fetchone()
            if row is not None and row[0] == "Lock" and row[1] == "advisory":
                return True
            time.sleep(0.02)
    return False


class Side(threading.Thread):
    """One clerk's call in a thread of its own: its answer or its error, and when it ended."""

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self.call = call
        self.answer: Any = None
        self.error: BaseException | None = None
        self.done = threading.Event()

    def run(self) -> None:
        try:
            self.answer = self.call()
        except BaseException as exc:  # handed to the test, which says it
            self.error = exc
        finally:
            self.done.set()


@pytest.fixture()
def clerks(shared: str) -> Iterator[tuple[str, Register, Register]]:  # noqa: F811
    """Two clerks' connections to one migrated shared register, and its URL."""
    open_register(shared).close()  # migrated once, before either starts
    one, two = open_register(shared), open_register(shared)
    try:
        yield shared, one, two
    finally:
        one.close()
        two.close()


def held_inside(monkeypatch: pytest.MonkeyPatch, owner: object, name: str
                ) -> tuple[threading.Event, threading.Event]:
    """Replace `owner.name` so that, in the first thread that calls it after the Side starts,
    it runs and then holds its transaction open until released: (reached, release)."""
    real = getattr(owner, name)
    reached, release = threading.Event(), threading.Event()

    def holding(*args: Any, **kwargs: Any) -> Any:
        answer = real(*args, **kwargs)
        if not reached.is_set() and threading.current_thread() is not threading.main_thread():
            reached.set()
            release.wait(WAIT_S)
        return answer

    monkeypatch.setattr(owner, name, holding)
    return reached, release


def test_a_plan_change_waits_for_a_number_being_given_and_then_sees_it(
    clerks: tuple[str, Register, Register], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, numbering, planning = clerks
    reached, release = held_inside(monkeypatch, rows, "insert")  # the row written, uncommitted
    given = Side(lambda: numbering.allocate(OFFICE, DECISION))
    given.start()
    assert reached.wait(WAIT_S), given.error
    pid = backend_pid(planning)  # asked before its connection is busy in the other thread
    change = Side(lambda: planning.set_plan(OFFICE, APART, 2026))
    change.start()
    try:
        assert waits_on_lock(url, pid, change.done), (
            "the plan change did not wait for the number being given", change.error,
            change.answer)
        assert not change.done.is_set()
    finally:
        release.set()
    given.join(WAIT_S)
    change.join(WAIT_S)
    assert given.error is None and given.answer.reference == "01/QĐ-UBND"
    assert given.answer.sequence == "chung"
    # Once the number is in, the change sees it: 2026 already numbers QĐ in the shared run.
    assert isinstance(change.error, RegisterError), change.answer
    assert change.error.key == "register.plan_conflicts"
    assert numbering.stored_plans(OFFICE) == []


def test_a_number_given_during_a_plan_change_waits_and_follows_the_new_plan(
    clerks: tuple[str, Register, Register], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, numbering, planning = clerks
    reached, release = held_inside(monkeypatch, register_store, "write_plan")
    change = Side(lambda: planning.set_plan(OFFICE, APART, 2026))
    change.start()
    assert reached.wait(WAIT_S), change.error
    pid = backend_pid(numbering)  # asked before its connection is busy in the other thread
    given = Side(lambda: numbering.allocate(OFFICE, DECISION))
    given.start()
    try:
        assert waits_on_lock(url, pid, given.done), (
            "the number was given during the plan change", given.error, given.answer)
        assert not given.done.is_set()
    finally:
        release.set()
    change.join(WAIT_S)
    given.join(WAIT_S)
    assert change.error is None and change.answer[1] is True
    assert given.error is None
    assert (given.answer.sequence, given.answer.reference) == ("quyet-dinh", "01/QĐ-UBND")
    assert [e.sequence for e in numbering.entries(2026, OFFICE)] == ["quyet-dinh"]


def test_clerks_numbering_at_once_do_not_wait_on_the_plan(
    clerks: tuple[str, Register, Register], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plan is held shared while a number is given: another clerk of the office numbering
    another run meanwhile is not kept waiting by it."""
    _url, one, two = clerks
    one.set_plan(OFFICE, APART, 2026)
    reached, release = held_inside(monkeypatch, rows, "insert")
    first = Side(lambda: one.allocate(OFFICE, DECISION))
    first.start()
    assert reached.wait(WAIT_S), first.error
    try:
        letter = Details(doc_date=date(2026, 7, 2), symbol="UBND-VP", summary="V/v lịch họp")
        # Its run's counter row is another one: only the plan, held exclusive, could stop it.
        other = two.allocate(OFFICE, letter)
        assert (other.sequence, other.reference) == ("chung", "01/UBND-VP")
        assert not first.done.is_set()
    finally:
        release.set()
    first.join(WAIT_S)
    assert first.error is None
    assert (first.answer.sequence, first.answer.reference) == ("quyet-dinh", "01/QĐ-UBND")
