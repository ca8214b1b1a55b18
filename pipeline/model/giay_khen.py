"""Giấy khen: one certificate per person or collective of an award decision's list, on a phôi."""

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from pipeline.model.base import Record, new_list
from pipeline.model.document import DocumentData
from pipeline.model.wording import YesNo, invalid

# Fields a batch of certificates takes from its award decision, never from its own file: the
# certificates are the decision's (its number, date, office and signer).
INHERITED = ("co_quan", "so", "ngay", "trich_yeu", "noi_nhan", "don_vi_soan_thao", "nguoi_ky")
DEFAULT_FORM = "giay-khen"


# A template's name as vanthu names its files: lower-case letters without diacritics, digits
# and hyphens (phoi-xa for mau/phoi-xa.docx).
_form_name = re.compile(r"[a-z0-9][a-z0-9-]*")


def form_name(value: str) -> str:
    """A phôi's template name, said how to write when it cannot be one (Phoi-Xa, phôi xã,
    phoi-xa.docx), in words rather than as the pattern it fails."""
    if _form_name.fullmatch(value) is None:
        raise invalid("data.form_name", value=value)
    return value


class RowFilter(Record):
    """Which rows of the decision's list get a certificate (every one by default)."""

    dong: list[int] = Field(
        default_factory=new_list, description="row numbers of the sheet, as the clerk sees them"
    )
    doi_tuong: Literal["ca_nhan", "tap_the"] | None = None
    khen_thuong: str | None = Field(default=None, description="only this award (its name)")
    so_vao_so: list[int] = Field(
        default_factory=new_list,
        description="the sổ vàng numbers to print again (a spoiled certificate: 'số 505')",
    )


class CertificateData(DocumentData):
    """A batch of Giấy khen as a clerk describes it: the decision, the rows, the phôi."""

    loai: Literal["giay_khen"]
    quyet_dinh: str = Field(min_length=1, description="the award decision's file: qd-2150.yaml")
    chon: RowFilter | None = None
    mau: Annotated[str, AfterValidator(form_name)] = Field(
        default=DEFAULT_FORM,
        description="the phôi's template in mau/ or templates/ (without .docx)",
    )  # fmt: skip
    thanh_tich: str | None = Field(
        default=None, min_length=1,
        description="the certificates' thành tích when the decision states none (a title's list)",
    )  # fmt: skip
    in_thu: YesNo = Field(default=False, description="co: draw the phôi's border (test print)")
    so_vao_so: int | None = Field(
        default=None, ge=1, description="number in the sổ vàng of the first certificate"
    )

    @property
    def needs_number(self) -> bool:
        """Certificates carry their decision's number; the register gives them none."""
        return False

    @property
    def own_number(self) -> int | None:
        return None  # the decision's number, printed on each certificate, is the decision's

    @property
    def template(self) -> str:
        return self.mau
