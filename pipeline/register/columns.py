"""The columns of the sổ đăng ký văn bản đi (Nghị định 30/2020, Phụ lục IV), as data.

See so-dang-ky-van-ban-di.md beside this module for the form and what is assumed about it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from pipeline.register.model import Entry, Status


@dataclass(frozen=True)
class Column:
    key: str  # the Details field (or "reference") it shows
    title: str  # as printed in the form's header
    width_cm: float  # on the printed A4 landscape page (27.7 cm of text width in all)
    xlsx_width: int  # in Excel characters


FORM_COLUMNS: tuple[Column, ...] = (
    Column("reference", "Số, ký hiệu văn bản", 3.2, 18),
    Column("doc_date", "Ngày tháng văn bản", 2.4, 12),
    Column("summary", "Tên loại và trích yếu nội dung", 5.1, 45),
    # A three-word name at 11 pt ("Nguyễn Văn An", 2.55 cm) on one line inside the margins.
    Column("signer", "Người ký", 3.3, 20),
    Column("recipients", "Nơi nhận văn bản", 3.5, 28),
    Column("archive", "Đơn vị, người nhận bản lưu", 2.6, 18),
    Column("copies", "Số lượng bản", 1.5, 8),
    Column("transfer_date", "Ngày chuyển", 2.2, 12),
    Column("received_by", "Ký nhận", 1.7, 14),
    Column("note", "Ghi chú", 2.2, 24),
)

# Beyond the form, in the .xlsx only, so that an export imports back as it was (moving a
# register from a file to PostgreSQL keeps which data file holds which number).
EXTRA_COLUMNS: tuple[Column, ...] = (
    Column("sequence", "Dãy số", 0, 12),
    Column("status", "Trạng thái", 0, 12),
    Column("void_reason", "Lý do hủy", 0, 30),
    Column("source", "Tệp nguồn", 0, 30),  # the data file a render numbered: kept on a move
    # The lines printed above the signer's name (Details.signer_title): kept on a move, so that
    # a signer changed in the profile is still caught against the imported rows.
    Column("signer_title", "Chức danh người ký", 0, 24),
)

# Fixed Vietnamese words in the data file, whatever the message language.
STATUS_WORDS: dict[Status, str] = {
    Status.ISSUED: "đã cấp",
    Status.PENDING: "đang cấp",
    Status.RESERVED: "giữ số",
    Status.VOID: "đã hủy",
}


def printed_note(entry: Entry) -> str:
    """Ghi chú as printed: a void number's reason and a reserved number are said there."""
    said = _status_said(entry.status, entry.void_reason)
    parts = [said] if said else []
    if entry.details.note:
        parts.append(entry.details.note)
    return "; ".join(parts)


def _status_said(status: Status, void_reason: str | None) -> str | None:
    """What printed_note writes first for a status: "Hủy số: lý do", "Giữ số", or nothing."""
    if status is Status.VOID:
        return f"Hủy số: {void_reason}" if void_reason else "Hủy số"
    return "Giữ số" if status is Status.RESERVED else None


def note_from_printed(note: str | None, status: Status, void_reason: str | None) -> str | None:
    """The clerk's own Ghi chú from a printed one (an .xlsx of `so xuat`, which says the status
    there as printed_note does, and in its Trạng thái column too): the status words taken off,
    so that an export imports back as it was. Anything else is the clerk's and kept."""
    said = _status_said(status, void_reason)
    if note is None or said is None:
        return note
    if note == said:
        return None
    if note.startswith(f"{said}; "):
        return note[len(said) + 2:] or None
    return note


# A void as a clerk writes it at the start of Ghi chú: "Hủy số", "Huỷ số: in sai", "HỦY SỐ (in
# sai)", "Đã hủy số - cấp nhầm", "Số bị hủy", "Hủy số 05/QĐ-UBND" (naming the row's own number).
_VOID_NOTE = re.compile(
    r"\s*(?:số\s+)?(?:(?:đã|bị)\s+)?h(?:ủy|uỷ)(?:\s+bỏ)?(?P<word>\s+số)?"
    r"(?:\s+(?P<number>\d{1,4})(?:/[^\s:;,.()]+)?)?",
    re.IGNORECASE,
)
# What may follow the words: nothing, a mark, or (after "hủy số") the reason itself.
_VOID_FOLLOWED = re.compile(r"\s*(?:[:;,.\-–—(]|$)")
_REASON_EDGES = " \t\n:;,.-–—"


def void_from_note(note: str | None, number: int) -> tuple[str | None, str | None] | None:
    """(the reason, the rest of the note) when Ghi chú `note` of the row numbered `number`
    opens by saying the number is voided, as a clerk's own sổ says it where it has no
    Trạng thái column (see _VOID_NOTE); None when it does not: a note naming another number
    ("Hủy số 05, cấp lại" on row 06) or voiding another document ("Hủy Quyết định số 12")
    speaks of something else. A reason in brackets leaves what follows them as the note."""
    found = _VOID_NOTE.match(note or "")
    if found is None or note is None:
        return None
    if found.group("number") is not None and int(found.group("number")) != number:
        return None
    rest = note[found.end():]
    if not _VOID_FOLLOWED.match(rest) and not (found.group("word") and rest[:1].isspace()):
        return None
    rest = rest.strip(_REASON_EDGES)
    other: str | None = None
    if rest.startswith("("):
        closing = rest.find(")")
        if closing > 0:
            other = rest[closing + 1:].strip(_REASON_EDGES) or None
            rest = rest[1:closing]
    return rest.strip(_REASON_EDGES) or None, other


# A number kept aside as a clerk writes it at the start of Ghi chú, matched on the note folded
# (lower case, marks off: _folded): "Giữ số", "Giu so", "Đã giữ số cho QĐ khen thưởng", "Số
# giữ", "Số được giữ lại", "Để trống", "Số bỏ trống", "Giữ số 09" (naming the row's own number).
_RESERVED_NOTE = re.compile(
    r"\s*(?:(?:da\s+)?giu(?:\s+lai)?\s+so(?P<word>)|so\s+(?:duoc\s+)?giu(?:\s+lai)?"
    r"|(?:so\s+)?(?:de|bo)\s+trong)(?:\s+(?P<number>\d{1,4})(?:/[^\s:;,.()]+)?)?")
# What may follow "giữ số" beside a mark: whom or what it is kept for ("cho", "để", "chờ",
# "đợi", "đến"): "giữ số liệu", "số giữ nguyên" are something else.
_RESERVED_FOR = re.compile(r"\s+(?:cho|de|doi|den)(?!\w)")


def _lowered(text: str) -> str:
    """`text` (NFC) in lower case, one letter for each of its own (a letter whose lower case is
    two, as "İ", stays as it is): a match's positions in it are the text's."""
    return "".join(low if len(low := char.lower()) == 1 else char for char in text)


def _folded(lowered: str) -> str:
    """`lowered` (_lowered) without its Vietnamese marks, one letter for each of its own:
    "giữ số" → "giu so", "để" → "de"."""
    return "".join("d" if char == "đ" else unicodedata.normalize("NFD", char)[:1] or char
                   for char in lowered)


def reserved_from_note(note: str | None, number: int) -> tuple[str | None] | None:
    """(the rest of the note,) when Ghi chú `note` of the row numbered `number` opens by saying
    the number is kept aside, not yet given to a document (see _RESERVED_NOTE), as a clerk's
    own sổ says it where it has no Trạng thái column; None when it does not: a note naming
    another number ("Giữ số 05 cho ..." on row 06) or saying something else ("Giữ số liệu
    gốc", "Số giữ nguyên"). The words a note says it with are typed with or without marks."""
    if note is None:
        return None
    text = unicodedata.normalize("NFC", note)
    lowered = _lowered(text)
    folded = _folded(lowered)
    found = _RESERVED_NOTE.match(folded)
    if found is None:
        return None
    if found.group("number") is not None and int(found.group("number")) != number:
        return None
    if any(word not in ("số", "so") and folded_word == "so" for word, folded_word in zip(
            lowered[:found.end()].split(), folded[:found.end()].split(), strict=True)):
        return None  # "Giữ sổ", "Sở giữ": the book, an office, not a number
    rest = folded[found.end():]
    if not _VOID_FOLLOWED.match(rest) and not (
            found.group("word") is not None and _RESERVED_FOR.match(rest)):
        return None
    said = text[found.end():].strip(_REASON_EDGES)
    if said.startswith("(") and said.endswith(")"):
        said = said[1:-1].strip(_REASON_EDGES)
    return (said or None,)


# A Nơi nhận group as documents print it (context.common.grouped_lines): a line ending ":"
# and its "+ " lines under it, "Các thôn, bản:\n+ Bản Ít;\n+ Bản Nà", each member's ";"
# taken with it when its line ends there (else it separates the column's next entry).
_GROUP = re.compile(r"([^;\n]*:)((?:\n[ \t]*\+[^;\n]*(?:;(?=[ \t]*(?:\n|$)))?)+)")


def recipients_as_read(text: str) -> str:
    """The sổ's Nơi nhận column with each group on one line as it reads: "Các thôn, bản:\n+ Bản
    Ít;\n+ Bản Nà" is the one entry "Các thôn, bản: Bản Ít, Bản Nà", whatever stands before
    or after it ("; "-separated); a row stored with the lines (an older vanthu) is read so too,
    in every view and export. Any other text as it is."""
    return _GROUP.sub(_group_as_read, text) if "\n" in text else text


def _group_as_read(found: re.Match[str]) -> str:
    """One group of recipients_as_read: its head and its members joined by ", "."""
    names = (line.strip()[1:].strip().rstrip(" ;,.") for line in found.group(2).split("\n")[1:])
    return f"{found.group(1)} {', '.join(name for name in names if name)}"


def printed_cell(entry: Entry, key: str) -> str:
    """A form column's text for `entry` as printed (dates dd/mm/yyyy, nothing for no value)."""
    if key == "reference":
        return entry.reference
    if key == "note":
        return printed_note(entry)
    if key == "recipients":
        return recipients_as_read(entry.details.recipients or "")
    value = getattr(entry.details, key)
    if value is None:
        return ""
    if hasattr(value, "strftime"):
        return str(value.strftime("%d/%m/%Y"))
    return str(value)


def by_sequence(entries: list[Entry]) -> dict[tuple[str, str], list[Entry]]:
    """The entries grouped by (office, sequence), in their order: one sheet or table each."""
    groups: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for entry in entries:
        groups[(entry.agency, entry.sequence)].append(entry)
    return groups
