"""What each kind of document brings along besides its own data: one typed record per kind.

A kind's attacher (pipeline.load.lists, pipeline.load.report) returns one of these with the
files it read; its context builder reads the same type. No string keys, no Any in between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.awards import AwardList, Entry
from pipeline.context.common import DocumentInfo
from pipeline.errors import VanthuError
from pipeline.golden_book import Given
from pipeline.load.spreadsheet import Table
from pipeline.load.yaml_source import Source
from pipeline.model.quyet_dinh import Regulation

if TYPE_CHECKING:
    # A report's figures (pipeline.figures, imported by the report's loader): a build of
    # decisions makes none, and imports the module no longer (7.2 M instructions).
    from pipeline.figures import YearFigures


@dataclass(frozen=True)
class NoAttachments:
    """A kind whose data file says everything (Kế hoạch, Tờ trình, Công văn, Giấy mời ...)."""


@dataclass(frozen=True)
class DecisionAttachments:
    """What a Quyết định refers to: an award list, a council's members, or the plan or the
    Quy chế it issues."""

    awards: AwardList | None = None
    members: Table | None = None
    plan: DocumentInfo[NoAttachments] | None = None
    regulation: Regulation | None = None


@dataclass(frozen=True)
class SubmissionAttachments:
    """The draft Quyết định a Tờ trình attaches (dự thảo), loaded like any decision."""

    draft: DocumentInfo[DecisionAttachments] | None = None


@dataclass(frozen=True)
class ReportAttachments:
    """A yearly report's figures: its year, the year before (when there is one), by name."""

    figures: YearFigures
    previous: YearFigures | None
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class CertificateSources:
    """The files a batch of Giấy khen's shared texts are written in, as the loader parsed them
    (once per loader, never once per certificate): the batch itself (its own cau_chu, its
    thành tích), its office's profile (the office's cau_chu, its signers) and its award
    decision (the issued thành tích). A field too long for the phôi names its file and line
    (pipeline.context.giay_khen.Origins)."""

    batch: Source
    profile: Source
    decision: Source


@dataclass(frozen=True)
class CertificateAttachments:
    """What a batch of Giấy khen prints from: its award decision and the rows chosen from the
    decision's list (each Entry keeps its row, so a refused name names its row)."""

    decision: DocumentInfo[DecisionAttachments]
    entries: tuple[Entry, ...]
    list_file: Path
    # Each entry's số vào sổ (so_vao_so), its place in the whole batch even when chon: picks a
    # few; empty for a batch without them.
    numbers: tuple[int, ...] = ()
    # The whole batch's (số, name, unit, row, chức vụ), which the manifest keeps, and the
    # numbers given to another name (or freed) since the last build: warnings,
    # load.certificates.
    given: tuple[Given, ...] = ()
    changes: tuple[VanthuError, ...] = ()
    # The last số vào sổ the batch ever gave (a freed one too): the next new row's follows it.
    last: int = 0
    # Where its shared texts are written; None for a batch given without its files, whose
    # refusals name the office by its id only.
    sources: CertificateSources | None = None
