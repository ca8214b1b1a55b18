"""Read what a batch of Giấy khen refers to: its award decision and the rows of its list."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from pipeline.awards import Entry, is_title
from pipeline.claims import number_ranges
from pipeline.errors import InputError, RenderError, VanthuError
from pipeline.golden_book import Given, Overlap, SameCertificates, Shared
from pipeline.load.attachments import (
    CertificateAttachments,
    CertificateSources,
    DecisionAttachments,
)
from pipeline.load.contract import Attached, LoadedDocument, NumberFrom, Resolver
from pipeline.load.lists import referenced_document, sheet_path
from pipeline.load.spreadsheet.cells import clean
from pipeline.load.yaml_source import Source, load_yaml
from pipeline.model.guards import is_certificate
from pipeline.model.quyet_dinh import DecisionData
from pipeline.paths import shown
from pipeline.register.golden_entries import (
    Batch,
    BatchRecord,
    BookEntry,
    Recording,
    batch_record,
    book_last,
    decision_entries,
    holders,
    own_entries,
)
from pipeline.render.phrase import Phrase

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry as ManifestEntry
    from pipeline.model.giay_khen import CertificateData, RowFilter
    from pipeline.register.backends import Transaction
    from pipeline.register.store import Register
    from pipeline.workspace.core import Workspace

DECISION_KEY = "quyet_dinh"
ACHIEVEMENT_KEY = "thanh_tich"


def award_decision(source: Source, resolver: Resolver) -> LoadedDocument:
    """The award decision a batch names, loaded like any decision; located errors otherwise."""
    name = source.data.get(DECISION_KEY)
    if not isinstance(name, str) or not name.strip():
        raise source.error("data.missing_field", (DECISION_KEY,))
    loc = (DECISION_KEY,)
    decision, path = referenced_document(source, name.strip(), loc, resolver)
    data = decision.info.data
    if not isinstance(data, DecisionData) or data.khen_thuong is None:
        raise source.error("data.not_an_award_decision", loc, name=path.name)
    return decision


def decision_fields(source: Source, resolver: Resolver) -> dict[str, Any]:
    """The decision's number, date, office, signer ...: the batch may not restate them."""
    from pipeline.model.giay_khen import INHERITED  # a batch's kind: imported with its model

    for key in INHERITED:
        if key in source.data:
            raise source.error("data.inherited_field", (key,), decision=DECISION_KEY)
    data = award_decision(source, resolver).info.data
    assert isinstance(data, DecisionData) and data.khen_thuong is not None
    if ACHIEVEMENT_KEY in source.data and data.khen_thuong.thanh_tich:
        # The decision states why: its certificates print that, never another reason.
        raise source.error("data.inherited_field", (ACHIEVEMENT_KEY,), decision=DECISION_KEY)
    return {key: getattr(data, key) for key in INHERITED}


def refuse_no_achievement(source: Source) -> None:
    """A batch whose decision states no thành tích and that gives none of its own (thanh_tich
    left out or blank) is refused at its thanh_tich (else at its quyet_dinh: line, where the
    decision is named): every certificate would go from the unit line to the date."""
    own = source.data.get(ACHIEVEMENT_KEY)
    if own is not None and (not isinstance(own, str) or own.strip()):
        return  # a value that is not text is the model's to refuse
    line = source.line_of((ACHIEVEMENT_KEY,)) if ACHIEVEMENT_KEY in source.data else None
    raise InputError(
        "data.certificate_no_achievement", file=source.path,
        line=line or source.line_of((DECISION_KEY,)), field=ACHIEVEMENT_KEY,
        decision=source.data.get(DECISION_KEY), field_name=ACHIEVEMENT_KEY,
    )  # fmt: skip


def refuse_unnumbered_decision(document: LoadedDocument) -> None:
    """A batch printed on the phôi (not in_thu: co) whose decision has no number yet (so: left
    blank) is refused at its quyet_dinh: line: every certificate would print "Quyết định số
    ..../QĐ-...". A decision saying so: tu_dong is the register's business (NumberFrom)."""
    data = document.info.data
    if not is_certificate(data) or data.in_thu or document.number_from is not None:
        return
    if data.so is not None:
        return
    source = load_yaml(document.path)
    raise source.error("data.decision_not_numbered", (DECISION_KEY,), name=data.quyet_dinh)


def book_numbers(document: LoadedDocument) -> tuple[int, int] | None:
    """so_vao_so: the batch's range in the sổ vàng, from its so_vao_so to the last number it
    ever gave (a freed number stays in it, never given again); none for a batch without them
    or a test print (in_thu: co)."""
    data = document.info.data
    attached = document.info.attachments
    if not is_certificate(data) or data.so_vao_so is None or data.in_thu:
        return None
    if not isinstance(attached, CertificateAttachments) or not attached.numbers:
        return None
    return data.so_vao_so, max(attached.last, data.so_vao_so)


def book_record(document: LoadedDocument) -> tuple[Given, ...]:
    """What the manifest keeps of a batch printed on the phôi: every certificate of the whole
    batch with its số vào sổ (the next build gives each the same number)."""
    if book_numbers(document) is None:
        return ()
    attached = document.info.attachments
    assert isinstance(attached, CertificateAttachments)
    return attached.given


def book_claim(document: LoadedDocument) -> tuple[str, str, int, int] | None:
    """The batch's office, year and first and last sổ vàng numbers (book_numbers)."""
    numbers = book_numbers(document)
    if numbers is None:
        return None
    data = document.info.data
    return data.co_quan, str(data.ngay.year), *numbers


def batch_decision(path: Path) -> Path | None:
    """The award decision batch `path` names (quyet_dinh), beside it; None when its file does
    not say (it is read only to word a refusal)."""
    try:
        name = load_yaml(path).data.get(DECISION_KEY)
    except (OSError, VanthuError):
        return None
    if not isinstance(name, str) or not name.strip():
        return None
    return (path.resolve().parent / name.strip()).resolve()


def book_overlap_error(
    path: Path, others: list[Overlap], year: str, *, in_build: bool
) -> RenderError:
    """Batch `path` refused because `others` hold some of its sổ vàng numbers (each with the
    numbers it shares), naming every one of them; else because they print the same
    certificates (book_rows_error). Two batches of one decision are refused, not
    reconciled: a second file numbers the list as it is now from its so_vao_so, so once the
    list is edited it prints other numbers than the certificates and the sổ vàng of the first
    (a spoiled certificate reprinted as 508 where the book says 507). The message says how to
    reprint: chon: dong in the batch that printed it, where each certificate keeps its number.
    `in_build`: worded for the build, which names the file before the message."""
    by_numbers = [shared for shared in others if isinstance(shared, Shared)]
    if not by_numbers:
        same = [shared for shared in others if isinstance(shared, SameCertificates)]
        return book_rows_error(path, same, in_build=in_build)
    numbers = number_ranges([n for s in by_numbers for n in range(s.numbers[0], s.numbers[1] + 1)])
    held = ", ".join(
        f"{shown(s.other)} ({number_ranges(range(s.numbers[0], s.numbers[1] + 1))})"
        for s in by_numbers
    )
    decision = batch_decision(path)
    following = new_numbers_only(path, by_numbers, year)
    if following is not None:  # a new so_vao_so would renumber what the batch printed
        advice = Phrase("data.book_next_numbers_advice", following=following)
    elif decision is not None and any(batch_decision(s.other) == decision for s in by_numbers):
        advice = Phrase("build.book_numbers_reprint", decision=decision.name)
    else:
        advice = Phrase("build.book_numbers_renumber")
    if in_build:
        return RenderError(
            "build.book_numbers_overlap", numbers=numbers, others=held, year=year, advice=advice
        )
    return RenderError(
        "render.book_numbers_overlap", file=shown(path), numbers=numbers, others=held, year=year,
        advice=advice,
    )  # fmt: skip


def new_numbers_only(path: Path, shared: list[Shared], year: str) -> int | None:
    """When the numbers batch `path` shares with other batches (`shared`) are only new ones
    (its so_vao_so the one its last build or render recorded, each shared number after the
    last it gave then: people added to its list), the number after the other batches' last, as
    their manifests record them; None otherwise. Read only to word a refusal."""
    from pipeline.workspace.core import Workspace

    try:
        workspace = Workspace.containing(path)
        first = load_yaml(path).data.get("so_vao_so")
        own = workspace.recorded_entry(path, int(year))
    except (OSError, ValueError, VanthuError):
        return None
    if own is None or own.so_vao_so is None or own.so_vao_so[0] != first:
        return None
    if min(s.numbers[0] for s in shared) <= own.so_vao_so[1]:
        return None
    lasts = [s.numbers[1] for s in shared]
    for s in shared:
        other = workspace.recorded_entry(s.other, int(year))
        if other is not None and other.so_vao_so is not None:
            lasts.append(other.so_vao_so[1])
    return max(lasts) + 1


def book_rows_error(
    path: Path, others: list[SameCertificates], *, in_build: bool
) -> RenderError:
    """Batch `path` refused because `others`, batches of the same decision, already print
    some of its certificates (the same rows of the list) under other sổ vàng numbers: each
    person would hold two. Named with the rows and the numbers the others gave them."""
    rows = number_ranges([row for shared in others for row in shared.rows])
    held = ", ".join(
        f"{shown(shared.other)} ({number_ranges(shared.their_numbers)})" for shared in others
    )
    decision = batch_decision(path)
    name = decision.name if decision is not None else DECISION_KEY
    if in_build:
        return RenderError("build.book_rows_overlap", rows=rows, others=held, decision=name)
    return RenderError(
        "build.book_rows_overlap_file", file=shown(path), rows=rows, others=held, decision=name
    )


def form_entries(entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    """The entries given a hình thức (not a danh hiệu)."""
    return tuple(e for e in entries if not is_title(e))


def refuse_titles(
    entries: tuple[Entry, ...], forms: tuple[Entry, ...], rows: RowFilter | None, source: Source
) -> None:
    """A batch prints Giấy khen (and other hình thức): rows given a danh hiệu in the chosen rows
    are refused, naming them, rather than left out: the batch would silently print fewer
    pages (and other numbers) than the clerk counted."""
    form_rows = {e.row for e in forms}  # is_title worked out once per entry, for `forms`
    titles = [e for e in entries if e.row not in form_rows]
    if not titles:
        return
    shown = "; ".join(f"{e.row} ({e.name}: {e.award})" for e in titles[:5])
    if len(titles) > 5:
        shown += f" (+{len(titles) - 5})"
    awards = sorted({e.award for e in forms})
    loc = ("chon",) if rows is not None else (DECISION_KEY,)
    if awards:
        raise source.error("data.certificate_titles", loc, rows=shown, award=awards[0])
    raise source.error("data.certificate_titles_only", loc, rows=shown)


def batch_rows(entries: tuple[Entry, ...], rows: RowFilter | None) -> tuple[Entry, ...]:
    """The rows of the batch (its chon: khen_thuong and doi_tuong, else every row), in the
    list's order: what its so_vao_so numbers, one after another; chon: dong only reprints some."""
    if rows is None:
        return entries
    if rows.doi_tuong is not None:
        entries = tuple(e for e in entries if e.collective == (rows.doi_tuong == "tap_the"))
    if rows.khen_thuong is not None:
        wanted = " ".join(rows.khen_thuong.split()).casefold()
        entries = tuple(e for e in entries if " ".join(e.award.split()).casefold() == wanted)
    return entries


def chosen(entries: tuple[Entry, ...], rows: RowFilter | None, source: Source) -> tuple[Entry, ...]:
    """The entries the filter keeps, in the list's order; a row that is not in it is an error."""
    if rows is None:
        return entries
    if rows.dong:
        known = {entry.row for entry in entries}
        for index, row in enumerate(rows.dong):
            if row not in known:
                raise source.error("data.no_such_row", ("chon", "dong", index), number=row)
        entries = tuple(e for e in entries if e.row in set(rows.dong))
    entries = batch_rows(entries, rows)
    if not entries:
        raise source.error("data.no_rows_chosen", ("chon",))
    return entries


def by_book_number(
    entries: tuple[Entry, ...], given: tuple[Given, ...], rows: RowFilter, source: Source
) -> tuple[Entry, ...]:
    """The entries whose số vào sổ `rows.so_vao_so` names (a reprint of "giấy khen số 505", the
    number on the spoiled certificate and in the sổ vàng), in the list's order; a number the
    batch does not give is an error naming the numbers it gives. Choosing by sheet rows too
    would leave a number out unseen when its row is not among them: one way only."""
    loc = ("chon", "so_vao_so")
    if rows.dong:
        raise source.error("data.chon_rows_and_book_numbers", loc)
    if not given:
        raise source.error("data.chon_book_numbers_unnumbered", loc)
    row_of = {g.number: g.row for g in given}
    for index, number in enumerate(rows.so_vao_so):
        if number not in row_of:
            raise source.error("data.no_such_book_number", (*loc, index), number=number,
                               numbers=number_ranges(sorted(row_of)))  # fmt: skip
    wanted = {row_of[number] for number in rows.so_vao_so}
    return tuple(e for e in entries if e.row in wanted)


def identity(name: str, unit: str) -> tuple[str, str]:
    """Who a certificate is for, as the list may write it again: NFC, single spaces, any case."""
    from pipeline.figures import unit_key  # a batch of Giấy khen's only: not with the module

    return unit_key(name), unit_key(unit)


class Changes(str):
    """Several catalogue phrases said one after another (what changed on a certificate, the
    certificates holding a batch's numbers), each in the language the message is shown in
    (VanthuError.detail asks `describe`)."""

    phrases: tuple[Phrase, ...]

    def __new__(cls, phrases: list[Phrase]) -> Changes:
        changes = super().__new__(cls, "; ".join(phrases))
        changes.phrases = tuple(phrases)
        return changes

    def describe(self, lang: str | None = None) -> str:
        return "; ".join(phrase.describe(lang) for phrase in self.phrases)

    def __reduce__(self) -> tuple[type[Changes], tuple[list[Phrase]]]:
        return Changes, (list(self.phrases),)  # made again from its phrases, not its text


def what_changed(given: Given, entry: Entry) -> Changes | None:
    """What a printed certificate (`given`: its number, name, unit and chức vụ) no longer says
    now that its number prints for `entry`: the name before (noting a change of case only),
    the unit and the chức vụ before and now (or left empty); None when it prints the same."""
    phrases = []
    old_name = given.name
    if clean(old_name) != clean(entry.name):
        case_only = clean(old_name).casefold() == clean(entry.name).casefold()
        key = "data.book_change_name_case" if case_only else "data.book_change_name"
        phrases.append(Phrase(key, old=old_name))
    pairs = (("unit", given.unit, entry.unit), ("position", given.position, entry.position))
    for key, old, new in pairs:
        if old is None or clean(old) == clean(new):
            continue
        if not new.strip():
            phrases.append(Phrase(f"data.book_change_{key}_cleared", old=old))
        elif not old.strip():
            phrases.append(Phrase(f"data.book_change_{key}_added", new=new))
        else:
            phrases.append(Phrase(f"data.book_change_{key}", old=old, new=new))
    return Changes(phrases) if phrases else None


def reprint_warning(given: Given, entry: Entry) -> InputError | None:
    """The warning that printed certificate `given` must be reprinted for `entry`, saying what
    changed (a unit changed under the same name said the same name twice before)."""
    changes = what_changed(given, entry)
    if changes is None:
        return None
    return InputError(
        "data.book_number_renamed", number=given.number, old=given.name, new=entry.name,
        changes=changes,
    )  # fmt: skip


def assign_numbers(
    entries: tuple[Entry, ...], first: int, recorded: tuple[Given, ...], last: int | None
) -> tuple[tuple[Given, ...], tuple[InputError, ...]]:
    """Each certificate's số vào sổ: the one the last build gave it (its name and unit the
    same, but for case and spacing; a change of case is warned: it prints otherwise), else, a
    corrected name or unit, the one given to the same row of the sheet, with a warning saying
    what changed; else the next after the last number ever given; the numbers no longer
    printed are warned. Without a record (a first build) the numbers follow the list from
    `first`."""
    numbers: list[int | None] = [None] * len(entries)
    free: dict[tuple[str, str], list[Given]] = {}
    for given in recorded:
        free.setdefault(identity(given.name, given.unit), []).append(given)
    changes: list[InputError] = []
    for index, entry in enumerate(entries):  # unchanged rows keep their numbers
        same = free.get(identity(entry.name, entry.unit))
        if same:
            given = same.pop(0)
            numbers[index] = given.number
            if (warning := reprint_warning(given, entry)) is not None:
                changes.append(warning)
    left = {given.row: given for items in free.values() for given in items}
    for index, entry in enumerate(entries):  # a corrected name keeps its row's number
        if numbers[index] is None and entry.row in left:
            given = left.pop(entry.row)
            numbers[index] = given.number
            if (warning := reprint_warning(given, entry)) is not None:
                changes.append(warning)
    after = max([first - 1, last or 0, *(g.number for g in recorded)])
    for index in range(len(entries)):
        if numbers[index] is None:
            after += 1
            numbers[index] = after
    for given in sorted(left.values()):
        changes.append(InputError("data.book_number_freed", number=given.number, name=given.name))
    result = tuple(
        Given(number, entry.name, entry.unit, entry.row, entry.position)
        for number, entry in zip(numbers, entries, strict=True)
        if number is not None
    )
    return result, tuple(changes)


def book_of(
    data: CertificateData, source: Source, entries: tuple[Entry, ...], resolver: Resolver
) -> tuple[tuple[Given, ...], tuple[InputError, ...], int]:
    """The whole batch's số vào sổ and the last number it ever gave, kept from what the sổ
    vàng in the register (register.golden_entries) or the manifest of its last build records
    while its so_vao_so is the same (a new so_vao_so numbers the list afresh); refused,
    at so_vao_so, when the book holds one of its numbers for a certificate of another batch,
    and as a second file of the same certificates when another batch of its decision printed
    some of its rows; both left to the check of the manifests (batch.book_claims), in its own
    words, when they name the other batch."""
    if data.so_vao_so is None:
        return (), (), 0
    record = manifest_record(data, source.path, resolver)
    opened = book_register(resolver)
    if opened is None:
        return numbered(entries, data.so_vao_so, record)
    workspace, register = opened
    with register:
        batch = book_batch(data, source.path, workspace, register)

        def work(tx: Transaction) -> BookRead:
            own = own_entries(tx, batch, register.source_exists)
            kept = latest_record(record, batch_record(own, batch.first))
            result = numbered(entries, batch.first, kept)
            taken = holders(tx, batch, (given.number for given in result[0]), own)
            moved = {entry.source for entry in own}
            rows = {given.row for given in result[0]}
            same = [entry for entry in decision_entries(tx, batch)
                    if entry.given.row in rows and entry.source not in moved]  # fmt: skip
            return BookRead(result, taken, same, book_last(tx, batch), bool(kept[0]))

        read = register.read(work)
    if not data.in_thu:  # a test print may repeat numbers: it is no certificate
        unseen = [e for e in read.taken if not named_by_manifests(e, batch, workspace, resolver)]
        if unseen:
            raise book_number_taken(source, unseen, batch, read.last, kept=read.kept)
        same = [entry for entry in read.same if data_file_there(entry, workspace)
                and not named_by_manifests(entry, batch, workspace, resolver)]  # fmt: skip
        if same:
            raise book_rows_taken(source.path, same, workspace)
    return read.numbered


@dataclass(frozen=True)
class BookRead:
    """What book_of reads of the sổ vàng in one transaction: the batch numbered, the rows of
    other batches holding its numbers (`taken`) or printing its certificates (`same`), the
    last number the book holds, and whether the batch had numbers of its own to keep."""

    numbered: Numbered
    taken: list[BookEntry]
    same: list[BookEntry]
    last: int
    kept: bool


def book_rows_taken(path: Path, same: list[BookEntry], workspace: Workspace) -> RenderError:
    """Batch `path` refused because other batches of its decision printed some of its
    certificates, as the sổ vàng records them (`same`): book_rows_error's words, naming each
    batch with the rows it printed and the numbers it gave them."""
    by_source: dict[str, list[BookEntry]] = {}
    for entry in sorted(same, key=lambda entry: (entry.source, entry.given.row)):
        by_source.setdefault(entry.source, []).append(entry)
    others = [SameCertificates(workspace.root / source, tuple(e.given.row for e in entries),
                               tuple(e.number for e in entries))
              for source, entries in by_source.items()]  # fmt: skip
    return book_rows_error(path, others, in_build=False)


# A batch's certificates with their số vào sổ, the warnings of what changed, and the last number
# it ever gave.
Numbered = tuple[tuple[Given, ...], tuple[InputError, ...], int]
# The certificates a batch's last build printed with their numbers, and the last number it gave.
Record = tuple[tuple[Given, ...], int | None]


def numbered(entries: tuple[Entry, ...], first: int, record: Record) -> Numbered:
    """assign_numbers from `record`, with the last number the batch then ever gave."""
    given, changes = assign_numbers(entries, first, *record)
    return given, changes, max([record[1] or 0, *(g.number for g in given)])


def manifest_record(data: CertificateData, path: Path, resolver: Resolver) -> Record:
    """What the manifest of the batch's last build or render records of its certificates,
    while its so_vao_so is the same; nothing otherwise."""
    entry = resolver.recorded_entry(path, data.ngay.year)
    if entry is not None and entry.so_vao_so and entry.so_vao_so[0] == data.so_vao_so:
        return entry.so_vao_so_cap, entry.so_vao_so[1]
    return (), None


def latest_record(manifest: Record, book: BatchRecord | None) -> Record:
    """The later of what the manifest and the sổ vàng record of a batch: numbers only grow, so
    the one that gave the higher last number; the sổ vàng's when they gave the same (a
    `vanthu render` records only in the manifest, the build in both)."""
    if book is None or (manifest[1] is not None and manifest[1] > book.last):
        return manifest
    return book.given, book.last


def book_register(resolver: Resolver) -> tuple[Workspace, Register] | None:
    """The register holding the sổ vàng of the workspace the batch loads in, opened; None for
    a loader of no workspace (Resolver.workspace: other Locations), or a workspace whose
    register is not made yet (it holds nothing, and none is made for the book: record_printed)."""
    from pipeline.register.location import data_file_exists, open_register, register_exists
    from pipeline.workspace.core import Workspace

    workspace = resolver.workspace()
    if not isinstance(workspace, Workspace):
        return None
    location, root = workspace.register_location, workspace.root
    if not register_exists(location, root=root):
        return None
    return workspace, open_register(location, root=root, source_exists=data_file_exists(root))


def book_batch(
    data: CertificateData, path: Path, workspace: Workspace, register: Register
) -> Batch:
    """The batch as the sổ vàng names it: its office and year, its data file (of the workspace
    as `register` names it, documents.register_identity), its so_vao_so and its decision."""
    from pipeline.register.documents import register_identity

    identity = register.workspace
    if identity is None:
        identity = register_identity(register, workspace, give=False)
    assert data.so_vao_so is not None
    return Batch(data.co_quan, data.ngay.year, workspace.name_of(path), identity,
                 data.so_vao_so, decision_name(workspace, path))


def named_by_manifests(entry: BookEntry, batch: Batch, workspace: Workspace,
                       resolver: Resolver) -> bool:
    """Whether the check of overlapping batches that render, check and build make from the
    manifests (batch.book_claims) names the batch holding `entry` with its own words (a reprint
    made as a file of its own, told to use chon: dong): a batch of this workspace whose data
    file is there and whose last build or render recorded that number."""
    if entry.workspace != batch.workspace or not data_file_there(entry, workspace):
        return False
    recorded = resolver.recorded_entry(workspace.root / entry.source, batch.year)
    numbers = recorded.so_vao_so if recorded is not None else None
    return numbers is not None and numbers[0] <= entry.number <= numbers[1]


def data_file_there(entry: BookEntry, workspace: Workspace) -> bool:
    """Whether the data file of the batch holding `entry`, named as `workspace` names its
    files, is there."""
    try:
        return (workspace.root / entry.source).is_file()
    except OSError:
        return False


# How many of the certificates holding a batch's numbers a refusal names before "(+N)".
_NAMED_HOLDERS = 5


def book_number_taken(
    source: Source, taken: list[BookEntry], batch: Batch, last: int, *, kept: bool = False
) -> InputError:
    """The refusal of a batch that would give numbers the sổ vàng holds for certificates of
    other batches, at its so_vao_so: the numbers, whom and which batch they were given to,
    and the next number no one holds. `kept`: the batch keeps numbers it gave before, so the
    numbers refused are its new people's: a new so_vao_so would renumber its printed
    certificates, so the refusal says what keeps them (data.book_next_number_taken)."""
    named = Changes([holder_words(entry, batch) for entry in taken[:_NAMED_HOLDERS]])
    more = f" (+{len(taken) - _NAMED_HOLDERS})" if len(taken) > _NAMED_HOLDERS else ""
    key = "data.book_next_number_taken" if kept else "data.book_number_taken"
    return source.error(
        key, ("so_vao_so",),
        numbers=number_ranges([entry.number for entry in taken]), year=batch.year,
        agency=batch.agency, holders=named, more=more, following=last + 1,
    )  # fmt: skip


def holder_words(entry: BookEntry, batch: Batch) -> Phrase:
    """One number the sổ vàng holds: its number, person and batch (another workspace's named
    by its định danh)."""
    key = "data.book_holder" if entry.workspace == batch.workspace else "data.book_holder_other"
    return Phrase(key, number=entry.number, name=entry.given.name, batch=entry.source,
                  workspace=entry.workspace or "")


class Printed(NamedTuple):
    """What a Giấy khen batch printed, as the sổ vàng records it: its office, year and
    so_vao_so, and every certificate with its number."""

    agency: str
    year: int
    first: int
    given: tuple[Given, ...]


def entry_printed(entry: ManifestEntry) -> Printed | None:
    """What a manifest entry records a batch printed; None for no batch on the phôi."""
    if entry.so_vao_so is None or not entry.so_vao_so_cap:
        return None
    return Printed(entry.co_quan, int(entry.ngay[:4]), entry.so_vao_so[0], entry.so_vao_so_cap)


def record_book(
    register: Callable[[], Register], workspace: Workspace,
    built: Mapping[Path, ManifestEntry], kept: Mapping[Path, ManifestEntry],
) -> dict[Path, InputError]:
    """The build's record_printed: the batches built now (`built`) and kept from an earlier
    build or render (`kept`), from the manifest entries of their outputs."""
    return record_printed(register, workspace, printed_of(built), printed_of(kept))


def record_rendered(
    register: Callable[[], Register], workspace: Workspace, document: LoadedDocument
) -> None:
    """render's record_printed, before the batch's output is written: its refusal raised
    (nothing then written); nothing recorded in a workspace without a register (its manifests
    keep the book there) nor for a test print (in_thu: co)."""
    numbers, given = book_numbers(document), book_record(document)
    if numbers is None or not given:
        return
    data = document.info.data
    printed = {document.path: Printed(data.co_quan, data.ngay.year, numbers[0], given)}
    refused = record_printed(register, workspace, printed, {})
    if refused:
        raise refused[document.path]


def printed_of(entries: Mapping[Path, ManifestEntry]) -> dict[Path, Printed]:
    """What the manifest entries `entries` record their batches printed (entry_printed)."""
    return {path: printed for path, entry in entries.items()
            if (printed := entry_printed(entry)) is not None}  # fmt: skip


def record_printed(
    register: Callable[[], Register], workspace: Workspace,
    built: Mapping[Path, Printed], kept: Mapping[Path, Printed],
) -> dict[Path, InputError]:
    """Record in the sổ vàng what the Giấy khen batches print (data file → what it printed:
    `built` now, `kept` from an earlier build or render, entered too), in one
    transaction of the workspace's register (`register` opens it), when a batch is built now
    and the register is there: a register made for the sổ vàng alone would have every later
    build enter the numbers typed in the workspace's documents in it (Register.record_typed),
    so without one the manifests stay the book's only record. The batches built now that
    are refused because another batch took some of their numbers since they were loaded (a
    colleague on a shared register), each with its refusal."""
    books = {**kept, **built}
    if not built:
        return {}
    from pipeline.register.location import register_exists

    if not register_exists(workspace.register_location, root=workspace.root):
        return {}
    opened = register()
    recordings = {path: printed_batch(workspace, opened, path, printed)
                  for path, printed in books.items()}  # fmt: skip
    refused = opened.record_golden(list(recordings.values()))
    errors: dict[Path, InputError] = {}
    for path in built.keys():
        batch = recordings[path].batch
        if refused.get(batch):
            last = opened.read(partial(book_last, batch=batch))
            errors[path] = book_number_taken(load_yaml(path), refused[batch], batch, last)
    return errors


def printed_batch(
    workspace: Workspace, register: Register, path: Path, printed: Printed
) -> Recording:
    """What the sổ vàng records of batch `path` as `printed` says it printed, named as
    `register` names the workspace's files."""
    batch = Batch(printed.agency, printed.year, workspace.name_of(path), register.workspace,
                  printed.first, decision_name(workspace, path))
    return Recording(batch, printed.given)


def decision_name(workspace: Workspace, path: Path) -> str | None:
    """The award decision batch `path` names, as the workspace names its files."""
    decision = batch_decision(path)
    return workspace.name_of(decision) if decision is not None else None


def profile_source(data: CertificateData, source: Source, resolver: Resolver) -> Source:
    """The batch's office's profile as parsed, for the lines of its wording and its signers
    (a refused field names them): the file the loader validated the office from, parsed by
    the loader once while it is unchanged, however many batches and certificates print from
    it; the context has no loader to ask."""
    _, profile = resolver.agency(data.co_quan, source)
    return resolver.parse(profile)


def certificate_attachments(data: CertificateData, source: Source, resolver: Resolver) -> Attached:
    """The decision (loaded once per loader), the rows that get a certificate, each with its
    số vào sổ in the whole batch, and, when the decision takes its number from the register,
    the decision's file as the number's source."""
    decision = award_decision(source, resolver)
    info = decision.info
    attachments = info.attachments
    assert isinstance(attachments, DecisionAttachments) and attachments.awards is not None
    decision_data = info.data
    assert isinstance(decision_data, DecisionData) and decision_data.khen_thuong is not None
    decision_source = resolver.parse(decision.path)
    list_file = sheet_path(decision_data.khen_thuong, decision_source, "khen_thuong", resolver)
    every = attachments.awards.entries
    forms = form_entries(every)
    entries = chosen(every, data.chon, source)
    refuse_titles(entries, forms, data.chon, source)
    if not decision_data.khen_thuong.thanh_tich:
        refuse_no_achievement(source)
    # The batch is its award's (and kind's) certificates, every one of the list without them,
    # numbered one after another; chon: dong reprints some at their numbers in it.
    given, changes, last = book_of(data, source, batch_rows(forms, data.chon), resolver)
    if data.chon is not None and data.chon.so_vao_so:
        entries = by_book_number(entries, given, data.chon, source)
    number_of = {g.row: g.number for g in given}
    numbers = tuple(number_of[e.row] for e in entries) if given else ()
    lender: NumberFrom | None = None
    if decision_data.needs_number:  # so: tu_dong: the number the register holds for its file
        lender = NumberFrom(
            decision.path, decision_data.co_quan, source.path,
            source.line_of((DECISION_KEY,)), DECISION_KEY,
        )  # fmt: skip
    sources = CertificateSources(source, profile_source(data, source, resolver), decision_source)
    attached = CertificateAttachments(
        info, entries, list_file, numbers, given, changes, last, sources
    )
    return Attached(attached, decision.files, number_from=lender,
                    warnings=decision_warnings(decision))  # fmt: skip


# The decision's field whose warnings a batch repeats: the date every certificate prints.
PRINTED_DATE = "ngay"


def decision_warnings(decision: LoadedDocument) -> tuple[InputError, ...]:
    """The decision's warnings at its date (after today, a Sunday, a level abolished, another
    year's folder), at the decision's file and line: every certificate of the batch prints that
    date, so a batch rendered alone says them too, where the date is written and corrected
    (the batch's own file has no date: documents.own_warnings leaves its own out)."""
    return tuple(
        InputError(warning.key, file=decision.path, line=warning.line, field=warning.field,
                   **warning.params)
        for warning in decision.warnings
        if isinstance(warning, InputError) and warning.file is None
        and warning.field == PRINTED_DATE
    )  # fmt: skip
