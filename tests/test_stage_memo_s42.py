"""The build's stage step looks a document's profile warnings up by the profile the loader gave
it (runner._office_warnings): each office its own, as office_warnings says them."""

from __future__ import annotations

from pathlib import Path

from pipeline.batch import runner
from pipeline.batch.discover import Layout
from pipeline.workspace import Workspace
from pipeline.workspace.profiles import office_warnings

WIDE = """\
co_quan_chu_quan: [SỞ Y TẾ TỈNH SƠN LA]
ten_co_quan: [BỆNH VIỆN ĐA KHOA KHU VỰC THẢO NGUYÊN MỘC CHÂU]
ten_day_du: Bệnh viện Đa khoa khu vực Thảo Nguyên Mộc Châu
viet_tat: BVĐKKVTNMC
dia_danh: Mộc Châu
don_vi:
  TCHC: {ten: Phòng Tổ chức - Hành chính}
nguoi_ky:
  giam-doc: {ho_ten: Hà Văn Sơn, chuc_vu: Giám đốc}
"""
# The same office with its name written in the lines the warning suggests: nothing to say.
IN_LINES = WIDE.replace(
    "[BỆNH VIỆN ĐA KHOA KHU VỰC THẢO NGUYÊN MỘC CHÂU]",
    "[BỆNH VIỆN ĐA KHOA KHU VỰC, THẢO NGUYÊN MỘC CHÂU]",
)

LETTER = """\
loai: cong_van
co_quan: {office}
so: {so}
ngay: 09/02/2026
trich_yeu: tăng cường công tác phòng, chống dịch bệnh
kinh_gui: [Các khoa, phòng]
noi_dung:
  - Bệnh viện đề nghị các đơn vị khẩn trương thực hiện.
ket_thuc: Đề nghị các đơn vị nghiêm túc thực hiện
noi_nhan: [Sở Y tế (b/c)]
don_vi_soan_thao: TCHC
nguoi_ky: giam-doc
"""


def test_each_office_has_its_own_warnings_looked_up_by_its_profile(tmp_path: Path) -> None:
    (tmp_path / "vanthu.yaml").write_text("ten: Bệnh viện\n", "utf-8")
    offices = tmp_path / "inputs" / "co-quan"
    offices.mkdir(parents=True)
    (offices / "wide.yaml").write_text(WIDE, "utf-8")
    (offices / "lines.yaml").write_text(IN_LINES, "utf-8")
    year = tmp_path / "inputs" / "2026"
    year.mkdir()
    paths = []
    for number, office in enumerate(("wide", "lines", "wide"), start=1):
        path = year / f"cv-{number}.yaml"
        path.write_text(LETTER.format(office=office, so=number), "utf-8")
        paths.append(path)
    workspace = Workspace.containing(paths[0])
    runner.init_worker(workspace, "vi")
    assert runner._renderer is not None
    layout = Layout(workspace)
    documents = [workspace.load(path) for path in paths]
    assert documents[0].info.agency is documents[2].info.agency  # one parse per profile
    said = [runner._office_warnings(layout, document) for document in documents]
    expected = [
        office_warnings(workspace, document, runner._renderer.styles, {})
        for document in documents
    ]
    assert said == expected
    assert said[0] and said[0] == said[2] and said[1] == ()
    runner.init_worker(workspace, "vi")  # a later build in this process: looked up anew
    assert runner._agency_warnings == {}
