"""Read what a batch of Giấy khen refers to: its award decision and the rows of its list."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from pipeline.render.phrase import Phrase

if TYPE_CHECKING:
    from pipeline.model.giay_khen import CertificateData, RowFilter

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
    if decision is not None and any(batch_decision(s.other) == decision for s in by_numbers):
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
    """What changed on a certificate, several catalogue phrases said one after another, each
    in the language the message is shown in (VanthuError.detail asks `describe`)."""

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
    data: CertificateData, path: Path, entries: tuple[Entry, ...], resolver: Resolver
) -> tuple[tuple[Given, ...], tuple[InputError, ...], int]:
    """The whole batch's số vào sổ, kept from the manifest's record of its last build while
    its so_vao_so is the same (a new so_vao_so numbers the list afresh), and the last number
    it ever gave."""
    if data.so_vao_so is None:
        return (), (), 0
    entry = resolver.recorded_entry(path, data.ngay.year)
    recorded: tuple[Given, ...] = ()
    last = None
    if entry is not None and entry.so_vao_so and entry.so_vao_so[0] == data.so_vao_so:
        recorded, last = entry.so_vao_so_cap, entry.so_vao_so[1]
    given, changes = assign_numbers(entries, data.so_vao_so, recorded, last)
    return given, changes, max([last or 0, *(g.number for g in given)])


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
    given, changes, last = book_of(data, source.path, batch_rows(forms, data.chon), resolver)
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
