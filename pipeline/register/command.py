"""`vanthu so ...`: the register's commands, a thin layer over pipeline.register.

The register is `--db` (a file path or a postgresql:// URL), else VANTHU_DB, else
./so-van-ban.sqlite3; the office is `--co-quan` (an agency profile or an office the register holds:
offices.check_office), else the workspace's only agency profile, else
(a folder without profiles) the only office the register holds.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from pipeline.cli_paths import command_line_path
from pipeline.i18n import t
from pipeline.model.base import FIRST_YEAR, LAST_YEAR
from pipeline.paths import shown
from pipeline.register.backends import SqliteBackend
from pipeline.register.checks import BeforeVanthu, check_year
from pipeline.register.errors import RegisterError, RegisterImportError
from pipeline.register.location import (
    blank_register,
    data_file_exists,
    location_key,
    open_register,
    register_exists,
    resolve_location,
)
from pipeline.register.model import MAX_COPIES, MAX_NUMBER, Details, Entry, Status
from pipeline.register.offices import (
    check_listed_office,
    choose_office,
    office_names,
    profile_text,
    symbol_for_office,
    symbol_office_part,
)
from pipeline.register.recovery import restore_recorded
from pipeline.register.restore import (
    manifest_numbers_lacking,
    numbers_given_elsewhere,
    numbers_named,
    opened_key,
    read_recorded,
)
from pipeline.register.rows import same_summary, same_symbol, summary_key, symbol_key
from pipeline.register.sequences import (
    DEFAULT_SEQUENCE,
    SequencePlan,
    check_plan_pairs,
    known_type,
    parse_pairs,
    type_code_from_symbol,
)
from pipeline.register.store import Displaced, Register, is_form_record
from pipeline.register.switched import Given, not_migrated_error
from pipeline.register.texts import option_text, unprintable_cells
from pipeline.render.output import folder_error
from pipeline.render.phrase import Phrase
from pipeline.text.listing import first_named
from pipeline.workspace import Workspace


class _Date(click.DateTime):
    """--ngay: 05/02/2026 or 2026-02-05, of a year the register can be of (FIRST_YEAR to
    LAST_YEAR, as a data file's dates): 01/01/1800 would give a number in a sổ no command
    can show, check nor export, and 01/01/0001 a year typed short."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        day = super().convert(value, param, ctx)
        if isinstance(day, datetime) and not FIRST_YEAR <= day.year <= LAST_YEAR:
            option = param.opts[0] if param is not None and param.opts else "--ngay"
            raise RegisterError("register.option_text", option=option, reason=Phrase(
                "data.date_year", value=value, first=FIRST_YEAR, last=LAST_YEAR))
        return day


_DATE = _Date(formats=["%d/%m/%Y", "%Y-%m-%d"])


class _State:
    def __init__(self, db: str | None, agency: str | None, plan: SequencePlan | None) -> None:
        # `plan`: the --tach given (None without): the office's plan as the clerk states it,
        # checked against the one the register keeps, and kept there when it has none.
        self.db, self.agency, self.plan = db, agency, plan
        self.register: Register | None = None
        self._workspace: Workspace | None = None
        self._office: str | None = None  # chosen and checked once
        self._to_keep = False  # --tach to keep in the register once the command succeeds
        # The register file a command opening it without making it (one that only reads, or
        # has nothing to write in a register not made: open) looked for and did not find.
        self.absent: Path | None = None

    @property
    def workspace(self) -> Workspace:
        if self._workspace is None:
            self._workspace = Workspace.containing(Path.cwd())
        return self._workspace

    def open(self, ctx: click.Context, *, create: bool = True) -> Register:
        """The register, opened once (the first call decides how). Without `create` (a command
        that only reads: kiem-tra, xem, xuat, day-so; or has nothing to write in a register
        not made: huy, khoi-phuc), a register file that does not exist is not made: an empty
        register kept in memory stands for it, and `absent` names the file looked for (a
        check that made it would leave an empty sổ behind, which the clerk, or the next
        build, would take for the office's)."""
        if self.register is None:
            plans = {self.agency: self.plan} if self.agency and self.plan is not None else {}
            workspace = self.workspace
            location = self.db or workspace.register_location
            if not create and not register_exists(location, root=workspace.root):
                resolved = resolve_location(location, root=workspace.root)
                assert isinstance(resolved, Path)  # a URL always exists
                self.absent = resolved
                self.register = blank_register()
            else:
                self.register = open_register(
                    location, plans=plans, root=workspace.root,
                    source_exists=data_file_exists(workspace.root),
                )
            ctx.call_on_close(self.register.close)
        return self.register

    def made(self, ctx: click.Context) -> Register:
        """The register file `open(create=False)` looked for and did not find (`absent`), made
        now that the command has rows to write in it (`so khoi-phuc` entering again numbers
        the outputs record it giving); the register opened, when it was there."""
        if self.absent is not None:
            self.register, self.absent = None, None  # the empty one in memory stood for it
        return self.open(ctx)

    def office(self, ctx: click.Context) -> str:
        """The office to number for: --co-quan when known, else the workspace's only agency
        profile, else the register's only office (offices.choose_office)."""
        if self._office is None:
            register = self.open(ctx)
            workspace = self.workspace
            self._office = choose_office(
                self.agency, workspace.agency_ids(), register.agencies(),
                profile_dir=workspace.display(workspace.agency_dir),
                command=ctx.info_name or "cap",
            )  # fmt: skip
            if self.plan is not None:
                register.plans[self._office] = self.plan
                self._to_keep = self.check_tach(register, self._office)
        return self._office

    def check_tach(self, register: Register, office: str) -> bool:
        """--tach against the plan the register keeps for `office`: refused when it says
        otherwise (register.tach_contradicts); True when the register keeps none, so that
        this one is to be kept (`keep_plan`), which it could be (Register.set_plan, checked
        without writing: a year whose numbers were given otherwise refuses it now)."""
        assert self.plan is not None
        kept = register.stored_plans(office)
        if kept:
            year = date.today().year
            held = [stored for stored in kept if stored.since <= year]
            now = held[-1] if held else None
            if not (now.plan if now else SequencePlan()).same_as(self.plan):
                years = now or Phrase("register.plan_before", year=kept[0].since)
                raise RegisterError("register.tach_contradicts", agency=office,
                                    given=self.plan, kept=now.plan if now else SequencePlan(),
                                    years=years, pairs=self.plan.option_text() or "--chung",
                                    following=year + 1)
            return False
        register.set_plan(office, self.plan, check_only=True)
        return True

    def keep_plan(self, ctx: click.Context) -> None:
        """Once the command succeeded: the --tach the register kept no plan for is kept as the
        office's, said on stderr (every later command numbers by it, without --tach)."""
        if not self._to_keep or self._office is None or self.plan is None:
            return
        self._to_keep = False
        kept, changed = self.open(ctx).set_plan(self._office, self.plan)
        if changed:
            click.echo(t("register.plan_kept", agency=self._office,
                         plan=kept.plan.describe(), years=kept.describe()), err=True)

    def listed_office(self, ctx: click.Context) -> str | None:
        """The office whose rows to read: --co-quan when known (offices.check_listed_office),
        else None, every office. A --tach given is checked against the plan of each office
        read that the register keeps one for (nothing is numbered: none is kept)."""
        register = self.open(ctx)
        listed = check_listed_office(
            self.agency, self.workspace.agency_ids(), register.agencies()
        )
        if self.plan is not None:
            for office in [listed] if listed is not None else register.agencies():
                if register.stored_plans(office):
                    self.check_tach(register, office)
        return listed


def _state(ctx: click.Context) -> _State:
    state = ctx.find_object(_State)
    assert state is not None
    return state


@click.group("so")
@click.option(
    "--db",
    default=None,
    metavar="TỆP|URL",
    help="Sổ văn bản: tệp SQLite hoặc postgresql://... (mặc định: so_van_ban trong "
    "vanthu.yaml, rồi VANTHU_DB, rồi so-van-ban.sqlite3 của thư mục làm việc) / "
    "register file or URL.",
)
@click.option(
    "--co-quan",
    "agency",
    default=None,
    metavar="MÃ",
    help="Mã cơ quan: tên tệp hồ sơ cơ quan (mặc định: hồ sơ cơ quan duy nhất của thư mục "
    "làm việc, rồi cơ quan duy nhất trong sổ) / office id.",
)
@click.option(
    "--tach",
    multiple=True,
    metavar="LOẠI=DÃY",
    help="Dãy số riêng cho một loại, ví dụ QĐ=quyet-dinh (lặp lại được); sổ chưa ghi cách "
    "đánh số thì ghi lại cách này (xem: so day-so) / a separate sequence for a type.",
)
@click.pass_context
def register_command(
    ctx: click.Context, db: str | None, agency: str | None, tach: tuple[str, ...]
) -> None:
    """Sổ đăng ký văn bản đi: cấp, giữ, hủy số; xem, xuất, nhập, kiểm tra sổ."""
    plan = _plan_option(ctx, tach, "--tach") if tach else None
    # The register's own state object; vanthu's options stay on the parent context.
    ctx.obj = _State(db, agency, plan)


def _plan_option(ctx: click.Context, pairs: tuple[str, ...], option: str) -> SequencePlan:
    """'QĐ=quyet-dinh' pairs as a plan; a usage error (exit code 2) for a pair not so written
    or whose type is not a Phụ lục III abbreviation (nor CV), in the catalogue's words: Click's
    BadParameter would begin "Invalid value for" in English."""
    try:
        mapping = parse_pairs(pairs)
    except ValueError as exc:
        raise click.UsageError(t("register.bad_plan_option", pair=exc.args[0], option=option),
                               ctx) from None
    unknown = check_plan_pairs(mapping)
    if unknown is not None:
        raise click.UsageError(t("register.bad_plan_type", pair=unknown, option=option), ctx)
    # A run's name heads its sheet of the exported sổ: no character an .xlsx cannot hold.
    mapping = {code: option_text(option, name, legacy=False) or name
               for code, name in mapping.items()}
    return SequencePlan.from_mapping(mapping)


# The text options of a row, as Details fields: what each is checked as (texts.option_text).
_TEXT_OPTIONS = {
    "symbol": ("--ky-hieu", {"symbol": True}),
    "type_code": ("--loai", {}),
    "summary": ("--trich-yeu", {}),
    "signer": ("--nguoi-ky", {"person": True}),
    "recipients": ("--noi-nhan", {}),
    "archive": ("--luu", {}),
    "note": ("--ghi-chu", {}),
}


def _details(**values: Any) -> Details:
    """The row's columns from the detail options: dates as dates, each text as the register
    keeps it (NFC), one the text gate or the legacy-font check refuses refused, naming its
    option, before the register is opened: it would be stored as typed, and then no .xlsx
    nor .docx of the year could be exported (a control character), or print garbled."""
    for key in ("doc_date", "transfer_date"):
        if isinstance(values.get(key), datetime):
            values[key] = values[key].date()
    for key, (option, how) in _TEXT_OPTIONS.items():
        values[key] = option_text(option, values.get(key), **how)
    copies = values.get("copies")
    if copies is not None and copies > MAX_COPIES:
        # Not Click's IntRange(max=...): its "not in the range 1<=x<=..." is English.
        raise RegisterError("register.option_text", option="--so-ban", reason=Phrase(
            "register.copies_too_many", value=copies, limit=MAX_COPIES))
    return Details(**values)


def _run_name(sequence: str | None, option: str = "--day") -> str | None:
    """--day (or --nguon) as the register keeps it: through the text gate, not the legacy
    check (a run's or a file's name is no Vietnamese text); it heads an exported sheet. A
    blank one is refused (it would name a run of its own, numbered from 01); a run's name
    without the spaces around it (sequences.run_key: " chung" is chung)."""
    name = option_text(option, sequence, legacy=False)
    if name is not None and not name.strip():
        raise RegisterError("register.option_blank", option=option)
    return name.strip() if name is not None and option == "--day" else name


# A ký hiệu that begins with the number (02/VPUBND-TH); a year (2026/QĐ-UBND) is part of it.
_NUMBERED_SYMBOL = re.compile(r"^\s*(\d{1,3})\s*/")


def check_details(details: Details, *, document: bool) -> None:
    """Refuse what the register form cannot hold or `so nhap` could not read back: a blank
    --ky-hieu or --trich-yeu, a ký hiệu with the number in front, an unknown --loai or one
    the ký hiệu contradicts; with `document` (cap, vao-so: a number for a document that
    exists), a row without --ngay, --ky-hieu or --trich-yeu, which the printed sổ would show
    empty. Like --ngay, these are refused here rather than by Click's required=True: the detail
    options are shared with giu, which needs none of them, and the message says which column
    of the sổ wants the value."""
    if details.symbol is not None and not details.symbol.strip():
        raise RegisterError("register.option_blank", option="--ky-hieu")
    if details.summary is not None and not details.summary.strip():
        raise RegisterError("register.option_blank", option="--trich-yeu")
    numbered = _NUMBERED_SYMBOL.match(details.symbol or "")
    if numbered is not None:
        raise RegisterError("register.symbol_has_number", symbol=details.symbol,
                            number=numbered.group(1),
                            rest=details.symbol[numbered.end():].strip())  # type: ignore[index]
    code = details.type_code
    if code is not None:
        if not known_type(code.strip()):
            raise RegisterError("register.unknown_type", value=code)
        from_symbol = type_code_from_symbol(details.symbol)
        if from_symbol is not None and from_symbol != code.strip():
            raise RegisterError("register.type_contradicts_symbol", value=code,
                                symbol=details.symbol, symbol_type=from_symbol)
    # What was given is checked first: a wrong value is said before a missing one.
    if document and details.doc_date is None:
        raise RegisterError("register.option_date_missing")
    if document and details.symbol is None:
        raise RegisterError("register.option_symbol_missing")
    if document and details.summary is None:
        raise RegisterError("register.option_summary_missing")


def _number(text: str) -> int:
    """SỐ as typed: 05, or 05/QĐ-VPUBND (its number); from 01 up to MAX_NUMBER (a longer one
    is a slip, which the database would refuse as an internal error)."""
    match = re.fullmatch(r"\s*(\d+)\s*(?:/.*)?", text, flags=re.S)
    if not match:
        raise RegisterError("register.bad_number_text", value=text)
    digits = match.group(1)
    if len(digits.lstrip("0")) > len(str(MAX_NUMBER)) or int(digits) > MAX_NUMBER:
        # Its length first: int() of thousands of digits is refused by Python itself.
        raise RegisterError("register.number_too_large", number=digits[:20] + (
            "…" if len(digits) > 20 else ""), limit=MAX_NUMBER)
    number = int(digits)
    if number < 1:
        raise RegisterError("register.bad_number", number=digits)
    return number


# A register's years: four digits, and none the register could not be about (a data file's
# dates are held to the same).
YEARS = (FIRST_YEAR, LAST_YEAR)


def _year(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    """--nam / NĂM: a four-digit year (never 0 or 26 taken for the current year or year 26)."""
    if value is not None and not YEARS[0] <= value <= YEARS[1]:
        raise RegisterError("register.bad_year", value=value, low=YEARS[0], high=YEARS[1])
    return value


_DETAIL_OPTIONS = (
    click.option("--ngay", "doc_date", type=_DATE, default=None, help="Ngày văn bản."),
    click.option("--ky-hieu", "symbol", default=None, help="Ký hiệu, ví dụ QĐ-VPUBND."),
    click.option("--loai", "type_code", default=None, help="Loại (QĐ, KH, BC, CV...)."),
    click.option("--trich-yeu", "summary", default=None, help="Tên loại và trích yếu."),
    click.option("--nguoi-ky", "signer", default=None, help="Người ký."),
    click.option("--noi-nhan", "recipients", default=None, help="Nơi nhận."),
    click.option("--luu", "archive", default=None, help="Đơn vị, người nhận bản lưu."),
    click.option(
        "--so-ban", "copies", type=click.IntRange(min=1), default=None, help="Số lượng bản."
    ),
    click.option("--ghi-chu", "note", default=None, help="Ghi chú."),
)


def _with_details(command: Any) -> Any:
    for option in reversed(_DETAIL_OPTIONS):
        command = option(command)
    return command


@register_command.command("cap")
@_with_details
@click.option(
    "--nam", "year", type=int, default=None, callback=_year, help="Năm (mặc định: theo ngày)."
)
@click.option("--day", "sequence", default=None, help="Dãy số (mặc định: theo loại).")
@click.option("--nguon", "source", default=None, help="Tệp nguồn: cấp lại cho cùng tệp giữ số cũ.")
@click.option("-q", "--quiet", is_flag=True, help="Chỉ in số, ký hiệu (cho script).")
@click.pass_context
def allocate_command(
    ctx: click.Context,
    year: int | None,
    sequence: str | None,
    source: str | None,
    quiet: bool,
    **values: Any,
) -> None:
    """Cấp số tiếp theo và vào sổ (đã cấp)."""
    details = _details(**values)
    sequence, source = _run_name(sequence), _run_name(source, "--nguon")
    state = _state(ctx)
    if source is not None:
        source = _source_name(state.workspace, source)
    register = state.open(ctx)
    office = state.office(ctx)  # which office first: its error names what to choose
    check_details(details, document=True)
    _refuse_lacking(state, register, office, Register.year_of(details, year))
    built = _built_row(state, register, office, source) if source is not None else None
    if built is not None:
        details = _as_built(built, details)
    # --day names a run the register holds or the plan gives (a slip would start one at
    # 01); --nguon asked again for another document is refused (Register.allocate).
    entry = register.allocate(office, details, source=source, sequence=sequence, year=year,
                              open_run=False, typed=True)
    fresh = entry.fresh
    entry = register.confirm(entry) if fresh else entry
    state.keep_plan(ctx)
    kept = "register.allocated_kept_built" if built is not None else "register.allocated_kept"
    said = (t("register.allocated", reference=entry.reference) if fresh else
            t(kept, reference=entry.reference, source=source))
    click.echo(entry.reference if quiet else said)
    _warn_other_office(state, office, details)
    if fresh:
        _warn_out_of_order(register, entry)


def _source_name(workspace: Workspace, typed: str) -> str:
    """--nguon as the register names a data file (Workspace.name_of: relative to the workspace,
    else absolute): a path typed from the current folder, as the shell completes it and every
    command reads one, so that ke-hoach.yaml typed in inputs/2026/ is the file the build
    recorded as inputs/2026/ke-hoach.yaml. A name no file has (a paper letter's) is named so
    too: typed in the workspace's folder, it stays as typed."""
    return workspace.name_of(Path(os.path.abspath(typed)))


def _refuse_lacking(state: _State, register: Register, office: str, year: int) -> None:
    """No number of `year` from a register lacking numbers of `office` that the workspace's
    outputs print from it (an older copy put back: restore.manifest_numbers_lacking), nor from
    one holding none of the numbers its records show another register giving (--db or
    VANTHU_DB mistyped: restore.numbers_given_elsewhere): the next number may be one already
    issued. As build and render refuse it."""
    workspace = state.workspace
    elsewhere = numbers_given_elsewhere(workspace, register, year, office)
    if elsewhere is not None:  # --db or VANTHU_DB naming another register than the one used
        raise not_migrated_error(None, year, elsewhere, opened_key(register, workspace.root),
                                 workspace.root)  # fmt: skip
    lacking = manifest_numbers_lacking(workspace, register, year, office)
    if lacking:
        raise RegisterError("register.numbers_lacking", year=year, count=len(lacking),
                            current=opened_key(register, state.workspace.root),
                            numbers=numbers_named(lacking))


def _built_row(state: _State, register: Register, office: str, source: str) -> Entry | None:
    """The live row of data file `source` whose number vanthu gave it and printed (so:
    tu_dong): the workspace's manifests record an output of `source` for `office` printing
    the number that row holds (holders.printed_number_holder: the file's own); None for any
    other --nguon (a letter vanthu did not write, a file not built yet)."""
    from pipeline.register.holders import OWN, own_register_number, printed_number_holder

    written = read_recorded(state.workspace).written(source)
    if written is None or written.co_quan != office or own_register_number(written) is None:
        return None
    held, row = printed_number_holder(register, written, source)
    if held != OWN or row is None or row.source != source or row.status is Status.VOID:
        return None
    return row


# The columns a document says that `so cap` types (rows.DOCUMENT_COLUMNS), in the form's
# order: the option, and the form's column (register.col.*) where it has one.
_DOCUMENT_OPTIONS = (
    ("symbol", "--ky-hieu", "reference"),
    ("doc_date", "--ngay", "doc_date"),
    ("type_code", "--loai", None),
    ("summary", "--trich-yeu", "summary"),
    ("signer", "--nguoi-ky", "signer"),
    ("recipients", "--noi-nhan", "recipients"),
    ("archive", "--luu", "archive"),
    ("copies", "--so-ban", "copies"),
)


def _as_built(row: Entry, details: Details) -> Details:
    """`so cap --nguon` naming the data file of a document vanthu built (`row`: _built_row):
    refused, nothing written, when a column the document says is typed otherwise than the
    row holds it (the row records the document as printed; the next build, the file
    unchanged, would keep that document, and the sổ would disagree with it for good); else
    the row's columns, with the clerk's own Ghi chú when typed, for allocate to answer the
    number (that note is all it writes)."""
    recorded = row.details
    differs = []
    for key, option, column in _DOCUMENT_OPTIONS:
        typed, held = getattr(details, key), getattr(recorded, key)
        if typed is None or _same_column(key, held, typed, recorded.type_code):
            continue
        said = {"option": option, "typed": _column_text(typed), "recorded": _column_text(held)}
        differs.append(Phrase("register.built_differs", column=Phrase(f"register.col.{column}"),
                              **said) if column else Phrase("register.built_differs_bare", **said))
    if differs:
        raise RegisterError("register.built_row_differs", source=row.source,
                            existing=row.reference, changes="; ".join(differs))
    return replace(recorded, note=recorded.note if details.note is None else details.note)


def _same_column(key: str, held: Any, typed: Any, type_code: str | None) -> bool:
    """Whether a column typed says what the row holds: a ký hiệu as rows.symbol_key compares
    it, a text with case and spaces aside, the trích yếu also typed without its type's name
    (Kế hoạch: 'triển khai ...' for 'Kế hoạch triển khai ...', as the document prints it)."""
    if held is None or isinstance(typed, (date, int)):
        return held == typed
    if key == "symbol":
        return symbol_key(held) == symbol_key(typed)
    if key == "summary":
        from pipeline.register.documents import named_summary
        from pipeline.rules.doc_types import type_by_abbreviation

        kind = type_by_abbreviation(type_code) if type_code else None
        return same_summary(held, typed) or (
            kind is not None and same_summary(held, named_summary(kind.name, typed)))
    return summary_key(str(held)) == summary_key(str(typed))


def _column_text(value: Any) -> str:
    """A column's value as a message quotes it: a date as the sổ prints it, an empty one '—'."""
    if value is None:
        return "—"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value) if isinstance(value, int) else f"“{value}”"


def _absent_given(state: _State, year: int, agency: str | None) -> tuple[Given, ...]:
    """The numbers of `year` (of office `agency`, or every office) the workspace's outputs
    record given by the register file a command opened without making it did not find
    (state.absent), which no register records now (none: that file gave none)."""
    assert state.absent is not None and state.register is not None  # the empty one in memory
    workspace = state.workspace
    return manifest_numbers_lacking(workspace, state.register, year, agency,
                                    current=location_key(state.absent, workspace.root))


def _absent_lacking(state: _State, year: int, agency: str | None) -> tuple[Given, ...]:
    """_absent_given's numbers; when there are some, said on stderr: that the register file
    is not there, where to put it back, or how to enter them again (`so khoi-phuc`), then
    the numbers, in kiem-tra's words (none: nothing is lost, nothing said)."""
    lacking = _absent_given(state, year, agency)
    if lacking:
        assert state.absent is not None
        click.echo(t("register.absent_numbers", location=shown(state.absent),
                     count=len(lacking), year=year, command=_restore_line(state, year)),
                   err=True)
        click.echo(t("register.manifest_numbers_lacking", count=len(lacking), year=year,
                     numbers=numbers_named(lacking)), err=True)
    return lacking


def _restore_line(state: _State, year: int) -> str:
    """The `vanthu so khoi-phuc NĂM` line entering again the numbers of `year` the outputs
    record, in the register this command was pointed at, as a shell takes it."""
    words = ["vanthu", "so"]
    if state.db:
        words += ["--db", state.db]
    if state.agency:
        words += ["--co-quan", state.agency]
    return shlex.join([*words, "khoi-phuc", str(year)])


def _warn(message: str) -> None:
    """A warning on stderr, "Cảnh báo: ..." as every vanthu command prints one (build, render,
    init); the exit code is the caller's."""
    click.echo(f"{t('build.warning')}: {message}", err=True)


def _warn_other_office(state: _State, office: str, details: Details) -> None:
    """On stderr, when the ký hiệu names another office than `office`'s profile (viet_tat):
    QĐ-UBDN for QĐ-UBND is a typo the printed sổ and the document would carry. A warning, not
    a refusal: the number is given (a ký hiệu is the clerk's to write, and an office may sign
    for a body of its own); an office without a readable profile is not checked."""
    if not details.symbol:
        return
    abbreviation = profile_text(office, state.workspace.agency_file, "viet_tat")
    meant = symbol_for_office(details.symbol, abbreviation) if abbreviation else None
    if meant is not None:
        _warn(t("register.symbol_other_office", symbol=details.symbol.strip(),
                given=symbol_office_part(details.symbol) or "—", agency=office,
                abbreviation=abbreviation, meant=meant))


def _warn_out_of_order(register: Register, entry: Entry) -> None:
    """On stderr, when `entry` is dated before the number given before it (Register.out_of_order);
    the exit code stays 0: the number is given."""
    earlier = register.out_of_order(entry)
    if earlier is not None and entry.details.doc_date is not None:
        _warn(t("register.given_out_of_order", reference=entry.reference,
                date=entry.details.doc_date.strftime("%d/%m/%Y"), earlier=earlier.describe()))


@register_command.command("giu")
@_with_details
@click.option(
    "--nam", "year", type=int, default=None, callback=_year, help="Năm (mặc định: năm nay)."
)
@click.option("--day", "sequence", default=None, help="Dãy số (mặc định: theo loại).")
@click.option(
    "--so-luong", "count", type=click.IntRange(min=1), default=1, help="Giữ mấy số liền nhau."
)
@click.pass_context
def reserve_command(
    ctx: click.Context, year: int | None, sequence: str | None, count: int, **values: Any
) -> None:
    """Giữ số: lấy số tiếp theo, chưa có văn bản."""
    details = _details(**values)
    sequence = _run_name(sequence)
    state = _state(ctx)
    register = state.open(ctx)
    office = state.office(ctx)
    # A number kept aside before its document is written: no date yet, and the ký hiệu and
    # trích yếu may not be known either (a clerk keeping 03 for "the next decision"); the row
    # shows "(giữ số)" and `so kiem-tra` asks nothing of it until it is given to a document.
    check_details(details, document=False)
    _refuse_lacking(state, register, office, Register.year_of(details, year))
    entries = register.reserve(office, details, count=count, sequence=sequence, year=year,
                               open_run=False)
    state.keep_plan(ctx)
    for entry in entries:
        click.echo(t("register.reserved", reference=entry.reference))
    _warn_other_office(state, office, details)


@register_command.command("vao-so")
@click.argument("number", metavar="SỐ")
@_with_details
@click.option(
    "--nam", "year", type=int, default=None, callback=_year, help="Năm (mặc định: theo ngày)."
)
@click.option("--day", "sequence", default=None, help="Dãy số (mặc định: theo loại).")
@click.option(
    "--bo-qua-so",
    "skip",
    is_flag=True,
    help="Cho vào sổ số lớn hơn số tiếp theo, bỏ qua các số ở giữa.",
)
@click.pass_context
def record_command(
    ctx: click.Context, number: str, year: int | None, sequence: str | None, skip: bool,
    **values: Any,
) -> None:
    """Vào sổ một số đã ghi tay (từ chối số trùng, nêu dòng đã có; số vượt quá số tiếp theo
    cần --bo-qua-so)."""
    details = _details(**values)
    sequence = _run_name(sequence)
    typed = _number(number)
    state = _state(ctx)
    register = state.open(ctx)
    office = state.office(ctx)
    check_details(details, document=True)
    entry = register.record(office, typed, details, sequence=sequence, year=year,
                            allow_gap=skip, open_run=False)
    state.keep_plan(ctx)
    click.echo(t("register.recorded", reference=entry.reference))
    _warn_other_office(state, office, details)
    _warn_out_of_order(register, entry)
    # A number entered after a restore: the restore still waits for the clerk's word.
    waiting = register.unconfirmed_restore(entry.year, office)
    if waiting is not None:
        _warn(t("register.restore_still_waiting", **waiting.params()))


@register_command.command("huy")
@click.argument("number", metavar="SỐ")
@click.option("--ly-do", "reason", required=True, help="Lý do hủy số.")
@click.option(
    "--nam", "year", type=int, default=None, callback=_year, help="Năm (mặc định: năm nay)."
)
@click.option("--day", "sequence", default=None, help="Dãy số (mặc định: chung).")
@click.pass_context
def void_command(
    ctx: click.Context, number: str, reason: str, year: int | None, sequence: str | None
) -> None:
    """Hủy số: giữ lại trong sổ kèm lý do, không bao giờ cấp lại."""
    # The reason is printed in Ghi chú of the exported sổ: checked as a trích yếu is.
    reason = option_text("--ly-do", reason) or reason
    sequence = _run_name(sequence)
    state = _state(ctx)
    # A register file not there is not made: it gave no number to void.
    register = state.open(ctx, create=False)
    office = state.office(ctx)
    typed = _number(number)
    when = datetime.now().year if year is None else year
    if state.absent is not None:
        raise _void_absent(state, office, typed, when)
    symbol = number.partition("/")[2].strip()
    if sequence is None and symbol:  # 05/QĐ-UBND: the run the office numbers that type in
        sequence = register.plan_in(office, when).sequence_for(type_code_from_symbol(symbol))
    row = _row_to_void(register, office, when, typed, sequence)
    if row is not None:
        _refuse_other_symbol(state, register, row, symbol)
        sequence = row.sequence  # the very row compared: spelled_as keeps that spelling
    try:
        entry = register.void(office, when, typed, reason, sequence=sequence)
    except RegisterError as error:
        if year is None and error.key == "register.not_given":
            raise _given_last_year(register, office, typed, error) from None
        raise
    click.echo(t("register.voided", entry=entry.describe()))
    state.keep_plan(ctx)
    _warn_other_workspace(state, register, entry)
    _mark_form_void(state, entry)


def _void_absent(state: _State, office: str, number: int, year: int) -> RegisterError:
    """`so huy` without a register file (state.absent): the refusal (exit code 1) naming the
    file looked for, none made (a register not made gave no number). When the outputs
    record numbers of `year` given by that file (deleted or moved: _absent_lacking, said
    first on stderr), the refusal says to put it back, or enter them again, first."""
    assert state.absent is not None
    key = ("register.void_absent_lacking" if _absent_lacking(state, year, office)
           else "register.void_absent")
    return RegisterError(key, location=shown(state.absent), number=f"{number:02d}", year=year,
                         command=_restore_line(state, year))


def _row_to_void(register: Register, office: str, year: int, number: int,
                 sequence: str | None) -> Entry | None:
    """The row `so huy` would void: `number` of `year` in run `sequence` (None: the plan's
    default, as Register.void takes it), the run's name compared as run_key compares it
    (spelt as asked first); None when no row holds the number (a gap, or never given)."""
    asked = (sequence if sequence and sequence.strip() else register.plan_for(office).default)
    exact = register.entry(office, year, number, asked.strip())
    if exact is not None:
        return exact
    return next((row for row in register.entries(year, office, asked) if row.number == number),
                None)


def _refuse_other_symbol(state: _State, register: Register, row: Entry, symbol: str) -> None:
    """`so huy SỐ/KÝ-HIỆU` of a row whose ký hiệu is another (rows.same_symbol: case and spaces
    aside): refused, nothing voided, naming the row and the line that voids it. A void is
    never undone, and the text after "/" only chose the run: 02/QĐ-VPUBND typed for a
    Quyết định the sổ does not hold would void the Công văn 02/VPUBND-TH. A row with no ký
    hiệu (a number kept aside, a gap voided) has none to contradict; one void already is
    said as such by Register.void, naming it."""
    recorded = row.details.symbol
    if not symbol or not recorded or row.status is Status.VOID or same_symbol(symbol, recorded):
        return
    several = len(register.agencies()) > 1
    command = row.void_command(named_office=several,
                               db=shlex.quote(state.db) if state.db else None)
    raise RegisterError("register.void_other_symbol", number=row.number_text, year=row.year,
                        existing=row.describe(), symbol=recorded,
                        typed=f"{row.number_text}/{' '.join(symbol.split())}",
                        command=command)


def _mark_form_void(state: _State, entry: Entry) -> None:
    """A form's number just voided: its record, in this workspace, says so (forms.
    mark_record_void), so that the program listing its records shows it void."""
    owner = entry.workspace
    if not is_form_record(entry.source) or (owner is not None
                                            and owner != state.workspace.identity):
        return
    from pipeline.register.forms import mark_record_void

    assert entry.source is not None
    mark_record_void(state.workspace.root / entry.source, entry)


def _warn_other_workspace(state: _State, register: Register, entry: Entry) -> None:
    """On stderr, when the row just voided numbers a data file of another workspace than this
    one (a shared register: the row names its workspace): its data file is not this folder's,
    whatever its path says; the folder and machine it was last used from are named when the
    register knows them, and what follows there (its next build gives a new number, saying
    so). The void is done: a number voided by mistake cannot be given back."""
    owner = entry.workspace
    if owner is None or entry.source is None or owner == state.workspace.identity:
        return
    _warn(t("register.voided_other_workspace", reference=entry.reference, source=entry.source,
            identity=owner, place=register.place_words(owner)))


def _given_last_year(register: Register, office: str, number: int,
                     error: RegisterError) -> RegisterError:
    """`so huy SỐ` without --nam voids a number of this year: when this year has not given it
    but last year did (a clerk in January voiding last December's number), `error` with the
    --nam to add; else `error` as it is."""
    last = int(error.params["year"]) - 1
    sequence = str(error.params["sequence"])
    if register.counters(last).get((office, sequence), 0) < number:
        return error
    return RegisterError("register.not_given_last_year", **error.params, last_year=last)


def _void_command(entry: Entry, *, named_office: bool) -> str:
    """The `vanthu so huy` line that voids `entry`, naming its year (and its sequence, and its
    office when the register holds several) so that it voids no other row."""
    return entry.void_command(named_office=named_office)


def _status_word(entry: Entry) -> str:
    return t(f"register.status.{entry.status.value}")


@register_command.command("xem")
@click.argument("year", type=int, metavar="NĂM", callback=_year)
@click.option("--day", "sequence", default=None, help="Chỉ một dãy số.")
@click.pass_context
def show_command(ctx: click.Context, year: int, sequence: str | None) -> None:
    """Xem sổ của một năm (bảng)."""
    from rich.console import Console
    from rich.table import Table

    from pipeline.register.columns import FORM_COLUMNS, printed_cell

    state = _state(ctx)
    register = state.open(ctx, create=False)
    listed = state.listed_office(ctx)
    entries = register.entries(year, listed, sequence)
    if state.absent is not None and _absent_lacking(state, year, listed):
        ctx.exit(1)  # numbers issued that no register holds: not an empty sổ
    if not entries:
        click.echo(t("register.empty_year", year=year))
        return
    table = Table(title=t("register.screen_title", year=year), show_lines=False)
    several = len({(e.agency, e.sequence) for e in entries}) > 1
    if several:
        table.add_column(t("register.col.sequence"))
    shown = [c for c in FORM_COLUMNS if c.key not in ("transfer_date", "received_by")]
    for column in shown:
        table.add_column(t(f"register.col.{column.key}"), overflow="fold")
    table.add_column(t("register.col.status"))
    for entry in entries:
        cells = [f"{entry.agency}/{entry.sequence}"] if several else []
        cells.extend(printed_cell(entry, column.key) for column in shown)
        cells.append(_status_word(entry))
        table.add_row(*cells)
    # Piped into a file or another program, a register row stays on one line.
    console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 220)
    console.print(table)


@register_command.command("xuat")
@click.argument("year", type=int, metavar="NĂM", callback=_year)
@click.option(
    "-o",
    "--output",
    type=command_line_path(dir_okay=False),
    required=True,
    help="Tệp .xlsx hoặc .docx.",
)
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.pass_context
def export_command(ctx: click.Context, year: int, output: Path, force: bool) -> None:
    """Xuất sổ của một năm ra .xlsx hoặc .docx (in được, theo mẫu sổ)."""
    # A mistyped folder is named, not created (write_atomic would make every missing folder).
    folder = output.parent
    try:
        there = folder.is_dir()
    except OSError as exc:
        # A folder below one this user may not enter: Path.is_dir raises PermissionError
        # (Python 3.11) instead of answering; no file can be written there either. Said as
        # every output folder that cannot take a file is (render.output.folder_error).
        raise folder_error(_nearest_seen(folder), exc) from None
    if not there:
        raise RegisterError("register.export_no_folder", folder=folder, path=output)
    suffix = output.suffix.lower()
    if suffix not in (".xlsx", ".docx"):  # said before --force is asked for
        raise RegisterError("register.bad_export_format", suffix=output.suffix or "—")
    # As render: a file already there (the clerk's own spreadsheet, last month's signed
    # export) is not written over unless asked; a link is a file there too.
    if not force and os.path.lexists(output):
        raise RegisterError("register.export_exists", path=output)
    state = _state(ctx)
    register = state.open(ctx, create=False)
    agency = state.listed_office(ctx)
    entries = register.entries(year, agency)
    if state.absent is not None:
        _absent_lacking(state, year, agency)  # numbers issued that no register holds, if any
    if not entries:
        # An empty sổ is not written: the clerk would take it for the year's register.
        raise RegisterError("register.nothing_to_export", year=year, path=output)
    workspace = state.workspace
    names = office_names(sorted({e.agency for e in entries} | ({agency} if agency else set())),
                         workspace.agency_file)
    if suffix == ".xlsx":
        from pipeline.register.xlsx_export import export_xlsx

        export_xlsx(entries, year, output, names)
    else:
        from pipeline.register.docx_export import export_docx

        export_docx(entries, year, output, names.get(agency) if agency else None, names=names)
    click.echo(t("register.exported", year=year, path=output))
    # A row written before the register checked its texts: written with the character as its
    # code (texts.printable), said here for the clerk to correct in the file.
    for cell in unprintable_cells(entries, form_only=suffix == ".docx"):
        _warn(t("register.export_unprintable", reference=cell.entry.reference,
                year=cell.entry.year, column=cell.column, char=cell.code))


def _nearest_seen(folder: Path) -> Path:
    """`folder`, or the nearest folder above it this user can look at (os.stat answers): the
    one refusing entry, which a message names (the path below it cannot even be looked at)."""
    for there in (folder, *folder.parents):
        try:
            os.stat(there)
        except (OSError, ValueError):
            continue
        return there
    return folder


@register_command.command("nhap")
@click.argument(
    "path", type=command_line_path(dir_okay=False), metavar="TỆP.xlsx"
)
@click.option(
    "--nam",
    "year",
    type=int,
    default=None,
    callback=_year,
    help="Năm của các dòng không ghi năm (mặc định: theo tiêu đề sổ).",
)
@click.option("--day", "sequence", default=None, help="Nhập cả tệp vào một dãy số.")
@click.option(
    "--doi-so-da-cap",
    "displace",
    is_flag=True,
    help="Số trong tệp trùng số vanthu đã cấp (dựng trước khi nhập sổ cũ): dòng của tệp giữ "
    "số; các số vanthu đã cấp chuyển ra sau, văn bản của chúng được cấp số mới khi dựng lại.",
)
@click.option(
    "--nhieu-nam",
    "other_years",
    is_flag=True,
    help="Nhận các dòng ghi ngày khác năm của trang sổ (trang ghi văn bản nhiều năm): mỗi dòng "
    "vào sổ của năm ghi trong ngày.",
)
@click.pass_context
def import_command(ctx: click.Context, path: Path, year: int | None, sequence: str | None,
                   displace: bool, other_years: bool) -> None:
    """Nhập sổ cũ từ .xlsx (tất cả các dòng hoặc không dòng nào)."""
    from pipeline.register.xlsx_import import import_register

    sequence = _run_name(sequence)
    state = _state(ctx)
    register = state.open(ctx)
    office = state.office(ctx)
    moving: AbstractContextManager[list[Displaced]] = (
        register.displacing() if displace else nullcontext([]))
    try:
        with moving as moved:
            result = import_register(register, office, path, year=year, sequence=sequence,
                                     other_years=other_years, workspace=state.workspace)
    except RegisterImportError as exc:
        # Every problem once, then a count; the count does not repeat the first problem.
        for error in exc.errors:
            click.echo(f"{t('common.error')}: {error.message()}", err=True)
        click.echo(t("register.import_refused", count=len(exc.errors), path=path), err=True)
        if any(error.key == "register.duplicate_given" for error in exc.errors):
            click.echo(t("register.import_given_hint",
                         command=_import_line(state, path, year, sequence, other_years)),
                   err=True)
        ctx.exit(1)
    count = len(result.entries)
    click.echo(t("register.imported_one" if count == 1 else "register.imported", count=count,
                 path=path))
    state.keep_plan(ctx)
    if moved:
        _say_displaced(moved)
    for warning in result.warnings:  # what `so kiem-tra` would say of the rows imported
        _warn(warning.message())


def _import_line(
    state: _State, path: Path, year: int | None, sequence: str | None, other_years: bool = False
) -> str:
    """The `vanthu so nhap --doi-so-da-cap` line repeating this import, as a shell takes it."""
    words = ["vanthu", "so"]
    if state.db:
        words += ["--db", state.db]
    if state.agency:
        words += ["--co-quan", state.agency]
    if state.plan is not None:
        for code, name in state.plan.pairs:
            words += ["--tach", f"{code}={name}"]
    words += ["nhap", "--doi-so-da-cap"]
    if year is not None:
        words += ["--nam", str(year)]
    if sequence:
        words += ["--day", sequence]
    if other_years:
        words.append("--nhieu-nam")
    words.append(str(path))
    return shlex.join(words)


def _say_displaced(moved: list[Displaced]) -> None:
    """What `so nhap --doi-so-da-cap` moved: each number vanthu gave and the one it holds now,
    the void numbers dropped (a row of the file holds each) and those kept void (the moved
    ones numbered past them), and what the next build does (stderr: the clerk must rebuild
    and replace what was printed)."""
    shown = [t("register.displaced_one", old=item.entry.reference,
               where=f" [{item.entry.source}]" if item.entry.source else "",
               new=f"{item.number:02d}")
             for item in moved if item.number is not None and not item.kept]
    dropped = [item.entry.reference for item in moved if item.number is None]
    kept = [item.entry.reference for item in moved if item.kept]
    parts = []
    if shown:
        parts.append(t("register.displaced", count=len(shown), moves="; ".join(shown)))
    if dropped:
        parts.append(t("register.displaced_void", count=len(dropped),
                       numbers=", ".join(dropped)))
    if kept:
        parts.append(t("register.displaced_void_kept", count=len(kept),
                       numbers=", ".join(kept)))
    parts.append(t("register.displaced_next"))
    click.echo(" ".join(parts), err=True)


@register_command.command("day-so")
@click.argument("pairs", nargs=-1, metavar="[LOẠI=DÃY]...")
@click.option(
    "--tu-nam",
    "since",
    type=int,
    default=None,
    callback=_year,
    help="Áp dụng từ năm này (mặc định: mọi năm chưa cấp số theo cách khác).",
)
@click.option("--chung", "one_run", is_flag=True,
              help="Mọi loại văn bản một dãy số (bỏ các dãy số riêng).")
@click.pass_context
def plan_command(ctx: click.Context, pairs: tuple[str, ...], since: int | None,
                 one_run: bool) -> None:
    """Cách đánh số của cơ quan, ghi trong sổ: loại văn bản nào có dãy số riêng, ví dụ
    QĐ=quyet-dinh. Không đối số: xem cách đang ghi. Build, render, check và mọi lệnh so đều
    đánh số theo cách này."""
    state = _state(ctx)
    if state.plan is not None:
        raise click.UsageError(t("register.plan_with_tach"), ctx)
    if pairs and one_run:
        raise click.UsageError(t("register.plan_pairs_and_one_run"), ctx)
    # Shown without a register file: none made (the plan is the default one).
    register = state.open(ctx, create=bool(pairs or one_run))
    office = state.office(ctx)
    if not pairs and not one_run:
        _show_plans(register, office)
        return
    plan = _plan_option(ctx, pairs, "day-so") if pairs else SequencePlan()
    kept, changed = register.set_plan(office, plan, since)
    key = "register.plan_set" if changed else "register.plan_unchanged"
    click.echo(t(key, agency=office, plan=kept.plan.describe(), years=kept.describe()))


def _show_plans(register: Register, office: str) -> None:
    """`so day-so` without a plan: how the register numbers `office`, year by year."""
    kept = register.stored_plans(office)
    if not kept:
        click.echo(t("register.plan_none", agency=office))
        return
    click.echo(t("register.plan_header", agency=office))
    if kept[0].since > 0:
        click.echo(t("register.plan_line_before", year=kept[0].since,
                     plan=SequencePlan().describe()))
    for stored in kept:
        click.echo(t("register.plan_line", years=stored.describe(),
                     plan=stored.plan.describe()))


def _row_names(entry: Entry) -> dict[str, Any]:
    """What names one row of the register in a check's warning: number, year, office, sequence."""
    return {"reference": entry.reference, "year": entry.year, "agency": entry.agency,
            "sequence": entry.sequence}


@register_command.command("kiem-tra")
@click.argument("year", type=int, metavar="NĂM", callback=_year)
@click.pass_context
def check_command(ctx: click.Context, year: int) -> None:
    """Kiểm tra sổ một năm: thiếu số, trùng số (mã thoát 1 khi có); cảnh báo số có tệp dữ liệu
    không còn, số ghi ngày trước số nhỏ hơn."""
    state = _state(ctx)
    register = state.open(ctx, create=False)
    if state.absent is not None:
        _check_absent(ctx, state, year)
        return
    # The data files' check for a register of this workspace (see open_register); on one
    # clerks share, for the rows naming this workspace.
    exists, own = register.source_exists, _shared_identity(state, register)
    if own is not None and exists is None:
        exists = data_file_exists(state.workspace.root)
    listed = state.listed_office(ctx)
    report = check_year(register, year, listed, source_exists=exists, workspace=own)
    # Numbers the workspace's outputs print from this register that it holds no row of: an
    # emptied register, or an older copy put back, would pass the gaps check without them.
    lacking = manifest_numbers_lacking(state.workspace, register, year, listed)
    # A restore not confirmed: numbers `so cap` gave after the older copy leave no gap here.
    waiting = register.unconfirmed_restore(year, listed)
    for before in report.before_vanthu:
        _warn(before_vanthu_message(before, year))
    for entry in report.pending:
        _warn(t("register.pending", entry=entry.describe()))
    several = bool(report.missing_sources) and len(register.agencies()) > 1
    # On a shared register a renamed file never takes its number over, nor types it back
    # (store.holds_for knows no data file gone there): voiding is the one way out.
    shared = register.source_exists is None
    missing = "register.source_missing_shared" if shared else "register.source_missing"
    for entry in report.missing_sources:
        # A form's record is no data file: never renamed, nor kept by typing its number.
        said = "register.form_record_missing" if is_form_record(entry.source) else missing
        _warn(t(said, reference=entry.reference, source=entry.source,
                command=_void_command(entry, named_office=several), number=entry.number_text))
    if report.not_checked:
        click.echo(t("register.sources_not_checked", count=report.not_checked), err=True)
    for entry in report.undated:
        _warn(t("register.row_no_date", **_row_names(entry)))
    for entry in report.without_symbol:
        _warn(t("register.row_no_symbol", **_row_names(entry)))
    for entry in report.future:
        _warn(t("register.row_in_future", date=entry.details.doc_date, **_row_names(entry)))
    for disorder in report.out_of_order:
        if disorder.other_higher:
            _warn(t("register.out_of_order_later", entry=disorder.entry.describe(),
                    later=disorder.other.describe(), count=disorder.count,
                    agency=disorder.entry.agency, sequence=disorder.entry.sequence))
            continue
        _warn(t("register.out_of_order", entry=disorder.entry.describe(),
                earlier=disorder.earlier.describe(), agency=disorder.entry.agency,
                sequence=disorder.entry.sequence))  # fmt: skip
    problems = [
        *(t("register.gap" if gap.end > gap.start else "register.gap_one", agency=gap.agency,
            sequence=gap.sequence, numbers=gap.numbers)
          for gap in report.gaps),
        *(t("register.duplicate_found", agency=duplicate.agency, reference=duplicate.reference,
            count=len(duplicate.entries),
            entries="; ".join(e.describe() for e in duplicate.entries))
          for duplicate in report.duplicates),
        *(t("register.counter_behind", agency=behind.agency, sequence=behind.sequence,
            counter=behind.counter, highest=behind.highest)
          for behind in report.counters_behind),
        *([t("register.manifest_numbers_lacking", count=len(lacking), year=year,
             numbers=numbers_named(lacking))] if lacking else []),
        *([t("register.restore_unconfirmed_check", **waiting.params())] if waiting else []),
    ]  # fmt: skip
    for problem in problems:
        click.echo(problem, err=True)
    if problems:
        click.echo(t("register.check_failed", year=year, problems=len(problems)), err=True)
        ctx.exit(1)
    ok = "register.check_ok_before_vanthu" if report.before_vanthu else "register.check_ok"
    click.echo(t(f"{ok}_one" if report.rows == 1 else ok, year=year, rows=report.rows))


def _check_absent(ctx: click.Context, state: _State, year: int) -> None:
    """`so kiem-tra NĂM` without a register file (state.absent): none made; a fault (exit
    code 1) when the outputs record numbers of `year` given by it (_absent_lacking), else
    said on stdout that there is nothing to check."""
    assert state.absent is not None
    if _absent_lacking(state, year, state.listed_office(ctx)):
        click.echo(t("register.check_failed", year=year, problems=1), err=True)
        ctx.exit(1)
    click.echo(t("register.absent_check_ok", location=shown(state.absent), year=year))


@register_command.command("khoi-phuc")
@click.argument("year", type=int, metavar="NĂM", callback=_year)
@click.option(
    "--da-kiem-tra",
    "checked",
    is_flag=True,
    help="Xác nhận đã vào sổ (so vao-so) mọi số cấp bằng so cap, so giu sau bản sao sổ cũ "
    "mà không văn bản đã dựng nào ghi: vanthu lại cấp số mới năm NĂM.",
)
@click.pass_context
def restore_command(ctx: click.Context, year: int, checked: bool) -> None:
    """Ghi lại vào sổ các số đã cấp mà sổ không còn (sổ bị làm trống, hoặc chép đè bằng
    bản sao cũ), theo các văn bản đã dựng (manifest trong outputs/). Số cấp sau bản sao bằng
    so cap, so giu thì không văn bản nào ghi: vào sổ chúng bằng so vao-so, rồi xác nhận bằng
    --da-kiem-tra; đến khi đó không cấp số mới năm NĂM."""
    state = _state(ctx)
    # A register file not there is made only to enter numbers the outputs record it giving:
    # one not made has no restore to confirm, and nothing to enter when they record none.
    register = state.open(ctx, create=False)
    agency = state.listed_office(ctx)
    if checked:
        _confirm_restore(register, year, agency)
        return
    if state.absent is not None:
        if not _absent_given(state, year, agency):
            click.echo(t("register.absent_restore_nothing", location=shown(state.absent),
                         year=year))
            return
        register = state.made(ctx)
    restored = restore_recorded(state.workspace, year, register=register, agency=agency)
    if not restored:
        # Lacking still, yet none entered again: each data file holds another number now.
        lacking = manifest_numbers_lacking(state.workspace, register, year, agency)
        if lacking:
            raise RegisterError("register.restore_impossible", year=year, count=len(lacking),
                                numbers=numbers_named(lacking))
        click.echo(t("register.restore_nothing", year=year))
        waiting = register.unconfirmed_restore(year, agency)
        if waiting is not None:
            _warn(t("register.restore_waiting", **waiting.params()))
        return
    for entry in restored:
        click.echo(t("register.restored_row", entry=entry.describe()))
    waiting = register.unconfirmed_restore(year, agency)
    assert waiting is not None  # restore_given recorded it
    said = waiting.params()
    click.echo(t("register.restored", count=len(restored), year=year, last=said["last"]))
    _warn(t("register.restored_unknown", **said))


def _confirm_restore(register: Register, year: int, agency: str | None) -> None:
    """`so khoi-phuc NĂM --da-kiem-tra`: the clerk's word that the numbers given after the older
    copy (so cap, so giu) are entered; the restores of `year` waiting for it confirmed, and
    the number each of their runs gives next, for the clerk to see that it follows them."""
    confirmed = register.confirm_restore(year, agency)
    if confirmed is None:
        click.echo(t("register.restore_none_waiting", year=year))
        return
    counters = register.counters(year)
    runs = confirmed.runs
    if len(runs) == 1 and runs[0].sequence == DEFAULT_SEQUENCE:
        following = f"{counters.get((runs[0].agency, runs[0].sequence), 0) + 1:02d}"
    else:
        following = ", ".join(
            t("register.next_in_run", number=f"{counters.get((r.agency, r.sequence), 0) + 1:02d}",
              sequence=r.sequence, agency=r.agency)
            for r in runs)
    click.echo(t("register.restore_confirmed", year=year, last=confirmed.params()["last"],
                 following=following))


def _shared_identity(state: _State, register: Register) -> str | None:
    """This workspace's dinh_danh when `register` is one several workspaces may share (not
    its own register file: documents.register_identity), whose rows name it; else None."""
    backend = register.backend
    root = state.workspace.root
    if isinstance(backend, SqliteBackend) and Path(backend.location).resolve().is_relative_to(
            root.resolve()):
        return None
    return state.workspace.identity


# How many of a year's typed numbers a message names before "…".
_NAMED = 5


def before_vanthu_message(before: BeforeVanthu, year: int) -> str:
    """What `so kiem-tra` says of a sequence of a year before vanthu (checks.before_vanthu):
    its gaps are not counted missing, and how to have the year's sổ checked in full."""
    held = [e.reference for e in before.held]
    numbers = first_named(held, _NAMED)
    return t("register.before_vanthu", agency=before.agency, sequence=before.sequence,
             year=year, since=before.since, count=len(held), numbers=numbers,
             missing=", ".join(gap.numbers for gap in before.gaps))
