"""The Kế hoạch the tests of body text pasted from Word write: the example office's plan
(inputs/co-quan copied beside it) with the body they paste under 'muc:'."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

PLAN = """loai: ke_hoach
co_quan: van-phong-ubnd-son-la
so: 5
ngay: 22/12/2025
trich_yeu: Thử văn bản dán từ Word
mo_dau: ["Mở đầu."]
muc:
{muc}
ket_thuc: {ket_thuc}
noi_nhan: {noi_nhan}
don_vi_soan_thao: TCHCQT
nguoi_soan_thao: H
so_ban: 1
nguoi_ky: chanh-van-phong
{more}"""


def write_plan(folder: Path, muc: str, more: str = "", *, ket_thuc: str = "Kết thúc",
               noi_nhan: str = "[Như trên]") -> Path:  # fmt: skip
    """folder/plan.yaml, a Kế hoạch of the example office: `muc` is the YAML under 'muc:',
    `more` YAML lines after the last field."""
    if not (folder / "co-quan").exists():
        shutil.copytree(REPO / "inputs" / "co-quan", folder / "co-quan")
    path = folder / "plan.yaml"
    text = PLAN.format(muc=muc, ket_thuc=ket_thuc, noi_nhan=noi_nhan, more=more)
    path.write_text(text, "utf-8")
    return path
