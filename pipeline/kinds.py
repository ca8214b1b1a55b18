"""The document kinds vanthu can make: data model, template, context builder and attachments.

A new kind (Biên bản, Giấy khen ...) is one entry here plus its model, context, template,
starter and example; loading, rendering, build and verify find it through this table. Its starter
is also named in pipeline.starters.COMPANIONS and pipeline.cli.NEW_KINDS (tests/test_kinds.py
holds the three together).

Each kind's modules (its context builder, its attacher) are imported when the kind is first
asked for (KINDS["quyet_dinh"], or every kind by iterating KINDS.values()): a build of
decisions needs one kind of nine. Its code and template name are known without importing
anything (TEMPLATES). Measured (callgrind, `vanthu build -j 1` of 3 award decisions): 28 M
instructions less (2,040.6 M -> 2,012.9 M).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from pipeline.gc_policy import late_imports
from pipeline.load.contract import DocumentKind

__all__ = ["KINDS", "TEMPLATES", "DocumentKind", "kind_of"]

# Each kind: its code, template, data model, context builder, the type it attaches, then its
# attacher and the rest of DocumentKind's fields; a part named "module:name" in pipeline, as
# cli.PACKAGE_COMMANDS names a command, imported when the kind is first asked for (KINDS).
_TABLE: dict[str, tuple[str, str, str, str, dict[str, Any]]] = {
    "ke_hoach": ("ke-hoach", "model.ke_hoach:PlanData", "context.ke_hoach:plan_context",
                 "load.attachments:NoAttachments", {"starter": "ke-hoach"}),
    "bao_cao": ("bao-cao", "model.bao_cao:ReportData", "context.bao_cao:report_context",
                "load.attachments:ReportAttachments",
                {"attach": "load.report:report_attachments"}),
    "quyet_dinh": ("quyet-dinh", "model.quyet_dinh:DecisionData",
                   "context.quyet_dinh:decision_context", "load.attachments:DecisionAttachments",
                   {"attach": "load.lists:decision_attachments", "starter": "quyet-dinh",
                    "more_starters": ("quyet-dinh-chung", "quyet-dinh-quy-che")}),
    "to_trinh": ("to-trinh", "model.to_trinh:SubmissionData",
                 "context.to_trinh:submission_context", "load.attachments:SubmissionAttachments",
                 {"attach": "load.lists:submission_attachments", "starter": "to-trinh"}),
    "cong_van": ("cong-van", "model.cong_van:LetterData", "context.cong_van:letter_context",
                 "load.attachments:NoAttachments",
                 {"attach": "context.cong_van:letter_attachments", "starter": "cong-van"}),
    "giay_moi": ("giay-moi", "model.giay_moi:InvitationData",
                 "context.giay_moi:invitation_context", "load.attachments:NoAttachments",
                 {"starter": "giay-moi"}),
    "thong_bao": ("thong-bao", "model.thong_bao:NoticeData", "context.thong_bao:notice_context",
                  "load.attachments:NoAttachments", {"starter": "thong-bao"}),
    "bien_ban": ("bien-ban", "model.bien_ban:MinutesData", "context.bien_ban:minutes_context",
                 "load.attachments:NoAttachments",
                 {"attach": "context.bien_ban:minutes_attachments", "starter": "bien-ban"}),
    # One Giấy khen per row of an award decision's list, on the office's phôi (a template
    # that is a page of its own, TemplateLibrary.is_form); the decision's number, date and
    # signer are the batch's (inherit).
    "giay_khen": ("giay-khen", "model.giay_khen:CertificateData",
                  "context.giay_khen:certificate_context",
                  "load.attachments:CertificateAttachments",
                  {"attach": "load.certificates:certificate_attachments", "starter": "giay-khen",
                   "inherit": "load.certificates:decision_fields"}),
}  # fmt: skip

# The template of each kind, by its code: what a caller that needs no more than the names asks
# (an office's files that replace no template), without importing any kind.
TEMPLATES: dict[str, str] = {code: entry[0] for code, entry in _TABLE.items()}

_PARTS = ("attach", "inherit")  # the options naming a part ("module:name"); others are values


def _part(name: str) -> Any:
    """The object "module:name" names in pipeline."""
    module, _, attribute = name.partition(":")
    return getattr(importlib.import_module(f"pipeline.{module}"), attribute)


def _made(code: str) -> DocumentKind:
    template, model, context, attachments, options = _TABLE[code]
    return DocumentKind(
        code, _part(model), template, _part(context), _part(attachments),
        **{key: _part(value) if key in _PARTS else value for key, value in options.items()},
    )  # fmt: skip


class _Kinds(Mapping[str, DocumentKind]):
    """The kinds by code, each made (its modules imported) when first asked for."""

    def __init__(self) -> None:
        self._made: dict[str, DocumentKind] = {}

    def __getitem__(self, code: str) -> DocumentKind:
        found = self._made.get(code)
        if found is None:
            if code not in _TABLE:
                raise KeyError(code)  # a code that is no kind, as a dict says it
            with late_imports():  # on the command line, modules that last (gc_policy)
                found = self._made[code] = _made(code)
        return found

    def __contains__(self, code: object) -> bool:
        return code in _TABLE

    def __iter__(self) -> Iterator[str]:
        return iter(_TABLE)

    def __len__(self) -> int:
        return len(_TABLE)

    def __repr__(self) -> str:
        return f"KINDS({', '.join(_TABLE)})"


KINDS: Mapping[str, DocumentKind] = _Kinds()


def kind_of(code: str) -> DocumentKind | None:
    """The kind whose `loai` is `code`, None when vanthu has no template for it."""
    return KINDS.get(code)
