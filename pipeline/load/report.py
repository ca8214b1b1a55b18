"""What a yearly report needs: the figures of its year (and the year before) from the decisions.

A report counts the decisions of its own office (the same co_quan profile), not another
office's kept beside them. A decision belongs to the year of its own date (ngay), whichever
folder of the workspace it is kept in: a copy of a 2024 decision kept in inputs/2025/ is still
a 2024 decision. A report speaks as of its own date, so a decision dated after it cannot be
counted: the report is refused, naming both files and dates (a report is written once its year
is over, so one of the two dates is wrong; counting it, or leaving it out unseen, would print a
wrong figure). A report's nam must be a year its trích yếu speaks of, and its date in that
year or the next: a report copied from last year is caught before it prints.

Nor is a decision left out unseen because it cannot be read: a document of the office and
years the report counts that may be one of its decisions (its loai is no kind vanthu knows, or
it is a Quyết định that does not validate: a misspelt khen_thuong) refuses the report, naming
that file and why, as a syntax error in it does. A decision without its number (so: empty,
"Số: ..../QĐ-…", a draft) has not been issued: it is not counted, and the report says so.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pydantic_core import PydanticCustomError

from pipeline.awards import AwardList, Entry, YearNamesakes, is_title
from pipeline.errors import InputError, Said
from pipeline.figures import YearFigures, decree_awards, figure_values, in_running_text
from pipeline.kinds import KINDS
from pipeline.load.attachments import DecisionAttachments, ReportAttachments
from pipeline.load.contract import Attached, LoadedDocument, Resolver
from pipeline.load.lists import ListUse, awards_year, counting_figures, list_use
from pipeline.load.validation import validate
from pipeline.load.yaml_source import Path_, Source, dotted, strings
from pipeline.model.bao_cao import ReportData
from pipeline.model.base import parse_date
from pipeline.model.quyet_dinh import DecisionData
from pipeline.paths import shown
from pipeline.rules.award_names import name_key
from pipeline.rules.dates import numeric_date, years_said
from pipeline.rules.money import format_money
from pipeline.rules.phrases import fill_text
from pipeline.rules.placeholders import meant_name, names_in, stray_tags
from pipeline.text.listing import first_named

DECISION = "quyet_dinh"


def award_decisions(resolver: Resolver, paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The documents among `paths` that are Quyết định with an award list, and those that may
    be one though they do not say so: a loai that is no kind (quyet_dinh_, Quyet_dinh, none),
    or a Quyết định without an award list (a Quyết định chung, or khen_thuong misspelt)."""
    found, unsure = [], []
    for path in paths:
        data = resolver.parse(path).data
        code = data.get("loai")
        if code == DECISION and isinstance(data.get("khen_thuong"), dict):
            found.append(path)
        elif code == DECISION or not isinstance(code, str) or code not in KINDS:
            unsure.append(path)
    return found, unsure


def refuse_unreadable(
    report: ReportData, resolver: Resolver, unsure: list[Path], office: Path
) -> None:
    """Refuse the report while a document it may count cannot be read as a decision (one of
    award_decisions' unsure): counted without it, the report would print wrong figures and
    nobody would know. Only those that could be among its decisions: of its office (or not
    saying which) and dated in its year or the year before, not after the report (or without
    a date that can be read). A Quyết định that validates without an award list is none."""
    years = {report.nam, report.nam - 1}
    for path in unsure:
        source = resolver.parse(path)
        try:
            ref = source.data.get("co_quan")
            if isinstance(ref, str) and resolver.agency(ref, source)[1] != office:
                continue  # another office's
            try:
                day = parse_date(source.data.get("ngay"))
            except PydanticCustomError:
                day = None
            if day is not None and (day.year not in years or day > report.ngay):
                continue
            if source.data.get("loai") == DECISION:
                # Validated as its load would, without loading it: its own errors only (a
                # valid one's signer or plan is its build's to refuse). built: the model's
                # schema built under the loader's lock; imported here, an attacher is the
                # loader's to import (contract).
                from pipeline.load.built_models import built

                validate(built(DecisionData), source)
                continue  # a Quyết định without an award list: not the report's
            resolver.load(path)  # a loai that is no kind: refused, naming the kinds
        except InputError as error:
            raise InputError(
                "data.report_decision_unreadable", file=error.file, line=error.line,
                column=error.column, field=error.field, sheet=error.sheet, row=error.row,
                error=Said(error), year=report.nam, decision=shown(path),
            ) from None  # fmt: skip


def numbered(
    report: ReportData, decisions: list[LoadedDocument]
) -> tuple[list[LoadedDocument], tuple[InputError, ...]]:
    """The decisions that have their number (typed, or so: tu_dong: the register's, given at
    build), and a warning for each one without it dated by the report's: a draft ("Số:
    ..../QĐ-…") has not been issued (ban hành), so the report does not count it."""
    kept: list[LoadedDocument] = []
    drafts: list[InputError] = []
    for document in decisions:
        data = document.info.data
        if data.needs_number or data.own_number is not None:
            kept.append(document)
        elif data.ngay <= report.ngay:
            drafts.append(InputError(
                "data.report_decision_unnumbered", decision=shown(document.path),
                date=numeric_date(data.ngay),
            ))  # fmt: skip
    return kept, tuple(drafts)


def issued_by_office(resolver: Resolver, found: list[Path], office: Path) -> list[Path]:
    """The decisions among `found` that the report's own office issued (their co_quan names
    the same profile file): a decision of another office kept in the workspace (the UBND
    tỉnh's Bằng khen for the office's staff) is not the office's work, nor are its figures.
    One whose co_quan is not a name is kept, so that loading it reports its error."""
    kept = []
    for path in found:
        source = resolver.parse(path)
        ref = source.data.get("co_quan")
        if not isinstance(ref, str) or resolver.agency(ref, source)[1] == office:
            kept.append(path)
    return kept


def dated_in(resolver: Resolver, found: list[Path], years: set[int]) -> list[LoadedDocument]:
    """The award decisions `found` whose own date falls in one of `years`, loaded.

    Only a decision's date is read before deciding; a date that cannot be read is loaded
    anyway, so that its error (file, line, field) stops the report rather than a guess."""
    dated = []
    for path in found:
        try:
            year = parse_date(resolver.parse(path).data.get("ngay")).year
        except PydanticCustomError:
            year = None
        if year is None or year in years:
            with counting_figures():  # its figures, even if its own wording is refused
                document = resolver.load(path)
            if document.info.data.ngay.year in years:
                dated.append(document)
    return dated


def issued_by(
    report: ReportData, source: Source, decisions: list[LoadedDocument]
) -> list[LoadedDocument]:
    """The decisions issued by the report's date: one signed after it (28/12 for a report of
    25/12) is not in it, nor is it an error (it counts in next year's comparison). But a
    report whose year has decisions only after its date has a wrong date (02/01/2022 for
    02/01/2023): refused, naming the first of them."""
    issued = [d for d in decisions if d.info.data.ngay <= report.ngay]
    of_the_year = [d for d in decisions if d.info.data.ngay.year == report.nam]
    later = sorted((d for d in of_the_year if d.info.data.ngay > report.ngay),
                   key=lambda d: d.info.data.ngay)  # fmt: skip
    if later and len(later) == len(of_the_year):
        first = later[0]
        raise source.error(
            "data.decision_after_report", ("ngay",), date=numeric_date(report.ngay),
            decision=shown(first.path), decision_date=numeric_date(first.info.data.ngay),
        )  # fmt: skip
    return issued


def refuse_other_year(report: ReportData, source: Source) -> None:
    """A report copied from last year with one of nam, ngay or trích yếu left unchanged would
    print one year's figures under another year's title: refused at `nam`."""
    said = years_said(report.trich_yeu)
    if said and report.nam not in said:
        years = ", ".join(f"năm {y}" for y in dict.fromkeys(said))
        raise source.error("data.report_year_not_in_title", ("nam",), year=report.nam, said=years)
    if report.ngay.year not in (report.nam, report.nam + 1):
        raise source.error(
            "data.report_year_far_from_date", ("nam",), year=report.nam,
            date=numeric_date(report.ngay),
        )  # fmt: skip


def refuse_duplicates(source: Source, decisions: list[LoadedDocument]) -> None:
    """Refuse a decision kept twice, which the report would count twice: the same office,
    number and date in two files, or the same date, trích yếu and list (unless the clerk
    typed two numbers); and a danh hiệu thi đua given twice to one person or collective in one
    year, which is given once a year (a year's folder copied for the next one, its dates not
    yet changed, does both)."""
    numbered: dict[tuple[str, int, date], LoadedDocument] = {}
    copies: dict[tuple[object, ...], LoadedDocument] = {}
    for document in decisions:
        data = document.info.data
        if isinstance(data.so, int):
            first = numbered.setdefault((data.co_quan, data.so, data.ngay), document)
            if first is not document:
                raise source.error(
                    "data.duplicate_decision", ("nam",), number=data.so,
                    date=numeric_date(data.ngay), first=shown(first.path),
                    second=shown(document.path),
                )  # fmt: skip
        first = copies.setdefault(_content_key(document), document)
        # Two numbers the clerk typed are two decisions issued, however alike.
        both_typed = isinstance(first.info.data.so, int) and isinstance(data.so, int)
        if first is not document and not both_typed:
            raise source.error(
                "data.copied_decision", ("nam",), date=numeric_date(data.ngay),
                first=shown(first.path), second=shown(document.path),
            )  # fmt: skip
    refuse_repeated_titles(source, decisions)


def _awards_of(document: LoadedDocument) -> AwardList:
    attachments = document.info.attachments
    assert isinstance(attachments, DecisionAttachments) and attachments.awards is not None
    return attachments.awards


def _content_key(document: LoadedDocument) -> tuple[object, ...]:
    """What makes two award decisions one: office, date, trích yếu and who gets what."""
    data = document.info.data
    given = sorted((e.recipient, name_key(e.award_key)) for e in _awards_of(document).entries)
    return data.co_quan, data.ngay, " ".join(data.trich_yeu.casefold().split()), tuple(given)


def refuse_repeated_titles(source: Source, decisions: list[LoadedDocument]) -> None:
    """A danh hiệu thi đua of the decree (Lao động tiên tiến, Chiến sĩ thi đua cơ sở ...) is
    recognised once a year: the same person or collective given the same title for one year by
    two decisions is refused, naming both files and rows. Hình thức khen thưởng (Giấy khen ...)
    and an office's own awards (a school's pupils' titles, given each term) may repeat
    (certificates.is_title). A person is who the year's figures count (YearNamesakes): one of
    two namesakes a list tells apart by their chức vụ is that person in every decision of the
    year naming them."""
    # The year the titles are for: the one the trích yếu names ("... năm 2021" signed on
    # 10/01/2022), else the decision's own.
    years = [awards_year(d.info.data.trich_yeu, d.info.data.ngay) for d in decisions]
    lists: dict[int, list[AwardList]] = {}
    for document, year in zip(decisions, years, strict=True):
        lists.setdefault(year, []).append(_awards_of(document))
    namesakes = {year: YearNamesakes.of(listed) for year, listed in lists.items()}
    seen: dict[tuple[object, ...], tuple[LoadedDocument, Entry]] = {}
    for document, year in zip(decisions, years, strict=True):
        for entry in _awards_of(document).entries:
            if not is_title(entry):
                continue
            key = (year, namesakes[year].person(entry), name_key(entry.award_key))
            first, earlier = seen.setdefault(key, (document, entry))
            if first is not document:
                raise source.error(
                    "data.title_twice", ("nam",), name=entry.name, award=entry.award,
                    year=year, first=shown(first.path), first_row=earlier.row,
                    second=shown(document.path), second_row=entry.row,
                )  # fmt: skip


# Two list files of fewer rows alike are not taken for a copy: one person given the same Giấy
# khen twice in a year, for two achievements, under an office's usual trích yếu, is real.
COPIED_ROWS = 2


def lists_counted_twice(
    source: Source, decisions: list[LoadedDocument], resolver: Resolver
) -> tuple[InputError, ...]:
    """A warning for each decision of a year counted that gives an earlier one's list again:
    the same sheet of the same file (lists.ListUse.same_list; the decisions warn of it too), or
    a list file of the same rows under the same trích yếu (a decision copied with its list, the
    list renamed: cheap to compare here, where every list is read). A danh hiệu thi đua twice
    is refused before (refuse_repeated_titles); a hình thức may truly be given twice, so the
    report counts both, but says which decisions and how many awards it counts twice rather
    than print doubled figures unseen."""
    found = []
    by_file: dict[tuple[object, ...], tuple[LoadedDocument, ListUse]] = {}
    by_rows: dict[tuple[object, ...], tuple[LoadedDocument, ListUse]] = {}
    for document in decisions:
        use = list_use(resolver.parse(document.path), resolver)
        if use is None:
            continue
        counted = document.info.data.ngay.year  # the year whose figures count it
        entries = _awards_of(document).entries
        rows = tuple(sorted((e.recipient, name_key(e.award_key)) for e in entries))
        file_key = (counted, use.year, use.profile, use.list_file, use.sheet)
        row_key = (counted, use.year, use.profile, use.trich_yeu, rows)
        first, earlier = by_file.setdefault(file_key, (document, use))
        how = Said(InputError("data.same_list_file", name=use.list_file.name))
        if first is document:
            kept = by_rows.setdefault(row_key, (document, use))
            if kept[0] is document or len(rows) < COPIED_ROWS:
                continue
            first, earlier = kept
            how = Said(InputError("data.same_list_rows", first=shown(earlier.list_file),
                                  second=shown(use.list_file)))  # fmt: skip
        amount = sum(e.amount for e in entries)
        money = Said(InputError("data.counted_twice_money", amount=format_money(amount)))
        found.append(InputError(
            "data.list_counted_twice", line=source.line_of(("nam",)), field="nam",
            first=shown(first.path), first_line=earlier.line, second=shown(document.path),
            second_line=use.line, year=counted, how=how, count=len(entries),
            money=money if amount else "",
        ))  # fmt: skip
    return tuple(found)


# A warning names this many people of a unit at most, "…" marking the others.
NAMED_PEOPLE = 5


def names_in_two_units(source: Source, figures: YearFigures) -> tuple[InputError, ...]:
    """A warning for each pair of units that two of the year's decisions list people of the
    same names under (YearFigures.names_in_two_units), saying how the report counts them: each
    name in each unit one cá nhân, as a list's duplicate check takes them; the clerk alone
    knows whether a unit was renamed, its staff then counted twice."""
    found = []
    for pair in figures.names_in_two_units():
        found.append(InputError(
            "data.report_person_two_units", line=source.line_of(("nam",)), field="nam",
            names=first_named([f"'{name}'" for name in pair.names], NAMED_PEOPLE),
            first=shown(pair.first.path), first_unit=pair.first_unit,
            second=shown(pair.second.path), unit=pair.unit,
            counted=2 * len(pair.names), people=len(pair.names),
        ))  # fmt: skip
    return tuple(found)


def namesakes_across_decisions(source: Source, figures: YearFigures) -> tuple[InputError, ...]:
    """A warning for each name and unit whose namesakes a list of the year tells apart by their
    chức vụ while other decisions name them too (YearFigures.namesakes_across_decisions),
    saying how the report counts them: the same name, unit and chức vụ one person in every
    decision, a row without a chức vụ the first of them."""
    found = []
    for counted in figures.namesakes_across_decisions():
        first = next(iter(counted.positions.values()))
        untold = InputError("data.report_namesakes_untold", position=first)
        found.append(InputError(
            "data.report_namesakes", line=source.line_of(("nam",)), field="nam",
            name=counted.name, unit=counted.unit, told=len(counted.positions),
            positions=", ".join(counted.positions.values()), first=shown(counted.told.path),
            others=", ".join(shown(d.path) for d in counted.others), people=len(counted.people),
            untold=Said(untold) if counted.untold else "",
        ))  # fmt: skip
    return tuple(found)


def year_figures(
    year: int, decisions: list[LoadedDocument], office: tuple[str, ...] = ()
) -> YearFigures:
    """The figures of `year` from the award decisions dated in it, of the office named
    `office` (YearFigures.office); namesakes a list tells apart by their chức vụ counted as
    such in every decision (YearFigures.namesakes)."""
    dated = [document for document in decisions if document.info.data.ngay.year == year]
    namesakes = YearNamesakes.of([_awards_of(document) for document in dated])
    figures = YearFigures(year, office=office, namesakes=namesakes)
    for document in dated:
        figures.decisions.append(document)
        figures.add(_awards_of(document), document)
    return figures


def report_attachments(data: ReportData, source: Source, resolver: Resolver) -> Attached:
    """Figures of `data.nam` from the decisions dated in that year, and of the year before."""
    refuse_other_year(data, source)
    try:
        folder, paths = resolver.all_documents()
    except InputError as exc:  # a folder that could not be listed: its decisions not known
        if exc.file is None or "reason" not in exc.params:
            raise
        raise source.error(
            "ws.report_folder_unreadable", ("nam",), year=data.nam,
            folder=shown(Path(exc.file)), reason=exc.params["reason"],
        ) from None  # fmt: skip
    found, unsure = award_decisions(resolver, paths)
    agency, office = resolver.agency(data.co_quan, source)
    own = issued_by_office(resolver, found, office)
    refuse_unreadable(data, resolver, unsure, office)
    loaded, drafts = numbered(data, dated_in(resolver, own, {data.nam, data.nam - 1}))
    decisions = issued_by(data, source, loaded)
    refuse_duplicates(source, decisions)
    names = (agency.ten_day_du,)
    current = year_figures(data.nam, decisions, names)
    if not current.decisions:
        raise source.error("data.no_decisions", ("nam",), year=data.nam, folder=shown(folder))
    previous = year_figures(data.nam - 1, decisions, names)
    before = previous if previous.decisions else None
    # The decree's awards of the year are figures too: 0 in a year none was given.
    values = figure_values(current, before, decree_awards(data.nam))
    refuse_unknown_figures(source, values)
    # Which decisions count depends on every award decision's date, wherever it is kept: the
    # report is rebuilt when one is added, removed or edited (its data file), as for those
    # it counts when their lists change; and on those that may become one (unsure).
    files = dict.fromkeys([*current.files, *(before.files if before else []), *found, *unsure])
    attachments = ReportAttachments(current, before, values)
    warnings = (
        *drafts,
        *lists_counted_twice(source, decisions, resolver),
        *names_in_two_units(source, current),
        *namesakes_across_decisions(source, current),
        *figures_without_value(source, values, data.nam - 1, folder),
    )
    return Attached(attachments, tuple(files), folders=(folder,), warnings=warnings)


def refuse_unknown_figures(source: Source, values: dict[str, str]) -> None:
    """Refuse the report at the first text naming a figure it has not (`values`), or holding a
    tag that is no plain figure ("{{ Giay_khen.ca_nhan }}", "{{ tong.ca_nhan | int }}": stray
    tags), which would print braces and all; each with the known figure closest to it."""
    for loc, text in clerks_text(source.data):
        for piece in stray_tags(text):
            hint = closest_figure(meant_name(piece), values)
            raise source.error("data.figure_tag_broken", loc, tag=piece, hint=hint)
        for name in names_in(text):
            if name not in values:
                raise source.error(
                    "data.unknown_figure", loc, name=name, hint=closest_figure(name, values)
                )


def closest_figure(name: str, values: dict[str, str]) -> str:
    """The known figure most like `name`, for a "did you mean"; else an example of one."""
    close = get_close_matches(name, list(values), n=1)
    return close[0] if close else "tong.tong"


def clerks_text(data: Any) -> Iterator[tuple[Path_, str]]:
    """Every string of a report's file that may name its figures, with where it stands: all but
    its own phrases (`cau_chu:`), whose fields are the phrase's own ("{{ so }}", the number of
    a table) and are checked by the phrase rules (pipeline.rules.phrases) as in a profile."""
    for loc, text in strings(data):
        if loc[:1] != ("cau_chu",):
            yield loc, text


# Where a report's text is cut into sentences: after a full stop (or semicolon) and a space; a
# figure's name ("{{ tong.luot }}") has a dot with no space after it.
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def sentences_of(text: str) -> list[str]:
    """`text` cut at SENTENCE_END, but never inside parentheses: the printing leaves a clause
    naming an empty figure out whole (fill_text), "(02 lượt, ... so với năm 2023; số cá nhân
    ...)" with its ';' too, so a warning quotes it whole, as it prints."""
    out: list[str] = []
    for piece in SENTENCE_END.split(text):
        if out and out[-1].count("(") > out[-1].count(")"):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def figures_without_value(
    source: Source, values: dict[str, str], year_before: int, folder: Path
) -> tuple[InputError, ...]:
    """A warning at each text naming a figure that has nothing to print (a comparison with a
    year that has no decisions in the workspace: an office's first year in vanthu): the text
    prints without it, a clause in parentheses naming it is left out whole, so the clerk is
    shown each sentence as it will print and asked to write it again, its counts as the text
    prints them (in_running_text: "02 quyết định")."""
    printed = in_running_text(values)
    found = []
    for loc, text in clerks_text(source.data):
        empty = [name for name in dict.fromkeys(names_in(text)) if not values.get(name, "x")]
        if not empty:
            continue
        sentences = [
            fill_text(sentence, printed).strip()
            for sentence in sentences_of(" ".join(text.split()))
            if any(not values.get(name, "x") for name in names_in(sentence))
        ]
        # Without the file, as a document's other warnings: render, check and build say each
        # after the document's name.
        found.append(InputError(
            "data.figure_without_value", line=source.line_of(loc), field=dotted(loc) or None,
            year=year_before, folder=shown(folder),
            names=", ".join(f"{{{{ {name} }}}}" for name in empty),
            printed=" … ".join(f"«{sentence}»" for sentence in sentences),
        ))  # fmt: skip
    return tuple(found)
