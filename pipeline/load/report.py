"""What a yearly report needs: the figures of its year (and the year before) from the decisions."""

from __future__ import annotations

from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pipeline.figures import YearFigures, figure_values
from pipeline.load.yaml_source import Source, load_yaml, strings
from pipeline.model.bao_cao import ReportData
from pipeline.rules.placeholders import names_in

DECISION = "quyet_dinh"


def award_decisions(folder: Path) -> list[Source]:
    """The YAML files in `folder` (and below) that are Quyết định with an award list, parsed."""
    from pipeline.load.documents import AGENCY_DIR

    found = []
    for path in sorted(folder.rglob("*.yaml")):
        if AGENCY_DIR in path.relative_to(folder).parts:
            continue
        source = load_yaml(path)
        if source.data.get("loai") == DECISION and isinstance(source.data.get("khen_thuong"), dict):
            found.append(source)
    return found


def year_figures(folder: Path, year: int) -> YearFigures:
    """The figures of `year` from the award decisions in `folder`."""
    # Loading a report loads the decisions it counts: documents.py → kinds → here → documents.
    from pipeline.load.documents import load_source

    figures = YearFigures(year)
    for source in award_decisions(folder):
        document = load_source(source)
        figures.decisions.append(document)
        figures.add(document.info.attachments["awards"])
    return figures


def report_attachments(data: ReportData, source: Source) -> tuple[dict[str, Any], list[Path]]:
    """Figures of `data.nam` from the decisions beside the report, and of the year before."""
    folder = source.path.parent
    current = year_figures(folder, data.nam)
    if not current.decisions:
        raise source.error("data.no_decisions", ("nam",), year=data.nam, folder=str(folder))
    before_folder = folder.parent / str(data.nam - 1)
    previous = year_figures(before_folder, data.nam - 1) if before_folder.is_dir() else None
    values = figure_values(current, previous)
    for loc, text in strings(source.data):
        for name in names_in(text):
            if name not in values:
                close = get_close_matches(name, list(values), n=1)
                raise source.error(
                    "data.unknown_figure", loc, name=name, hint=close[0] if close else "tong.tong"
                )
    files = current.files + (previous.files if previous else [])
    return {"figures": current, "previous": previous, "values": values}, files
