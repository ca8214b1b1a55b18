"""`vanthu so nhap` is serialised with a plan change and with allocations (r15).

An import chose each row's run (the office's plan: QĐ=quyet-dinh sends a Quyết định to its own
run) in read transactions of its own, then wrote the rows in another. A plan change committed
in between (`so day-so`) judged a register without the rows, and the rows went into the runs
of the plan it replaced: one year's Quyết định numbered in two runs. Now the import's write
transaction holds the office's plan exclusively from its start (Backend.lock_plans, as a plan
change does; an allocation holds it shared) and chooses the runs there.
"""

from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

from pipeline.register import RegisterError, open_register
from pipeline.register.backends import Transaction
from pipeline.register.sequences import SequencePlan
from pipeline.register.store import Register
from pipeline.register.xlsx_import import import_register
from tests.register.conftest import pg_server, shared  # noqa: F401  (fixtures)
from tests.test_register_r12a_numbering import book

OFFICE = "ubnd-xa"
OLD_BOOK = [
    ("01/QĐ-UBND", date(2026, 1, 5), "Quyết định kiện toàn tổ công tác"),
    ("02/QĐ-UBND", date(2026, 1, 9), "Quyết định giao chỉ tiêu"),
    ("03/QĐ-UBND", date(2026, 1, 14), "Quyết định khen thưởng"),
]
APART = SequencePlan.from_mapping({"QĐ": "quyet-dinh"})
# Long enough for the import to read its sheet and choose its runs (a few milliseconds),
# short for a test; a slower machine could only make the test pass without the fix.
SETTLE_S = 1.5


class Importing:
    """`so nhap` of a sheet in a thread of its own (the clerk's other process), on a register
    it opens there (a SQLite connection serves one thread); `go()` starts the import once the
    register is open (opening migrates, which takes the write lock); `done` holds its
    result, or its error."""

    def __init__(self, location: str | Path, path: Path) -> None:
        self.done: list[object] = []
        self._opened, self._go = threading.Event(), threading.Event()
        self._location, self._path = location, path
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        assert self._opened.wait(30)

    def _run(self) -> None:
        try:
            with open_register(self._location) as register:
                self._opened.set()
                self._go.wait(60)
                self.done.append(import_register(register, OFFICE, self._path))
        except Exception as exc:  # said by the test, not lost in the thread
            self._opened.set()
            self.done.append(exc)

    def go(self) -> None:
        self._go.set()

    def waiting(self) -> bool:
        """Whether the import is still at work (waiting for a lock) and has written nothing."""
        return self.thread.is_alive() and not self.done


def runs_agree(register: Register) -> list[tuple[str, str, str]]:
    """The rows of 2026 numbered in another run than the plan the register keeps for 2026
    sends their type to: (number, its run, the plan's run); [] when every row agrees."""
    plan = register.plan_in(OFFICE, 2026)
    return [(entry.reference, entry.sequence, plan.sequence_for(entry.details.type_code))
            for entry in register.entries(2026, OFFICE)
            if entry.sequence != plan.sequence_for(entry.details.type_code)]


def test_a_plan_changed_while_an_import_waits_sends_its_rows_to_the_new_runs(
    tmp_path: Path,
) -> None:
    """SQLite: another clerk's write holds the register while the import has chosen its runs
    (the old plan: one run); the plan change gets the register first once it is free. The
    import, writing after it, numbers its Quyết định in the run the new plan gives them."""
    location = tmp_path / "so-van-ban.sqlite3"
    sheet = book(tmp_path / "so-di-2026.xlsx", {"Sổ đi 2026": OLD_BOOK})
    with open_register(location) as changer:
        importer = Importing(location, sheet)
        holder = sqlite3.connect(location, isolation_level=None, timeout=60)
        try:
            holder.execute("BEGIN IMMEDIATE")
            importer.go()
            time.sleep(SETTLE_S)
            assert importer.waiting(), importer.done  # for the write lock
            holder.execute("ROLLBACK")
            try:
                changer.set_plan(OFFICE, APART, since=2026)
            except RegisterError as exc:  # the import came first: its rows refuse the change
                assert exc.key == "register.plan_conflicts", exc
            importer.thread.join(60)
        finally:
            holder.close()
        done = importer.done
        assert len(done) == 1 and not isinstance(done[0], Exception), done
        assert runs_agree(changer) == []
        assert len(changer.entries(2026, OFFICE)) == 3


def test_a_postgresql_import_waits_for_an_allocation_and_a_plan_change_for_it(
    shared: str,  # noqa: F811
) -> None:
    """PostgreSQL: the import takes the office's plan lock exclusively. While an allocation
    holds it (shared, as Register._plan_in takes it) the import writes nothing; a plan change
    asked meanwhile comes after the import and judges its rows."""
    with tempfile.TemporaryDirectory() as folder:
        sheet = book(Path(folder) / "so-di-2026.xlsx", {"Sổ đi 2026": OLD_BOOK})
        changed: list[object] = []
        held, release = threading.Event(), threading.Event()
        with open_register(shared) as allocator, open_register(shared) as changer, \
                open_register(shared) as reader:

            def allocation(tx: Transaction) -> None:
                allocator.backend.lock_plans(tx, OFFICE, exclusive=False)
                held.set()
                release.wait(60)

            holding = threading.Thread(
                target=lambda: allocator.backend.run(allocation, write=True), daemon=True)
            holding.start()
            assert held.wait(30)
            importer = Importing(shared, sheet)
            importer.go()
            time.sleep(SETTLE_S)
            waiting = importer.waiting()
            rows_meanwhile = len(reader.entries(2026, OFFICE))

            def change() -> None:
                try:
                    changed.append(changer.set_plan(OFFICE, APART, since=2026))
                except RegisterError as exc:
                    changed.append(exc)

            changing = threading.Thread(target=change, daemon=True)
            changing.start()
            time.sleep(SETTLE_S / 3)  # queued behind the import
            release.set()
            for started in (holding, importer.thread, changing):
                started.join(60)
            done = importer.done
            assert waiting, done
            assert rows_meanwhile == 0
            assert len(done) == 1 and not isinstance(done[0], Exception), done
            # The import came first: its Quyết định in the one run refuse the change for 2026.
            assert len(changed) == 1 and isinstance(changed[0], RegisterError), changed
            assert changed[0].key == "register.plan_conflicts"
            assert runs_agree(reader) == []
            assert [entry.reference for entry in reader.entries(2026, OFFICE)] == [
                "01/QĐ-UBND", "02/QĐ-UBND", "03/QĐ-UBND"]
