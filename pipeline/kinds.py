"""The document kinds vanthu can make: data model, template and context builder of each.

A new kind (Tờ trình, Công văn, Giấy khen ...) is one entry here plus its model, context and
template; loading, rendering, build and verify find it through this table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.context.bao_cao import report_context
from pipeline.context.common import DocumentInfo
from pipeline.context.ke_hoach import plan_context
from pipeline.context.quyet_dinh import decision_context
from pipeline.load.lists import decision_attachments
from pipeline.load.report import report_attachments
from pipeline.load.yaml_source import Source
from pipeline.model.bao_cao import ReportData
from pipeline.model.document import DocumentData
from pipeline.model.ke_hoach import PlanData
from pipeline.model.quyet_dinh import DecisionData
from pipeline.render.styles import StyleSheet

ContextBuilder = Callable[[DocumentInfo, StyleSheet], dict[str, Any]]
# Reads the files a document refers to (spreadsheets): what it found, and the files read.
Attacher = Callable[[Any, Source], tuple[dict[str, Any], list[Path]]]


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: `loai` code in data, its model, template and context builder."""

    code: str
    model: type[DocumentData]
    template: str
    build_context: ContextBuilder
    starter: str | None = None  # name of the commented starter YAML (vanthu new)
    attach: Attacher | None = None


KINDS: dict[str, DocumentKind] = {
    kind.code: kind
    for kind in (
        DocumentKind("ke_hoach", PlanData, "ke-hoach", plan_context, starter="ke-hoach"),
        DocumentKind("bao_cao", ReportData, "bao-cao", report_context, attach=report_attachments),
        DocumentKind(
            "quyet_dinh",
            DecisionData,
            "quyet-dinh",
            decision_context,
            attach=decision_attachments,
        ),  # fmt: skip
    )
}


def kind_of(code: str) -> DocumentKind | None:
    """The kind whose `loai` is `code`, None when vanthu has no template for it."""
    return KINDS.get(code)
