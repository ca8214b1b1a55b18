"""What a yearly report needs: the figures of its year (and the year before) from the decisions."""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path

from pipeline.figures import YearFigures, figure_values
from pipeline.load.attachments import DecisionAttachments, ReportAttachments
from pipeline.load.contract import Attached, Resolver
from pipeline.load.yaml_source import Source, strings
from pipeline.model.bao_cao import ReportData
from pipeline.rules.placeholders import names_in

DECISION = "quyet_dinh"


def award_decisions(resolver: Resolver, paths: list[Path]) -> list[Path]:
    """The documents among `paths` that are Quyết định with an award list."""
    found = []
    for path in paths:
        data = resolver.parse(path).data
        if data.get("loai") == DECISION and isinstance(data.get("khen_thuong"), dict):
            found.append(path)
    return found


def year_figures(resolver: Resolver, year: int) -> tuple[Path, YearFigures]:
    """The figures of `year` from its award decisions, and the folder they were found in."""
    folder, paths = resolver.year_documents(year)
    figures = YearFigures(year)
    for path in award_decisions(resolver, paths):
        document = resolver.load(path)
        attachments = document.info.attachments
        assert isinstance(attachments, DecisionAttachments) and attachments.awards is not None
        figures.decisions.append(document)
        figures.add(attachments.awards)
    return folder, figures


def report_attachments(data: ReportData, source: Source, resolver: Resolver) -> Attached:
    """Figures of `data.nam` from that year's decisions, and of the year before."""
    folder, current = year_figures(resolver, data.nam)
    if not current.decisions:
        raise source.error("data.no_decisions", ("nam",), year=data.nam, folder=str(folder))
    before_folder, previous = year_figures(resolver, data.nam - 1)
    before = previous if previous.decisions else None
    values = figure_values(current, before)
    for loc, text in strings(source.data):
        for name in names_in(text):
            if name not in values:
                close = get_close_matches(name, list(values), n=1)
                raise source.error(
                    "data.unknown_figure", loc, name=name, hint=close[0] if close else "tong.tong"
                )
    files = current.files + (before.files if before else [])
    attachments = ReportAttachments(current, before, values)
    return Attached(attachments, tuple(files), folders=(folder, before_folder))
