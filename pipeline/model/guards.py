"""Whether a record is of a kind's model, asked without importing the model's module.

A record of a model exists only once its module is imported (pipeline.kinds imports a kind's
when the kind is first asked for): while the module is not imported, no record is one of it, and
the answer is no without importing it. So the loaders' checks of a document's kind (a Biên
bản's thư ký, a Giấy khen's in thử, ...) do not import every kind's models into a build of one
kind. Measured (callgrind, `vanthu build -j 1` of 3 award decisions): 1,911.1 M -> 1,867.2 M
instructions (six kinds' models, with their modules, not imported).
"""

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeGuard

if TYPE_CHECKING:
    from pipeline.model.bao_cao import ReportData
    from pipeline.model.bien_ban import MinutesData
    from pipeline.model.giay_khen import CertificateData
    from pipeline.model.giay_moi import InvitationData
    from pipeline.model.thong_bao import NoticeData
    from pipeline.model.to_trinh import SubmissionData


def _guard(module: str, name: str) -> Any:  # typed by the names it is given to
    """isinstance(value, pipeline.model.<module>.<name>), False while that module is not
    imported, or is being imported by another thread and has not made the class yet (no
    record of it can exist before it): sys.modules holds a module from the start of its import,
    and only `import` waits for another thread's to end."""

    def guard(value: object) -> bool:
        found = sys.modules.get(f"pipeline.model.{module}")
        model = getattr(found, name, None) if found is not None else None
        return model is not None and isinstance(value, model)

    return guard


# Each: whether a record is that kind's data (a Báo cáo's, a Biên bản's, ...).
is_report: "Callable[[object], TypeGuard[ReportData]]" = _guard("bao_cao", "ReportData")
is_minutes: "Callable[[object], TypeGuard[MinutesData]]" = _guard("bien_ban", "MinutesData")
is_certificate: "Callable[[object], TypeGuard[CertificateData]]" = _guard(
    "giay_khen", "CertificateData"
)
is_invitation: "Callable[[object], TypeGuard[InvitationData]]" = _guard(
    "giay_moi", "InvitationData"
)
is_notice: "Callable[[object], TypeGuard[NoticeData]]" = _guard("thong_bao", "NoticeData")
is_submission: "Callable[[object], TypeGuard[SubmissionData]]" = _guard(
    "to_trinh", "SubmissionData"
)
