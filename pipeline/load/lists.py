"""Read what a decision refers to: its award list, its council's members, the plan or the
Quy chế it issues; and the draft decision a Tờ trình attaches."""

from __future__ import annotations

import copy
import os
import re
import unicodedata
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic_core import PydanticCustomError

from pipeline.awards import AwardList, is_title, person_name, read_award_list
from pipeline.context.quyet_dinh import NAMED_IN_ARTICLE, check_award_phrases
from pipeline.context.sections import paragraph_order_warnings
from pipeline.context.typed_numbers import renumbered_warnings
from pipeline.errors import InputError, Said
from pipeline.load.attachments import DecisionAttachments, SubmissionAttachments
from pipeline.load.contract import Attached, LoadedDocument, Resolver
from pipeline.load.locations import ATTACHED_DIR, resolved_path
from pipeline.load.locks import ForkSafeLock
from pipeline.load.read_log import READ_FLAGS
from pipeline.load.spreadsheet import Field, Table, read_table
from pipeline.load.spreadsheet.header import said_to_form
from pipeline.load.validation import typed_as_yaml, validate
from pipeline.load.yaml_source import Source, dotted
from pipeline.model.base import parse_date
from pipeline.model.quyet_dinh import DecisionData, Regulation, SheetRef
from pipeline.model.wording import yes_no
from pipeline.paths import shown
from pipeline.patterns import lazy
from pipeline.rules.dates import years_said
from pipeline.rules.font_coverage import cell_warnings

if TYPE_CHECKING:  # its kind's records only: not imported for a build of decisions
    from pipeline.model.to_trinh import SubmissionData

ROLE = Field("vai_tro", ("Vai trò", "Nhiệm vụ trong Hội đồng", "Chức danh trong Hội đồng"))
# The decision date is wrong, not the sheet, when no base salary or regime covers it.
DATE_ERRORS = ("money.no_base_salary", "money.no_regime")


def sheet_path(ref: SheetRef, source: Source, section: str, resolver: Resolver) -> Path:
    """The list's file beside the YAML; a missing file is an error at its line."""
    return resolver.referenced_file(source, ref.danh_sach, (section, "danh_sach"))


# A list's refusals cured in the decision, by naming the sheet to read next to its danh_sach
# (trang_tinh): the list on several sheets, or on another sheet than the one read.
SHEET_TO_NAME = frozenset(
    {"sheet.several_lists", "sheet.list_on_other_sheet", "sheet.rows_on_other_sheet"}
)


def at_list_line(error: InputError, source: Source, section: str) -> InputError:
    """`error`, a refusal of the list `source` names under `section` whose cure is written
    there (SHEET_TO_NAME), said at that danh_sach line, the list's file, sheet and words after
    it: `render` names the decision, as `check` does."""
    return source.error(
        "data.list_sheet_to_name", (section, "danh_sach"), error=Said(error, located=True)
    )


def award_list(data: DecisionData, source: Source, resolver: Resolver) -> tuple[AwardList, Path]:
    """The priced award list of a decision."""
    assert data.khen_thuong is not None
    ref = data.khen_thuong
    path = sheet_path(ref, source, "khen_thuong", resolver)
    agency, profile = resolver.agency(data.co_quan, source)
    try:
        awards = read_award_list(
            path, data.ngay, sheet=ref.trang_tinh, columns=ref.cot or None, order=ref.sap_xep,
            aliases=agency.ten_khen_thuong, priced=ref.tien_thuong, office=agency.money_rules,
        )  # fmt: skip
    except InputError as exc:
        if exc.key in DATE_ERRORS:
            raise source.error(exc.key, ("ngay",), **exc.params) from None
        if exc.key in SHEET_TO_NAME:
            raise at_list_line(exc, source, "khen_thuong") from None
        if exc.file is None:
            raise exc.at(file=source.path, line=source.line_of(("khen_thuong", "cot"))) from None
        if not typed_as_yaml(source):  # a form: no data file to write 'cot' in
            raise said_to_form(exc) from None
        raise
    require_list_title(data, awards, source)
    return awards, path


# Set while a report loads the decisions it counts (counting_figures).
COUNTING_FIGURES: ContextVar[bool] = ContextVar("counting_figures", default=False)


@contextmanager
def counting_figures() -> Iterator[None]:
    """While a report loads the decisions of its year: a decision whose wording cannot be
    written (WordingGap) still gives its list's figures, which that error does not touch, so
    one decision's phrase does not stop the year's report too (the decision itself stays
    refused, pipeline.load.documents)."""
    token = COUNTING_FIGURES.set(True)
    try:
        yield
    finally:
        COUNTING_FIGURES.reset(token)


class WordingGap(Exception):
    """A decision whose list is valid but whose phrases name a field the list has no value for
    (`error`): wrong in how the decision prints, not in what it counts. `attached`: what the
    decision's attacher found otherwise, for a report counting it."""

    def __init__(self, error: InputError, attached: Attached) -> None:
        super().__init__(error)
        self.error = error
        self.attached = attached


def require_list_title(data: DecisionData, awards: AwardList, source: Source) -> None:
    """A list of more than NAMED_IN_ARTICLE names is printed after the decision, under the
    title tieu_de_danh_sach, which it then needs; a shorter one is named in Điều 1 and has no
    title to print, so none is asked for."""
    assert data.khen_thuong is not None
    count = len(awards.entries)
    if count > NAMED_IN_ARTICLE and data.khen_thuong.tieu_de_danh_sach is None:
        raise source.error(
            "data.list_title_missing", ("khen_thuong", "tieu_de_danh_sach"), count=count,
            named=NAMED_IN_ARTICLE,
        )  # fmt: skip


def council_members(data: DecisionData, source: Source, resolver: Resolver) -> tuple[Table, Path]:
    """Members of the council a decision sets up, with their role; each name as an award
    list prints a person's (awards.person_name: one typed in capitals in title case)."""
    assert data.hoi_dong is not None
    ref = data.hoi_dong
    path = sheet_path(ref, source, "hoi_dong", resolver)
    try:
        table = read_table(
            path, sheet=ref.trang_tinh, columns=ref.cot or None,
            required=("ho_ten", "chuc_vu", ROLE),
        )  # fmt: skip
    except InputError as exc:
        if exc.key in SHEET_TO_NAME:
            raise at_list_line(exc, source, "hoi_dong") from None
        if typed_as_yaml(source):
            raise
        raise said_to_form(exc) from None  # a form: no data file to write 'cot' in
    rows = [replace(row, values={**row.values, "ho_ten": person_name(row.values["ho_ten"])})
            for row in table]  # fmt: skip
    return replace(table, rows=rows), path


def unprinted_members(members: Table) -> InputError | None:
    """The columns of a council's member list whose content Điều 1 prints nowhere (Ngày sinh,
    Đơn vị, Số điện thoại: it prints each member's Họ và tên, Chức vụ and Vai trò), found and
    counted as an award list's are (Table.unprinted_warning), said with what a council's
    decision prints; None when there is none."""
    return members.unprinted_warning(key="sheet.member_columns_not_printed")


def members_of_the_file(members: Table) -> tuple[InputError, ...]:
    """What a council's member list holds, said once for the file by the first document naming
    it (ListUsers), as an award list's: its columns printed nowhere (unprinted_members), and
    each character of its cells Times New Roman has no glyph for (font_coverage.cell_warnings),
    at its row and column."""
    unprinted = unprinted_members(members)
    return (*((unprinted,) if unprinted is not None else ()), *cell_warnings(members.rows))


# What a document's data file is named: a reference to anything else (the decision's list, a
# .docx built from it) is refused where it is written, not read as YAML at the file's line 1.
DOCUMENT_SUFFIXES = (".yaml", ".yml")


def referenced_document(
    source: Source, name: str, loc: tuple[str, ...], resolver: Resolver
) -> tuple[LoadedDocument, Path]:
    """Another document a data file names at `loc`, loaded like any document."""
    path = resolver.referenced_file(source, name, loc)
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise source.error("data.reference_not_a_document", loc, name=path.name)
    try:
        return resolver.load(path), path
    except InputError as exc:
        if exc.key == "ws.reference_cycle":  # say so where the reference is written
            raise source.error(exc.key, loc, **exc.params) from None
        raise


def issued_plan(data: DecisionData, source: Source, resolver: Resolver) -> LoadedDocument:
    """The Kế hoạch a decision issues, loaded like any plan."""
    assert data.ban_hanh is not None and data.ban_hanh.ke_hoach is not None
    loc = ("ban_hanh", "ke_hoach")
    plan, path = referenced_document(source, data.ban_hanh.ke_hoach, loc, resolver)
    if plan.kind.code != "ke_hoach":
        raise source.error("data.not_a_plan", loc, name=path.name)
    return plan


def inline_source(source: Source, loc: tuple[str, ...], kind: str) -> Source:
    """The document written at `loc` of `source` as a source of its own (of `kind` unless it
    says otherwise), every key at its line in the file."""
    data = source.data
    for key in loc:
        data = data[key]
    depth = len(loc)
    lines = {path[depth:]: line for path, line in source.lines.items() if path[:depth] == loc}
    return Source(path=source.path, data={"loai": kind, **data}, lines=lines)


def inline_document(written: Source, loc: tuple[str, ...], resolver: Resolver) -> LoadedDocument:
    """The decision written at `loc` of its file (`written`: inline_source): its errors name
    its fields from the file's top (du_thao.dieu[0]), at their lines."""
    try:
        return resolver.load_inline(written)
    except InputError as exc:
        if exc.file is not None and Path(exc.file) == written.path:
            exc.field = dotted((*loc, exc.field)) if exc.field else dotted(loc)
        raise


# The warnings of how a decision is signed (load.documents.check_signing_authority: a head's
# own decision signed "TM.", a Giấy khen signed on a body's behalf): a draft built by no one
# else is told them by its Tờ trình, as the decision built alone would be.
DRAFT_SIGNING_KEYS = frozenset({"data.tm_not_needed", "data.certificate_by_collective"})


def submission_attachments(data: SubmissionData, source: Source, resolver: Resolver) -> Attached:
    """The draft decision a Tờ trình attaches (du_thao), if any: a Quyết định whose text ends
    with its signature (one with a Danh sách, a Kế hoạch or a Quy chế after it is refused)."""
    if data.du_thao is None:
        return Attached(SubmissionAttachments())
    loc = ("du_thao",)
    inline: Source | None = None  # a draft written in the Tờ trình, as a source of its own
    if isinstance(data.du_thao, dict):
        inline = inline_source(source, loc, DECISION)
        draft, path = inline_document(inline, loc, resolver), source.path
    else:
        draft, path = referenced_document(source, data.du_thao, loc, resolver)
    if draft.kind.code != "quyet_dinh":
        raise source.error("data.not_a_decision", loc, name=path.name)
    attached = draft.info.attachments
    assert isinstance(attached, DecisionAttachments)
    listed = attached.awards is not None and len(attached.awards.entries) > NAMED_IN_ARTICLE
    if listed or attached.plan is not None or attached.regulation is not None:
        raise source.error("data.draft_with_parts", loc, name=path.name)
    written = inline if inline is not None else resolver.parse(path)  # parsed once: cached
    warnings = draft_list_warnings(source, draft, written, resolver)
    # Written in the Tờ trình or kept under kem-theo/, it is built by no one else: its words
    # are said here.
    if inline is not None or path.parent.name == ATTACHED_DIR:
        warnings += draft_wording_warnings(draft, written, resolver, loc if inline else None)
        signing = (w for w in draft.warnings
                   if isinstance(w, InputError) and w.key in DRAFT_SIGNING_KEYS)  # fmt: skip
        warnings += said_of_the_draft(signing, written, loc if inline else None)
    return Attached(SubmissionAttachments(draft=draft.info), draft.files, draft.folders,
                    warnings=warnings)  # fmt: skip


def draft_list_warnings(
    source: Source, draft: LoadedDocument, written: Source, resolver: Resolver
) -> tuple[InputError, ...]:
    """What the list of a Tờ trình's draft decision (written in `written`) found worth a word
    (a name in two units, its columns printed nowhere, amounts on a list without money ...),
    said by the Tờ trình that prints the draft: a draft under kem-theo/ or written in the Tờ
    trình is no document that says them itself. What is of the file is said once for the file
    and sheet, as a decision says it (ListUsers: the Tờ trình is one more document reading
    the list), not again by the Tờ trình of a decision that says it, nor the other way."""
    data, attached = draft.info.data, draft.info.attachments
    assert isinstance(data, DecisionData) and isinstance(attached, DecisionAttachments)
    if attached.awards is not None and data.khen_thuong is not None:
        path = sheet_path(data.khen_thuong, written, "khen_thuong", resolver)
        users = list_users(source, resolver, path, "khen_thuong", draft=written)
        return warnings_said(attached.awards, users)
    if attached.members is not None and data.hoi_dong is not None:
        found = members_of_the_file(attached.members)
        if not found:
            return ()
        path = sheet_path(data.hoi_dong, written, "hoi_dong", resolver)
        if list_users(source, resolver, path, "hoi_dong", draft=written).says_of_the_list():
            return found
    return ()


def draft_wording_warnings(
    draft: LoadedDocument, written: Source, resolver: Resolver, loc: tuple[str, ...] | None
) -> tuple[InputError, ...]:
    """What the wording of a Tờ trình's award draft decision (written in `written`) found worth
    a word (check_award_phrases: a figure typed beside the one vanthu counts, the fixed sums'
    default opening, the money lines its own dieu_2_sau dropped), for the Tờ trình to say: a
    draft written in it (at `loc`) or kept under kem-theo/ (`loc` None) is built by no
    document of its own. A warning at a line of the draft names its field from the Tờ trình's
    top (du_thao.khen_thuong.hanh_dong), or the draft's file; one in the profile is as it is.
    Checked again here rather than picked out of the draft's own load by identity: a Tờ trình
    with an award draft is rare, and the draft's load keeps no record of which of its warnings
    its wording gave."""
    data, attached = draft.info.data, draft.info.attachments
    assert isinstance(data, DecisionData) and isinstance(attached, DecisionAttachments)
    if attached.awards is None:
        return ()
    agency, profile = resolver.agency(data.co_quan, written)
    return said_of_the_draft(check_award_phrases(data, agency, attached.awards, written, profile),
                             written, loc)  # fmt: skip


def said_of_the_draft(
    warnings: Iterable[InputError], written: Source, loc: tuple[str, ...] | None
) -> tuple[InputError, ...]:
    """`warnings` of a Tờ trình's draft decision (found reading `written`) as the Tờ trình says
    them: one at a line of the draft names its field from the Tờ trình's top
    (du_thao.can_cu[3]) when the draft is written in it (at `loc`), and the draft's file when
    it is kept in a file of its own (`loc` None); one in another file (the office's profile)
    stays as it is. Each is a copy: the draft's own load, which a loader keeps and may hand to
    another caller, is left as it was."""
    said = tuple(copy.copy(warning) for warning in warnings)
    for warning in said:
        if warning.file is not None and Path(warning.file) != written.path:
            continue
        if loc is None:
            warning.file = str(written.path)
        else:
            warning.field = dotted((*loc, warning.field)) if warning.field else dotted(loc)
    return said


def warnings_said(awards: AwardList, users: ListUsers) -> tuple[InputError, ...]:
    """The warnings of an award list a document naming it says (users: the documents naming
    that file): each of its own (AwardList.warnings), but what is of the file itself
    (AwardList.of_the_file: its columns printed nowhere, a name in two units, capitals) only
    when it is the first document reading that sheet of that file so, and the amounts typed
    on a list without money only when it is the first reading it without money: a build, a
    check or a render says each once for the file and sheet, not once per document."""
    dropped: list[InputError] = []
    if awards.of_the_file and not users.says_of_the_list():
        dropped += awards.of_the_file
    if awards.unpaid is not None and not users.says_of_the_list(unpaid=True):
        dropped.append(awards.unpaid)
    return tuple(w for w in awards.warnings if not any(w is d for d in dropped))


def issued_regulation(data: DecisionData, source: Source, resolver: Resolver) -> Attached:
    """The Quy chế a decision issues: written in it, or read from a file under kem-theo/ (a
    folder the build leaves alone, so the Quy chế is printed only with its decision), with the
    warnings of its own text at that file's lines (an item's number typed, a `doan:` typed
    below `khoan:`), as the decision's are at its own."""
    assert data.ban_hanh is not None and data.ban_hanh.quy_che is not None
    written = data.ban_hanh.quy_che
    if isinstance(written, Regulation):
        return Attached(DecisionAttachments(regulation=written))
    loc = ("ban_hanh", "quy_che")
    path = resolver.referenced_file(source, written, loc)
    if path.parent.name != ATTACHED_DIR:
        raise source.error("data.not_in_attached_folder", loc, name=written, folder=ATTACHED_DIR)
    text = resolver.parse(path)
    regulation = validate(Regulation, text)
    warnings = (*renumbered_warnings(regulation, text), *paragraph_order_warnings(regulation, text))
    return Attached(DecisionAttachments(regulation=regulation), (path,),
                    warnings=tuple(warning.at(file=str(path)) for warning in warnings))


def decision_attachments(data: DecisionData, source: Source, resolver: Resolver) -> Attached:
    """The lists a decision needs, and the files they came from."""
    if data.khen_thuong is not None:
        awards, path = award_list(data, source, resolver)
        users = list_users(source, resolver, path, "khen_thuong")
        shared = list_shared(source, awards, users)
        # Its warnings name their file, sheet and row (printed after the document's name); what
        # is of the file, by the first document naming it only.
        said = (*warnings_said(awards, users), *shared)
        attachments = DecisionAttachments(awards=awards)
        agency, profile = resolver.agency(data.co_quan, source)
        try:
            told = check_award_phrases(data, agency, awards, source, profile)
        except InputError as exc:
            raise WordingGap(exc, Attached(attachments, (path,), warnings=said)) from None
        # Made once, with the wording's warnings (not made without them and replaced).
        return Attached(attachments, (path,), warnings=(*said, *told))
    if data.hoi_dong is not None:
        members, path = council_members(data, source, resolver)
        # Said as an award list's, by the first decision naming the list.
        warnings = members_of_the_file(members)
        if warnings and not list_users(source, resolver, path, "hoi_dong").says_of_the_list():
            warnings = ()
        return Attached(DecisionAttachments(members=members), (path,), warnings=warnings)
    if data.ban_hanh is not None and data.ban_hanh.quy_che is not None:
        return issued_regulation(data, source, resolver)
    if data.ban_hanh is not None:
        plan = issued_plan(data, source, resolver)
        return Attached(DecisionAttachments(plan=plan.info), plan.files)
    return Attached(DecisionAttachments())


DECISION = "quyet_dinh"
SUBMISSION = "to_trinh"
LIST_LOC = ("khen_thuong", "danh_sach")


def awards_year(trich_yeu: str, ngay: date) -> int:
    """The year a decision's awards are for: the one its trích yếu names ("... năm 2025"
    signed on 20/01/2026), else its date's."""
    said = set(years_said(trich_yeu))
    return said.pop() if len(said) == 1 else ngay.year


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class ListUse:
    """An award decision's list as it names it: the decision's file, the list's file (resolved)
    and sheet, the office's profile, the year its awards are for (awards_year), the line of its
    danh_sach, and its trích yếu (folded: compared, never printed); and the headers its `cot`
    names (as typed), which decide what the list reads, and whether it reads it with money
    (tien_thuong). A council's member list (hoi_dong) is named the same way. `draft`: the list
    of a Tờ trình's draft decision, `decision` being the Tờ trình's file (list_reading)."""

    decision: Path
    list_file: Path
    sheet: str | None
    profile: Path
    year: int
    line: int | None
    trich_yeu: str
    columns: tuple[tuple[str, str], ...] = ()
    priced: bool = True
    draft: bool = False

    def same_list(self, other: ListUse) -> bool:
        """Whether `other` gives this list's awards again: the same office's decision for the
        same year, naming the same sheet of the same file (one workbook with a sheet for each
        đợt is two lists). A Tờ trình's draft gives nothing: it proposes the decision."""
        return (
            not self.draft and not other.draft
            and self.decision != other.decision and self.list_file == other.list_file
            and self.sheet == other.sheet and self.profile == other.profile
            and self.year == other.year
        )  # fmt: skip

    def same_reading(self, other: ListUse) -> bool:
        """Whether `other` reads this list as this decision does, whoever issues it: the same
        sheet of the same file, under the same `cot`. What reading a list finds of the file
        itself (its columns printed nowhere) is then the same for both."""
        return (
            self.decision != other.decision and self.list_file == other.list_file
            and self.sheet == other.sheet and self.columns == other.columns
        )  # fmt: skip


def list_use(source: Source, resolver: Resolver, section: str = "khen_thuong") -> ListUse | None:
    """The list `source`'s award decision names (or, `section` hoi_dong, its council's member
    list), read from its file as typed (another decision of the workspace is not loaded for it:
    loading each would read every list); None when it is not such a decision written in a file
    of its own, among the workspace's documents (a Tờ trình's draft decision, written in it or
    kept under kem-theo/, shares its list with the decision it proposes, and no report counts
    it) or a part cannot be read (its own load says so)."""
    if source.path.parent.name == ATTACHED_DIR:
        return None
    try:
        top = resolver.parse(source.path).data
    except InputError:  # a form not saved yet (api): a decision of its own
        top = source.data
    data = source.data
    if top.get("loai") != DECISION or data.get("loai") != DECISION:
        return None
    return _use_in(source, resolver, section, source.path.resolve())


def list_reading(
    source: Source, resolver: Resolver, section: str = "khen_thuong", *,
    draft: Source | None = None,
) -> ListUse | None:
    """The list `source` reads as a document of the workspace: its award decision's (list_use)
    or, for a Tờ trình written in a file of its own, its draft decision's (written in it, or
    in the file its du_thao names), which the Tờ trình prints and so reads (ListUse.draft).
    `draft`: the source of the draft as the Tờ trình's load read it (submission_attachments),
    used for one written in the Tờ trình so that it is not made again (one in a file of its
    own is found by its name here, and parsed once per loader)."""
    data = source.data
    if data.get("loai") != SUBMISSION or source.path.parent.name == ATTACHED_DIR:
        return list_use(source, resolver, section)
    try:
        top = resolver.parse(source.path).data
    except InputError:  # a form not saved yet (api): a Tờ trình of its own
        top = data
    named, loc = data.get("du_thao"), ("du_thao",)
    if top.get("loai") != SUBMISSION:
        return None
    try:
        if isinstance(named, dict):
            written = draft if draft is not None else inline_source(source, loc, DECISION)
        elif isinstance(named, str):
            written = resolver.parse(resolver.referenced_file(source, named, loc))
        else:
            return None
    except InputError:  # its own load says so
        return None
    if written.data.get("loai") != DECISION:
        return None
    return _use_in(written, resolver, section, source.path.resolve(), draft=True)


def _use_in(
    written: Source, resolver: Resolver, section: str, decision: Path, *, draft: bool = False
) -> ListUse | None:
    """The list the decision `written` names at `section`, as the document `decision` reads it
    (ListUse); None when a part cannot be read (its own load says so)."""
    data = written.data
    ref = data.get(section)
    if not isinstance(ref, dict):
        return None
    name, sheet, office = ref.get("danh_sach"), ref.get("trang_tinh"), data.get("co_quan")
    if not isinstance(name, str) or not isinstance(office, str):
        return None
    loc = (section, "danh_sach")
    try:
        day = parse_date(data.get("ngay"))
        list_file = resolver.referenced_file(written, name, loc)
        _, profile = resolver.agency(office, written)
        priced = yes_no(ref.get("tien_thuong", True)) is not False
    except (InputError, PydanticCustomError):
        return None
    trich_yeu = str(data.get("trich_yeu") or "")
    columns = ref.get("cot")
    return ListUse(
        decision=decision, list_file=list_file,
        sheet=" ".join(str(sheet).casefold().split()) if sheet is not None else None,
        profile=profile, year=awards_year(trich_yeu, day), line=written.line_of(loc),
        trich_yeu=" ".join(_folded(trich_yeu).split()),
        columns=tuple(sorted((str(k), str(v)) for k, v in columns.items()))
        if isinstance(columns, dict) else (),
        priced=priced, draft=draft,
    )  # fmt: skip


def _folded(text: str) -> str:
    """`text` in NFC and case folded: a file name, or a whole document file searched for the
    list files it names (_LIST_LINE). Not pipeline.text.tones.same_spelling, which also moves
    tone marks (its key is NFD, never matched against a path) and spaces dashes ("ds-khen.xlsx"
    would read "ds - khen.xlsx"), and caches what it folds (a file's whole text here)."""
    return unicodedata.normalize("NFC", text).casefold()


# The file name a danh_sach line names ("danh_sach: ds-khen.xlsx", quoted or in a flow mapping),
# folded: which document files may give a decision's list again. A quick filter; list_use says.
_LIST_LINE = re.compile(r"danh_sach\s*:\s*[\"']?([^\"',}#\n]+)")
# The file a Tờ trình's du_thao line names (not a draft written in it, on the lines below): the
# lists that file names are read by the Tờ trình too.
_draft_line = lazy(r"du_thao[ \t]*:[ \t]*[\"']?([^\"',{}#\n]+)")


@dataclass
class _ListIndex:
    """Which document files of a workspace name which list file (by its folded name; a Tờ
    trình, the lists of the draft decision its du_thao names), read once for a loader (a
    build's worker, a check) instead of once for each decision it loads: with a year of
    decisions each scanning every file, a build was quadratic. `folders` holds the
    modification time of each folder it read: a file added, removed or saved again by a
    program that writes through a temporary file changes its folder's, and the index is read
    again. The files are held as text (os.fspath): a build holds the index of its whole year,
    and a Path costs several times a string's memory."""

    folders: dict[str, int]
    names: dict[str, list[str]]

    def fresh(self) -> bool:
        for folder, mtime in self.folders.items():
            try:
                if os.stat(folder).st_mtime_ns != mtime:
                    return False
            except OSError:
                return False
        return True


_INDEXES: weakref.WeakKeyDictionary[Any, _ListIndex] = weakref.WeakKeyDictionary()
# Held while _INDEXES is looked up or changed, never while an index is read: threads sharing a
# loader (a portal) may then both read a stale index, and the later one is kept.
_INDEXES_LOCK = ForkSafeLock()


def _watched(folders: dict[str, int], file: str) -> bool:
    """Note the modification time of data file `file`'s folder among `folders`
    (_ListIndex.folders); False when the folder cannot be read."""
    folder = os.path.dirname(file) or "."  # as Path(file).parent, without making a Path
    if folder not in folders:
        try:
            folders[folder] = os.stat(folder).st_mtime_ns
        except OSError:
            return False
    return True


def _bytes(file: str) -> bytes | None:
    """A data file's bytes (None when it cannot be read: its own load says so). Read with the
    system's calls alone: an open file object costs more than the reading of a document's few
    kB, read in one call, then its end (measured: 5.2 µs a file, from 7.6)."""
    try:
        handle = os.open(file, READ_FLAGS)
    except OSError:
        return None
    try:
        chunks = []
        while chunk := os.read(handle, _CHUNK):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(handle)


_CHUNK = 1 << 16


def _names_listed(folded: str) -> list[str]:
    """The list file names the danh_sach lines of a (folded) text name, without their folder."""
    return [match[1].strip().replace("\\", "/").rsplit("/", 1)[-1]
            for match in _LIST_LINE.finditer(folded)]  # fmt: skip


# The characters that folding (_folded: NFC, then casefold) turns into text holding one of the
# letters of "danh_sach", other than those letters in either case: ß ŉ ſ ẖ ẚ ẞ ﬅ ﬆ
# (tests/test_list_index.py holds this to unicodedata).
_FOLDED_INTO_LETTERS = "\u00df\u0149\u017f\u1e96\u1e9a\u1e9e\ufb05\ufb06"
_NOT_SPACE = re.compile(r"\S")
# A danh_sach line (folded, without its line feed) whose match may go on past it: nothing but
# spaces after the key, or after its colon (_LIST_LINE's \s crosses lines).
_OPEN_END = re.compile(r"danh_sach\s*(?::\s*)?\Z")


def _names_in(raw: bytes, text: str) -> list[str]:
    """_names_listed(_folded(text)) of a data file's `text`, decoded from its bytes `raw`
    ("replace"), folding only the lines a danh_sach line stands on: folding a whole file (its
    casefold above all) was most of what reading it for the index cost.

    Folding goes line by line (a line feed composes with nothing and folds to itself), so the
    lines of a match are folded alike alone. A match starts on a line holding "danh_sach" once
    folded, and ends at the name: on that line, or, when the line ends open (_OPEN_END), on
    the first or second line after it holding more than spaces (the colon, then the name, may
    each stand on a line of their own). In a text without _FOLDED_INTO_LETTERS, a line holds
    "danh_sach" once folded only if it holds those letters in some case, as its bytes with
    their ASCII letters in lower case say (bytes.lower(); no other character's UTF-8 holds an
    ASCII byte). So only such lines, and those an open one asks for, are folded, a run of them
    at a time (_runs), and searched as the whole file was: every match lies within a run. Bytes
    are cut at line feeds, which decoding ("replace") reads alike cut or not.

    The runs are searched as one text: each ends with its line feed (or the file's end), which
    no match crosses but from an open line, the last of a run only at the file's end. Most files
    have no open line: each line holding the letters is then a run of its own, taken here as it
    is found; one of ASCII alone folds to its bytes in lower case (NFC leaves ASCII as it is,
    casefold changes only its capitals), neither decoded again nor folded (measured: 12 µs a
    file of a year's decisions, from 13.5)."""
    if any(char in text for char in _FOLDED_INTO_LETTERS):
        return _names_listed(_folded(text))
    lowered = raw.lower()
    lines: list[str] = []
    at = lowered.find(b"danh_sach")
    while at >= 0:
        start = lowered.rfind(b"\n", 0, at) + 1
        stop = lowered.find(b"\n", at) + 1 or len(lowered)
        chunk = lowered[start:stop]
        if chunk.isascii():
            line = chunk.decode("ascii")
        else:
            line = _folded(raw[start:stop].decode("utf-8", "replace"))
        if "danh_sach" in line and _OPEN_END.search(line.removesuffix("\n")):
            return _names_listed(_runs(raw, lowered))  # an open line: its run goes on
        lines.append(line)
        at = lowered.find(b"danh_sach", stop)
    return _names_listed("".join(lines)) if lines else []


def _runs(raw: bytes, lowered: bytes) -> str:
    """The runs of lines of data file `raw` (`lowered`: its bytes in lower case) that _names_in
    searches, folded, as one text."""
    lines: list[str] = []
    at = lowered.find(b"danh_sach")
    while at >= 0:
        end = raw.rfind(b"\n", 0, at) + 1  # the run starts with the line holding it
        wanted = 1  # lines with more than spaces the run still takes
        while wanted and end < len(raw):
            stop = raw.find(b"\n", end) + 1 or len(raw)
            line = _folded(raw[end:stop].decode("utf-8", "replace"))
            lines.append(line)
            end = stop
            if _NOT_SPACE.search(line):
                wanted -= 1
            if "danh_sach" in line and _OPEN_END.search(line.removesuffix("\n")):
                wanted = 2
        at = lowered.find(b"danh_sach", end)
    return "".join(lines)


def _read_once(
    file: str, key: str, folders: dict[str, int], read: dict[str, tuple[str, list[str]] | None]
) -> tuple[str, list[str]] | None:
    """Data file `file`'s text as typed and the list names its danh_sach lines name
    (_names_in), its folder watched (_watched); None when it cannot be read. Kept in `read`
    under `key` (its path normalized: os.path.normpath) while one index is built: a draft
    decision that is itself among the documents, or that several Tờ trình name, is read once."""
    if key not in read:
        raw = _bytes(file) if _watched(folders, file) else None
        if raw is None:
            read[key] = None
        else:
            text = raw.decode("utf-8", "replace")
            read[key] = (text, _names_in(raw, text))
    return read[key]


def _list_index(resolver: Resolver) -> _ListIndex:
    """The resolver's index of lists named by its workspace's documents (_ListIndex). Each
    path made text and normalized once, its folder found from the text (measured with _bytes
    and _names_in: 25 ms for a year of 1,000 decisions, from 32)."""
    try:
        with _INDEXES_LOCK:
            known = _INDEXES.get(resolver)
    except TypeError:  # a resolver that cannot be remembered: read each time
        known = None
    if known is not None and known.fresh():
        return known
    _, paths = resolver.all_documents()
    folders: dict[str, int] = {}
    names: dict[str, list[str]] = {}
    read: dict[str, tuple[str, list[str]] | None] = {}
    for path in paths:
        file = os.fspath(path)  # a document's path as text (a Path keeps it: no cost)
        key = os.path.normpath(file)
        found = _read_once(file, key, folders, read)
        if found is None:
            continue
        text, named = found
        # Its text is not needed again (as a draft, only its names are): not held for the year.
        read[key] = ("", named)
        # A Tờ trình's draft kept in a file of its own (the search made only in a file saying
        # du_thao at all: a look for the word costs a tenth of the pattern's search).
        if "du_thao" in text:
            named = [*named]
            for match in _draft_line().finditer(text):
                draft = os.path.normpath(path.parent / match[1].strip())
                drafted = _read_once(draft, draft, folders, read)
                named += drafted[1] if drafted is not None else []
        for name in dict.fromkeys(named) if len(named) > 1 else named:
            names.setdefault(name, []).append(file)
    index = _ListIndex(folders, names)
    try:
        with _INDEXES_LOCK:
            _INDEXES[resolver] = index
    except TypeError:
        pass
    return index


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class ListUsers:
    """The decisions of the workspace naming a decision's list file (`use`), in the workspace's
    order: those before it and those after it (a Tờ trình printing a draft decision that names
    it among them: list_reading). Empty when no other document names a file of
    that name, or the decision is no document of the workspace (list_use)."""

    use: ListUse | None = None
    before: tuple[ListUse, ...] = ()
    after: tuple[ListUse, ...] = ()

    def says_of_the_list(self, *, unpaid: bool = False) -> bool:
        """Whether the decision is the one to say what its list's reading found of the file
        itself (its columns printed nowhere, Table.unprinted_warning; a name in two units;
        capitals): the first document of the workspace reading that sheet of that file so
        (ListUse.same_reading), as all_documents orders them, or, while a render or a check
        loads the documents it was asked for (documents_asked), the first of those. Decided
        from the files as typed, the same in each of a build's workers, so a build or a check
        says it once for the file and sheet, not once for each decision (or Tờ trình printing
        a draft decision) naming it; a render of a later decision alone says it too, as the
        first one is not printed then, and a build keeping some documents unchanged says it by
        the first one it rebuilds (loading_only), as the kept ones are not loaded. A decision
        that is no document of the workspace (a form not saved) says it. `unpaid`: the
        amounts typed on a list without money, said by the first reading it without money
        (ListUse.priced)."""
        use = self.use
        if use is None:
            return True
        asked = _ASKED.get()
        return not any(
            use.same_reading(other) and not (unpaid and other.priced)
            and (asked is None or other.decision in asked)
            for other in self.before
        )  # fmt: skip


# The documents a render or a check was asked for, or a build rebuilds while it keeps others
# unchanged (resolved), while they are loaded (documents_asked, loading_only); None otherwise
# (a build of every document of the workspace).
_ASKED: ContextVar[frozenset[Path] | None] = ContextVar("documents_asked", default=None)


@contextmanager
def documents_asked(paths: Iterable[Path]) -> Iterator[None]:
    """While a render or a check loads the documents `paths` it was asked for: what a list's
    reading finds of the file itself is said by the first of them naming it (as the workspace
    orders them), not left to an earlier document of the workspace that the call does not load
    nor print (ListUsers.says_of_the_list)."""
    with loading_only(asked_documents(paths)):
        yield


def asked_documents(paths: Iterable[Path]) -> frozenset[Path]:
    """`paths` as documents_asked and loading_only compare them: resolved."""
    return frozenset(resolved_path(Path(path)) for path in paths)


@contextmanager
def loading_only(asked: frozenset[Path]) -> Iterator[None]:
    """documents_asked for paths already resolved (asked_documents): what a build's workers
    enter around each batch, the build's documents to rebuild resolved once per worker."""
    token = _ASKED.set(asked)
    try:
        yield
    finally:
        _ASKED.reset(token)


def list_users(
    source: Source, resolver: Resolver, list_file: Path, section: str, *,
    draft: Source | None = None,
) -> ListUsers:
    """The decisions naming `list_file` at `section` (khen_thuong, hoi_dong) besides `source`'s
    (ListUsers): found through the workspace's index of list names, each parsed once per loader
    (no list is read for it). Most decisions name a file no other document names, which the
    index says at once. `draft`: for a Tờ trình, its draft decision's source (list_reading)."""
    named = _list_index(resolver).names.get(_folded(list_file.name), ())
    own = os.fspath(source.path)
    if all(path == own for path in named):
        return ListUsers()  # no other document names a file of that name: most decisions
    use = list_reading(source, resolver, section, draft=draft)
    if use is None:
        return ListUsers()
    before: list[ListUse] = []
    after: list[ListUse] = []
    found = before
    for name in dict.fromkeys(named):
        path = Path(name)
        if path == use.decision:  # the decision itself (listed resolved, as use names it)
            found = after
            continue
        try:
            other = list_reading(resolver.parse(path), resolver, section)
        except InputError:  # a file that cannot be read: its own load says so
            continue
        if other is not None and other.list_file == use.list_file:
            found.append(other)
    if found is before:  # not among the workspace's documents: before every other
        return ListUsers(use, (), tuple(before))
    return ListUsers(use, tuple(before), tuple(after))


def list_shared(source: Source, awards: AwardList, users: ListUsers) -> tuple[InputError, ...]:
    """A decision whose list another award decision of the same office names for the same year
    (the same file and sheet, among `users`): the most likely slip of a copied decision, số and
    ngày changed, the list not. Its danh hiệu thi đua are given once a year
    (pipeline.load.report's refuse_repeated_titles), so a list holding one is refused, naming
    both files and their danh_sach lines. A list of hình thức only (Giấy khen, Bằng khen) is
    warned of: given to the same whole list twice is almost always the copy, yet a decision
    replaced by a new one and kept, or a hình thức truly given twice, is the clerk's to say; the
    year's report says how many awards it counts twice
    (pipeline.load.report.lists_counted_twice)."""
    use = users.use
    if use is None:
        return ()
    others = [other for other in (*users.before, *users.after) if use.same_list(other)]
    if not others:
        return ()
    titles = [entry for entry in awards.entries if is_title(entry)]
    common: dict[str, Any] = {"list": use.list_file.name, "year": use.year}
    if titles:
        other = others[0]
        raise source.error(
            "data.list_titles_twice", LIST_LOC, other=shown(other.decision),
            other_line=other.line, award=titles[0].award, count=len(titles), **common,
        )  # fmt: skip
    return tuple(
        InputError(
            "data.list_given_twice", line=use.line, field=dotted(LIST_LOC),
            other=shown(other.decision), other_line=other.line, count=len(awards.entries),
            **common,
        )
        for other in others
    )  # fmt: skip
