"""The document kinds vanthu can make: data model, template, context builder and attachments.

A new kind (Biên bản, Giấy khen ...) is one entry here plus its model, context, template,
starter and example; loading, rendering, build and verify find it through this table. Its starter
is also named in pipeline.starters.COMPANIONS and pipeline.cli.NEW_KINDS (tests/test_kinds.py
holds the three together).
"""

from __future__ import annotations

from pipeline.context.bao_cao import report_context
from pipeline.context.bien_ban import minutes_attachments, minutes_context
from pipeline.context.cong_van import letter_attachments, letter_context
from pipeline.context.giay_khen import certificate_context
from pipeline.context.giay_moi import invitation_context
from pipeline.context.ke_hoach import plan_context
from pipeline.context.quyet_dinh import decision_context
from pipeline.context.thong_bao import notice_context
from pipeline.context.to_trinh import submission_context
from pipeline.load.attachments import (
    CertificateAttachments,
    DecisionAttachments,
    NoAttachments,
    ReportAttachments,
    SubmissionAttachments,
)
from pipeline.load.certificates import certificate_attachments, decision_fields
from pipeline.load.contract import DocumentKind
from pipeline.load.lists import decision_attachments, submission_attachments
from pipeline.load.report import report_attachments
from pipeline.model.bao_cao import ReportData
from pipeline.model.bien_ban import MinutesData
from pipeline.model.cong_van import LetterData
from pipeline.model.giay_khen import CertificateData
from pipeline.model.giay_moi import InvitationData
from pipeline.model.ke_hoach import PlanData
from pipeline.model.quyet_dinh import DecisionData
from pipeline.model.thong_bao import NoticeData
from pipeline.model.to_trinh import SubmissionData

__all__ = ["KINDS", "DocumentKind", "kind_of"]

KINDS: dict[str, DocumentKind] = {
    kind.code: kind
    for kind in (
        DocumentKind("ke_hoach", PlanData, "ke-hoach", plan_context, NoAttachments,
                     starter="ke-hoach"),
        DocumentKind("bao_cao", ReportData, "bao-cao", report_context, ReportAttachments,
                     attach=report_attachments),
        DocumentKind("quyet_dinh", DecisionData, "quyet-dinh", decision_context,
                     DecisionAttachments, attach=decision_attachments, starter="quyet-dinh",
                     more_starters=("quyet-dinh-chung", "quyet-dinh-quy-che")),
        DocumentKind("to_trinh", SubmissionData, "to-trinh", submission_context,
                     SubmissionAttachments, attach=submission_attachments, starter="to-trinh"),
        DocumentKind("cong_van", LetterData, "cong-van", letter_context, NoAttachments,
                     attach=letter_attachments, starter="cong-van"),
        DocumentKind("giay_moi", InvitationData, "giay-moi", invitation_context, NoAttachments,
                     starter="giay-moi"),
        DocumentKind("thong_bao", NoticeData, "thong-bao", notice_context, NoAttachments,
                     starter="thong-bao"),
        DocumentKind("bien_ban", MinutesData, "bien-ban", minutes_context, NoAttachments,
                     attach=minutes_attachments, starter="bien-ban"),
        # One Giấy khen per row of an award decision's list, on the office's phôi (a template
        # that is a page of its own, TemplateLibrary.is_form); the decision's number, date and
        # signer are the batch's (inherit).
        DocumentKind("giay_khen", CertificateData, "giay-khen", certificate_context,
                     CertificateAttachments, attach=certificate_attachments,
                     starter="giay-khen", inherit=decision_fields),
    )
}  # fmt: skip


def kind_of(code: str) -> DocumentKind | None:
    """The kind whose `loai` is `code`, None when vanthu has no template for it."""
    return KINDS.get(code)
