"""The list's own total rows: "Tổng cộng: 25 người", a sum under Số tiền, a "Cộng" under each
group. A total row is no person's: its figures are kept (`StatedTotal`, in Table.totals), and
one that cannot be a total of the rows above it is refused at its cell. The sums and counts are
running ones (`RunningTallies`): a list with a Cộng under each group is added up once.

`table.build_table` asks here whether a row it cannot read as a person's is a total row;
`table.Table.check_counts` checks the counts only the award list can tell.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, NamedTuple, TypeVar

from pipeline.errors import InputError
from pipeline.load.spreadsheet.cells import clean, get_column_letter, plain_text
from pipeline.load.spreadsheet.header import Header
from pipeline.load.spreadsheet.row import Row, _Column
from pipeline.load.spreadsheet.signatures import folded
from pipeline.patterns import lazy
from pipeline.render.phrase import Phrase
from pipeline.rules.money import format_money
from pipeline.rules.words import amount_in_words, money_in_words

_Item = TypeVar("_Item")
_Tally = TypeVar("_Tally")


@dataclass(frozen=True)
class StatedTotal:
    """A figure the list's own total row states ("Tổng cộng: 25 người", a sum under Số tiền):
    what it counts, where it is written, and which rows it can be the total of."""

    row: int  # the total row, as Excel numbers it
    column: int  # 1-based column of the cell holding the figure
    field: str | None  # the header of that column when the list reads it
    kind: str  # one of TOTAL_KINDS
    value: int
    text: str  # the cell as written, for the message
    since: int  # index in Table.rows of the first row after the total row before it (0 if none)
    upto: int  # how many rows of the list are above it
    subtotal: bool = False  # labelled "Cộng" alone: a group's total, not the list's

    @property
    def cell(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"

    @property
    def grouped(self) -> bool:
        """Whether the figure may count a group of its own: rows since the total row before
        it. Right under another total row (a Tổng cộng under the last Cộng) there is none, and
        the figure counts every row above it: an empty group is no licence for any figure."""
        return 0 < self.since < self.upto

    def spans(self) -> tuple[range, ...]:
        """The rows (indexes in Table.rows) the figure is compared with: all the rows above it
        (a Tổng cộng), and, when it has a group (`grouped`), those since the total row before
        it (a group's Cộng). Which of them it may rightly state: `rightful`."""
        spans = (range(0, self.upto), range(self.since, self.upto))
        return spans if self.grouped else spans[:1]

    def rightful(self, counted: Sequence[_Tally]) -> Sequence[_Tally]:
        """Of what the spans count (`counted`, in the order of `spans`), what the figure may
        rightly state. A "Cộng" under a group counts that group: the running total from the
        top of the sheet there is a wrong subtotal, however right the figure would be for a
        Tổng cộng (under the first group, both are the same rows: no other group to mistake
        it for). A Tổng cộng, Tổng số or Tổng may state either: a list whose last group has
        no Cộng closes with its Tổng cộng right under that group's rows."""
        return counted[-1:] if self.subtotal and self.grouped else counted

    def from_top(
        self, group: str, rows: Sequence[Row], file: str, sheet: str | None
    ) -> InputError:
        """The refusal of a group's Cộng stating the figure of every row from the top of the
        sheet (the clerk's SUM or COUNTA started at the first row): `group` says what its own
        group counts; `rows` are the list's rows, to name the group's first and last."""
        first, last = rows[self.since].number, rows[self.upto - 1].number
        return self.error("sheet.subtotal_from_top", file, sheet, group=group, first=first,
                          last=last)  # fmt: skip

    def error(self, key: str, file: str, sheet: str | None, **params: Any) -> InputError:
        """An InputError at the cell of the figure, saying what it counts (in the language the
        message is shown in)."""
        return InputError(
            key, file=file, sheet=sheet, row=self.row, field=self.field, cell=self.cell,
            stated=format_money(self.value), text=self.text,
            what=Phrase(f"sheet.total_kind.{self.kind}"), **params,
        )  # fmt: skip


# What a total row's figure counts; each is said by the catalogue's sheet.total_kind.<kind>.
TOTAL_KINDS = ("nguoi", "ca_nhan", "tap_the", "luot", "tien")
# Money after a figure, as clerks write it ("710.000 đ", "4.260.000 đồng"): in a total row and
# in a Số tiền cell (_amount).
_MONEY_UNITS = ("đồng", "đ", "vnđ", "vnd")
# What a figure counts by the word after it ("25 người", "12 lượt", "4.260.000 đồng").
_UNITS_AFTER = {
    "người": "nguoi",
    "cá nhân": "ca_nhan",
    "tập thể": "tap_the",
    "đơn vị": "tap_the",
    "lượt": "luot",
    "trường hợp": "luot",
    "danh hiệu": "luot",
    **dict.fromkeys(_MONEY_UNITS, "tien"),
}
# What a figure counts by the words before it, and only there: "Số tiền: 4.260.000".
_UNIT_KINDS = {**_UNITS_AFTER, "tiền": "tien", "tiền thưởng": "tien"}


def _alternatives(words: Iterable[str]) -> str:
    """A regex alternation of `words`, the longest first: "đồng" is tried before "đ"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_UNIT = _alternatives(_UNITS_AFTER)
# The label a row opens with ("Tổng cộng", "Tổng số", or "Tổng"/"Cộng" followed by a figure or
# nothing), on the NFC, case-folded text of the row's first non-empty cell. Tones matter: the
# surname "Tống" is no "Tổng", and "Tổng công ty ..." or "Cộng đồng ..." (collectives) are names.
_total_label_text = lazy(r"(?:tổng cộng|tổng số)(?!\w)|(?:tổng|cộng)(?=\s*[:.]?\s*(?:\d|$))")
# The label of a group's total: "Cộng" alone (a Tổng cộng, Tổng số or Tổng may be the list's).
_SUBTOTAL_LABEL = "cộng"
# A number as clerks type it: 25, 4260000, or grouped by threes with one separator throughout
# (4.260.000, 4,260,000, 4 260 000); its digits are group "number".
_NUMBER = r"(?P<number>\d{1,3}(?P<sep>[.,\s])\d{3}(?:(?P=sep)\d{3})*|\d+)"
# A figure in a total row, with what it counts after it if said ("25 người").
_figure = lazy(rf"(?<![\d.,]){_NUMBER}(?![.,]?\d)(?:\s*(?P<unit>{_UNIT})(?!\w))?")
# What a figure without a unit after it counts, when the words before it say: "Số người: 6".
_said_before = lazy(rf"(?:^|\W)({_alternatives(_UNIT_KINDS)})\W*$")
_non_digit = lazy(r"\D")
# Figures a clerk writes in a Số tiền cell: 710000, 710.000, 710,000, 710 000, with đ/đồng.
_amount = lazy(rf"{_NUMBER}\s*(?:{_alternatives(_MONEY_UNITS)})?\.?", re.I)


def typed_money(text: str) -> int | None:
    """The amount a clerk typed in a Số tiền cell ("710.000 đ" → 710000); None when the text
    does not read as one (pipeline.awards refuses it at its cell)."""
    match = _amount().fullmatch(unicodedata.normalize("NFC", text).strip())
    return int(_non_digit().sub("", match.group("number"))) if match else None


def typed_amount(row: Row) -> int | None:
    """The amount typed in the row's Số tiền cell, parsed once and kept on the row (the list's
    totals add it up, pipeline.awards checks it against the reward); None when the cell is
    empty or does not read as an amount."""
    if "so_tien" not in row.parsed:
        text = row.values.get("so_tien") or ""
        row.parsed["so_tien"] = typed_money(text) if text else None
    amount: int | None = row.parsed["so_tien"]
    return amount


class Label(NamedTuple):
    """Where a total row's label is, what follows it in its cell, and whether it is a
    group's "Cộng" (StatedTotal.subtotal)."""

    offset: int  # 0-based column of the cell it opens
    rest: str  # the text after it (NFC, case-folded)
    subtotal: bool


def _total_label(cells: Sequence[object]) -> Label | None:
    """The label when the row's first non-empty cell opens with a total label; None for any
    other row. Looked at only for rows the list would not read as a person's: blank ones, and
    ones missing a name or a title."""
    for offset, raw in enumerate(cells):
        if raw is None or raw == "":
            continue
        if not isinstance(raw, str):
            return None
        text = unicodedata.normalize("NFC", " ".join(raw.split())).casefold()
        match = _total_label_text().match(text)
        if match is None:
            return None
        return Label(offset, text[match.end() :], match.group() == _SUBTOTAL_LABEL)
    return None


def _figures(text: str, bare: str | None) -> Iterator[tuple[str, int]]:
    """The (kind, value) figures said in a total row's cell text (NFC, case-folded).

    A figure says what it counts after it ("25 người") or just before it ("Số tiền: 4.260.000");
    one alone in the text counts `bare` (a cell's whole content, or the text after the label:
    "Tổng cộng: 25"). Any other number ("năm 2025", "2 phòng") is no figure.
    """
    matches = list(_figure().finditer(text))
    for index, match in enumerate(matches):
        before = text[matches[index - 1].end() if index else 0 : match.start()]
        after = text[match.end() : matches[index + 1].start() if index + 1 < len(matches) else None]
        unit = match.group("unit")
        if not unit:
            said = _said_before().search(before)
            unit = said.group(1) if said else None
        kind: str | None
        if unit:
            kind = _UNIT_KINDS[unit]
        elif index == 0 and not any(c.isalnum() for c in before + after):
            kind = bare  # alone: "Tổng cộng: 25", not "Tổng cộng: 2 phòng, 3 tổ"
        else:
            kind = None
        if kind is not None:
            yield kind, int(_non_digit().sub("", match.group("number")))


def _total_row(
    label: Label,
    number: int,
    cells: Sequence[object],
    present: Sequence[_Column],
    header: Header,
    sums: RunningTallies[Row, _TypedSum],
    since: int,
    file: str,
    sheet: str | None,
) -> list[StatedTotal]:
    """The figures a total row states, each checked against the rows above it as far as the
    rows tell; an InputError at the figure's cell for one that disagrees.

    Where a figure is: in the label's own cell (whatever it says), or in another cell of the
    row. A number alone in a cell counts what its column holds: money under Số tiền, people
    under a column the list reads (=COUNTA under Họ và tên); alone in a column the list does
    not read, it may be anything (another sum, a year) and is no figure.
    """
    first, rest = label.offset, label.rest
    read = {c.offset: c.name for c in present}
    found: list[StatedTotal] = []
    for offset, raw in enumerate(cells):
        if raw is None or raw == "" or isinstance(raw, bool):
            continue
        shown = clean(plain_text(raw))
        bare: str | None
        if offset == first:
            text, bare = rest, "nguoi"
        elif isinstance(raw, (str, int, float)):
            text = unicodedata.normalize("NFC", shown).casefold()
            name = read.get(offset)
            bare = None if name is None else "tien" if name == "so_tien" else "nguoi"
        else:  # a date or a time is no figure
            continue
        for kind, value in _figures(text, bare):
            field = header.texts.get(read[offset]) if offset in read else None
            total = StatedTotal(number, offset + 1, field, kind, value, shown[:60], since,
                                len(sums.items), label.subtotal)  # fmt: skip
            _check_total(total, sums, file, sheet, header)
            found.append(total)
    return found


def _check_total(
    total: StatedTotal,
    sums: RunningTallies[Row, _TypedSum],
    file: str,
    sheet: str | None,
    header: Header,
) -> None:
    """Refuse a figure that cannot be a total of the rows above it.

    Lượt count rows: exactly. Người, cá nhân or tập thể cannot be told from rows here (which
    rows are tập thể, and one person given two titles, are the award list's to say: it calls
    Table.check_counts), but never exceed the rows. Money is compared with the sum of the
    amounts typed in the Số tiền column, as the clerk's own SUM adds them up; when no row
    types an amount, the amounts are vanthu's to compute (the decision prints its own total)
    and the figure is left unchecked, as it is when a typed amount is unreadable (the award
    list then refuses that cell by name). The sums are running ones (`sums`): a list with a
    Cộng under each group is added up once, not once per total row. A group's Cộng counts its
    group only (StatedTotal.rightful): one stating the rows from the top is refused as that.
    """
    if total.kind in ("nguoi", "ca_nhan", "tap_the"):
        if total.value > total.upto:
            raise total.error("sheet.total_over_rows", file, sheet, counted=total.upto)
        return
    if total.kind == "luot":
        lengths = [len(span) for span in total.spans()]
        if total.value in total.rightful(lengths):
            return
        if total.value in lengths:  # the rows from the top, under a group's Cộng
            group = Phrase("sheet.subtotal_group_rows", counted=lengths[-1])
            raise total.from_top(group, sums.items, file, sheet)
        raise total.error("sheet.total_rows_differ", file, sheet, counted=total.upto)
    tallies = sums.at(total)
    typed = [tally.value() for tally in tallies]
    if any(s is None or s == total.value for s in total.rightful(typed)):
        return
    # Said: the sum the clerk can check by hand. A group's Cộng is refused with its group's
    # sum (the running total from the top would be no figure of theirs), then the other.
    compared = tallies[-1]
    column = header.texts.get("so_tien", "")
    if total.value in typed and not compared.empties:
        # The sum from the top, under a group's Cộng. With an amount of the group left empty,
        # the Cộng may be the group's own sum (the usual message names the empty cell).
        group = Phrase("sheet.subtotal_group_amount", column_name=column,
                       counted=format_money(compared.total))  # fmt: skip
        raise total.from_top(group, sums.items, file, sheet)
    span: str = Phrase("sheet.span_above")
    overall: str = ""
    if total.grouped:
        rows = sums.items
        span = Phrase("sheet.span_group", first=rows[total.since].number,
                      last=rows[total.upto - 1].number)  # fmt: skip
        if typed[0] is not None:  # None: an amount above the group is unreadable
            overall = Phrase("sheet.span_overall", overall=format_money(typed[0]))
    raise total.error("sheet.total_amount_differs", file, sheet, column_name=column,
                      counted=format_money(compared.total), span=span, overall=overall,
                      blank=compared.blank())  # fmt: skip


# The line a clerk writes under a money list's total row: "Bằng chữ: Một triệu ... đồng".
_words_label = lazy(r"bằng chữ\s*:?\s*")
# The words of an amount as written, each as amount_in_words writes it: the other spellings
# ("ngàn", "lẻ", "tỉ") and the forms a digit takes after tens ("hai mươi mốt", "hai mươi tư",
# "hai mươi lăm") are the same amount; "đồng", "chẵn" and the punctuation say nothing of it.
_SAME_WORDS = {"ngàn": "nghìn", "lẻ": "linh", "tỉ": "tỷ", "mốt": "một", "tư": "bốn",
               "lăm": "năm", "nhăm": "năm"}  # fmt: skip
_NO_AMOUNT_WORDS = frozenset({"đồng", "chẵn", "vnđ", "vnd"})
_word = lazy(r"\w+")


class WordsLine(NamedTuple):
    """A row below a total row saying the amount in words, its only content."""

    offset: int  # 0-based column of its cell
    text: str  # the cell as written, cleaned
    said: str  # the words after "Bằng chữ" (NFC, case-folded)


def words_line(cells: Sequence[object]) -> WordsLine | None:
    """The row below a total row that says the amount in words ("Bằng chữ: Một triệu bốn
    trăm hai mươi nghìn đồng") in its only cell with content; None for any other row."""
    found = None
    for offset, raw in enumerate(cells):
        if raw is None or raw == "":
            continue
        if found is not None or type(raw) is not str:
            return None
        found = (offset, raw)
    if found is None:
        return None
    text = folded(found[1])
    label = _words_label().match(text)
    return None if label is None else WordsLine(found[0], clean(found[1]), text[label.end() :])


def check_words_line(
    line: WordsLine,
    number: int,
    totals: Sequence[StatedTotal],
    header: Header,
    file: str,
    sheet: str | None,
) -> None:
    """Refuse an amount in words below a total row that is not the amount the row states
    (compared as amount_in_words writes it, the decision's Bằng chữ), at its cell, with the
    right words. A total row stating no amount leaves it unchecked: the decision prints its
    own total in words."""
    stated = [t for t in totals if t.kind == "tien" and t.row == totals[-1].row] if totals else []
    if not stated:
        return
    total = stated[-1]
    if _amount_words(line.said) == _amount_words(amount_in_words(total.value)):
        return
    column = line.offset + 1
    field = next((header.texts[n] for n, c in header.columns.items() if c == column), None)
    raise InputError(
        "sheet.total_words_differ", file=file, sheet=sheet, row=number, column=column,
        field=field, cell=f"{get_column_letter(column)}{number}", text=line.text[:120],
        total_cell=total.cell, stated=format_money(total.value),
        words=money_in_words(total.value),
    )  # fmt: skip


def _amount_words(text: str) -> list[str]:
    """The words of an amount (NFC, case-folded) as amount_in_words spells them, those that
    say nothing of it left out."""
    words = (_SAME_WORDS.get(w, w) for w in _word().findall(text))
    return [w for w in words if w not in _NO_AMOUNT_WORDS]


class RunningTallies(Generic[_Item, _Tally]):
    """Tallies of the rows above each total row, and of those since the total row before it
    (a group's Cộng), made in one pass over the rows: a list with a Cộng under each of its
    groups and a Tổng cộng would otherwise be added up again at every total row.

    `items`: the rows (or what is tallied of each), in order; it may still grow while totals
    are asked for. `add` adds one item to each of the tallies it is given (the item is then
    read once for both). Totals must be asked for top to bottom (Table.totals' order).
    """

    def __init__(
        self,
        items: Sequence[_Item],
        new: Callable[[], _Tally],
        add: Callable[[_Item, Sequence[_Tally]], None],
    ) -> None:
        self.items = items
        self._new, self._add = new, add
        self._overall, self._group = new(), new()
        self._position = 0  # the items tallied so far
        self._group_start = 0  # where the group being tallied starts

    def at(self, total: StatedTotal) -> list[_Tally]:
        """The tallies of the spans `total` may count (StatedTotal.spans, in that order). They
        keep running: read them before asking for the next total."""
        if total.since != self._group_start:
            # A new group starts under the total row before this one, never above the rows
            # tallied so far (totals come top to bottom); those before it count overall only.
            assert total.since >= self._position, (total.since, self._position)
            self._advance(total.since, (self._overall,))
            self._group, self._group_start = self._new(), total.since
        self._advance(total.upto, (self._overall, self._group))
        return [self._overall, self._group] if total.grouped else [self._overall]

    def _advance(self, stop: int, tallies: Sequence[_Tally]) -> None:
        for item in self.items[self._position : stop]:
            self._add(item, tallies)
        self._position = max(self._position, stop)


class _TypedSum:
    """The amounts typed in the Số tiền cells of a run of rows, and the first cell left empty
    (a row whose amount is missing from the sum: said when the sum is refused)."""

    __slots__ = ("total", "typed", "unreadable", "empty", "empties")

    def __init__(self) -> None:
        self.total, self.typed, self.unreadable = 0, False, False
        self.empty: Row | None = None  # the first row with an empty Số tiền cell
        self.empties = 0

    @staticmethod
    def add(row: Row, tallies: Sequence[_TypedSum]) -> None:
        text = row.values.get("so_tien") or ""
        if not text:
            for tally in tallies:
                tally.empties += 1
                tally.empty = tally.empty or row
            return
        amount = typed_amount(row)
        for tally in tallies:
            if amount is None:
                tally.unreadable = True
            else:
                tally.total += amount
                tally.typed = True

    def value(self) -> int | None:
        """The sum; None when no row types an amount, or one does not read as an amount."""
        return self.total if self.typed and not self.unreadable else None

    def blank(self) -> str:
        """The empty Số tiền cells, said after the sum ("(ô G44 để trống)"); '' if none."""
        cell = self.empty.cell("so_tien") if self.empty is not None else None
        if cell is None:  # no empty cell, or no Số tiền column (no sum refused then)
            return ""
        if self.empties == 1:
            return Phrase("sheet.total_blank_amount", blank_cell=cell)
        return Phrase("sheet.total_blank_amounts", blank_cell=cell, more=self.empties - 1)


class _Recipients:
    """Who a run of rows awards: rows and distinct recipients, of cá nhân and of tập thể."""

    __slots__ = ("people_rows", "people", "group_rows", "groups")

    def __init__(self) -> None:
        self.people_rows, self.group_rows = 0, 0
        self.people: set[Hashable] = set()
        self.groups: set[Hashable] = set()

    @staticmethod
    def add(recipient: tuple[bool, Hashable], tallies: Sequence[_Recipients]) -> None:
        collective, who = recipient
        for tally in tallies:
            if collective:
                tally.group_rows += 1
                tally.groups.add(who)
            else:
                tally.people_rows += 1
                tally.people.add(who)

    def counts(self) -> tuple[int, int, int, int]:
        """Rows of cá nhân, distinct cá nhân, rows of tập thể, distinct tập thể."""
        return self.people_rows, len(self.people), self.group_rows, len(self.groups)


def _accepted(kind: str, counts: tuple[int, int, int, int]) -> set[int]:
    """The figures a count of `kind` may rightly state: by rows or by recipients, and for
    người, the cá nhân only or every row (clerks count a tập thể as one too)."""
    people_rows, people, group_rows, groups = counts
    if kind == "ca_nhan":
        return {people_rows, people}
    if kind == "tap_the":
        return {group_rows, groups}
    return {people_rows, people, people_rows + group_rows, people + groups}
