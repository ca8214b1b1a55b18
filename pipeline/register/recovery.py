"""`vanthu so khoi-phuc`: the numbers a register gave and no longer holds (emptied, or an older
copy of it put back: restore.lacking_numbers) entered again from the workspace's manifests,
each with its date and ký hiệu as its output prints them; the restore recorded with them
(restorations.py: no new number of the year until the clerk confirms that the numbers no output
records are entered too).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from pipeline.errors import VanthuError
from pipeline.register.documents import register_details, register_identity
from pipeline.register.location import data_file_exists, open_register
from pipeline.register.model import Details, Entry, Origin
from pipeline.register.restore import (
    lacking_numbers,
    opened_key,
    read_recorded,
    recorded_entries,
)
from pipeline.register.store import Register
from pipeline.register.switched import Given

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry as ManifestEntry
    from pipeline.load.contract import LoadedDocument
    from pipeline.workspace.core import Workspace


def restore_recorded(workspace: Workspace, year: int, *, register: Register | None = None,
                     agency: str | None = None) -> list[Entry]:
    """`vanthu so khoi-phuc`: the numbers of `year` (of office `agency`, or every office) that
    the workspace's manifests record `register` (None: the one the workspace numbers in)
    giving and that it holds no row of, entered again (Register.restore_given), all or none,
    each naming its data file; the rows entered, in order ([]: none lacking)."""
    if register is None:
        with open_register(workspace.register_location, root=workspace.root,
                           source_exists=data_file_exists(workspace.root)) as opened:
            return restore_recorded(workspace, year, register=opened, agency=agency)
    register.workspace = register_identity(register, workspace, give=False)
    recorded = read_recorded(workspace)
    entries = recorded_entries(recorded)
    lacking = lacking_numbers(entries, [year], register, opened_key(register, workspace.root))
    # A data file the register holds another live number for now keeps that one: its
    # manifest entry is older than the register's row.
    wanted = [g for g in lacking.get(year, ()) if (agency is None or g.agency == agency)
              and register.by_source(g.agency, g.source) is None]
    if not wanted:
        return []
    written = {(name, entry.so): entry for name, entry in entries}
    return register.restore_given(
        (g.agency, g.year, g.number,
         restored_details(workspace, written[(g.source, g.number)], g), g.source,
         Origin.TYPED if g.typed else Origin.REGISTER)
        for g in wanted)


def restored_details(workspace: Workspace, written: ManifestEntry, given: Given) -> Details:
    """The columns of a number entered again: its date and ký hiệu as its output prints them
    (the manifest's `written`), the others (trích yếu, signer, recipients) as its data file
    gives them now; the date and ký hiệu alone when the file is gone, no longer loads or no
    longer asks for that number (asks_as_printed)."""
    try:
        when: date | None = date.fromisoformat(written.ngay)
    except ValueError:
        when = None
    printed = Details(doc_date=when, symbol=given.symbol)
    try:
        document = workspace.load(workspace.root / given.source)
        if not asks_as_printed(document, given):
            return printed
        return replace(register_details(document), doc_date=printed.doc_date,
                       symbol=printed.symbol)
    except (OSError, ValueError, VanthuError):
        return printed


def asks_as_printed(document: LoadedDocument, given: Given) -> bool:
    """Whether `document` still asks for number `given` as its output did: from the register
    (so: tu_dong) for a number the register gave, typing that number (so: 2) for a typed one."""
    data = document.info.data
    if given.typed:
        return getattr(data, "own_number", None) == given.number
    return data.needs_number
