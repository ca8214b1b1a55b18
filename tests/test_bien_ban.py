"""Biên bản: 'Vào lúc ...' and 'Cuộc họp kết thúc vào ...' from the data, thành phần counted,
votes totalled with their percentage, THƯ KÝ and CHỦ TỌA signing side by side, Nơi nhận below
them only when given."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.rules.votes import percent_text, vote_figures
from pipeline.verify import verify_file
from pipeline.verify.rules_minutes import same_share
from tests.typed_docs import (
    REPO,
    assert_number_and_title,
    assert_pages,
    assert_verified,
    body,
    cell_looks,
    first,
    open_docx,
    pdfs_of,
    render_mapping,
    render_starter,
    render_variants,
)

EXAMPLE = REPO / "inputs" / "2024" / "bb-hop-hoi-dong-tdkt.yaml"
LONG_ITEM = {
    "tieu_de": "Ý kiến thảo luận của các thành viên",
    "doan": ["Các thành viên Hội đồng phát biểu ý kiến về hồ sơ đề nghị khen thưởng. " * 10] * 6,
}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example; one sent to recipients, ending the next day, with nobody absent; a long one."""
    out = tmp_path_factory.mktemp("bien-ban")
    data = open_example()
    variants = {
        "vi_du": {},
        "gui_di": {
            "noi_nhan": ["Lãnh đạo Văn phòng", {"nhom": "noi-bo"}],
            "thoi_gian": {"gio": "14h00", "ngay": "05/02/2024", "den_ngay": "06/02/2024",
                          "den": "9:15"},
            # Three present, the chủ tọa and the thư ký among them.
            "thanh_phan": {"co_mat": [*data["thanh_phan"]["co_mat"][:2],
                                      data["thanh_phan"]["co_mat"][3]]},
            "noi_dung": [{"tieu_de": "Thông qua danh sách", "bieu_quyet": {"tan_thanh": 2}}],
            "ket_luan": None,
        },
        "dai": {"noi_dung": [*data["noi_dung"], LONG_ITEM]},
    }  # fmt: skip
    return render_variants(EXAMPLE, variants, out)


def open_example() -> dict:
    from tests.typed_docs import example_data

    return example_data(EXAMPLE)


def texts(path: Path) -> list[str]:
    return [x.text for x in body(open_docx(path))]


def test_percent_and_totals_are_computed() -> None:
    assert percent_text(8, 8) == "100"
    assert percent_text(7, 8) == "87,5"
    assert percent_text(2, 3) == "66,67"
    assert percent_text(1, 3) == "33,33"
    assert vote_figures(6, 1, 8, 9) == {
        "tan_thanh": "6", "khong_tan_thanh": "1", "khong_bieu_quyet": "1", "tong_so": "8",
        "ty_le": "75", "so_thanh_vien": "9", "ty_le_thanh_vien": "66,67",
    }  # fmt: skip


def test_header_and_title(rendered: dict[str, Path]) -> None:
    subject = "Họp Hội đồng Thi đua - Khen thưởng Văn phòng xét khen thưởng năm 2023"
    assert_number_and_title(open_docx(rendered["vi_du"]), "02/BB-VPUBND", "BIÊN BẢN", subject)


def test_opening_chair_secretary_and_attendance(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["vi_du"]))
    opening = looks[2]
    assert opening.text == (
        "Vào lúc 08 giờ 00, ngày 06 tháng 02 năm 2024, tại Phòng họp tầng 2, Văn phòng UBND tỉnh "
        "Sơn La, Hội đồng Thi đua - Khen thưởng Văn phòng UBND tỉnh họp xét đề nghị khen thưởng "
        "năm 2023."
    )
    assert (opening.size, opening.bold, opening.align, opening.first_mm) == (
        14, False, "JUSTIFY", 12.7,
    )  # fmt: skip
    lines = [x.text for x in looks]
    chair = "Chủ trì (chủ tọa): đồng chí Nguyễn Huy Anh, Chánh Văn phòng, Chủ tịch Hội đồng."
    assert lines[3] == chair
    assert lines[4].startswith("Thư ký: đồng chí Hoàng Thị Hà, Phó Trưởng phòng")
    # 8 listed present, 1 absent: counted, never typed.
    at = lines.index("Thành phần: có mặt 8/9 thành viên, gồm:")
    assert lines[at + 1] == "- Đồng chí Nguyễn Huy Anh, Chánh Văn phòng, Chủ tịch Hội đồng;"
    assert lines[at + 8].endswith("Chủ tịch Công đoàn Văn phòng, Ủy viên.")
    assert lines[at + 9] == "Vắng mặt: 1/9 thành viên:"
    assert lines[at + 10] == (
        "- Đồng chí Tòng Văn Hải, Trưởng phòng Nội chính, Ủy viên (lý do: đi công tác theo "
        "Quyết định số 15/QĐ-VPUBND)."
    )
    assert lines[at + 11 : at + 13] == [
        "Khách mời:", "- Đồng chí Bạc Thị Thu, Chuyên viên Phòng Tổ chức - Hành chính - Quản trị.",
    ]  # fmt: skip
    dash = first(looks, "- Đồng chí Lò Văn Mạnh")
    assert (dash.size, dash.align, dash.first_mm) == (14, "JUSTIFY", 12.7)


def test_items_votes_conclusion_and_end(rendered: dict[str, Path]) -> None:
    looks = body(open_docx(rendered["vi_du"]))
    label = first(looks, "Nội dung cuộc họp:")
    assert (label.bold, label.size, label.align) == (True, 14, "JUSTIFY")
    item = first(looks, "2. Xét, đề nghị danh hiệu")
    assert item.bold and item.first_mm == 12.7
    lines = [x.text for x in looks]
    votes = [t for t in lines if t.startswith("Kết quả biểu quyết:")]
    assert votes == [
        "Kết quả biểu quyết: tán thành 8/8, đạt 100%; không tán thành 0/8; không biểu quyết 0/8.",
        "Kết quả biểu quyết: tán thành 7/8, đạt 87,5%; không tán thành 1/8; không biểu quyết 0/8.",
    ]
    assert first(looks, "Kết luận của chủ tọa:").bold
    end = looks[-1]
    assert end.text == "Cuộc họp kết thúc vào 11 giờ 30 cùng ngày./."
    assert (end.size, end.bold, end.align, end.first_mm) == (14, False, "JUSTIFY", 12.7)


def test_two_signatures_and_no_recipients_unless_given(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["vi_du"])
    table = doc.tables[-1]
    assert len(table.rows) == 1 and len(table.columns) == 2
    left, right = cell_looks(doc, -1, 0, 0), cell_looks(doc, -1, 0, 1)
    assert [x.text for x in left] == ["THƯ KÝ", "Hoàng Thị Hà"]
    assert [x.text for x in right] == ["CHỦ TỌA", "Nguyễn Huy Anh"]
    for title, name in (left, right):
        assert (title.size, title.bold, title.align) == (14, True, "CENTER")
        assert (name.size, name.bold, name.align) == (14, True, "CENTER")
    # Room to sign: blank lines between the title and the name.
    cell = table.rows[0].cells[0]
    assert [p.text for p in cell.paragraphs].count("") >= 3
    everything = [p.text for p in doc.paragraphs] + [
        p.text for t in doc.tables for r in t.rows for c in r.cells for p in c.paragraphs
    ]
    assert not any(t.startswith(("Nơi nhận", "- Lưu")) for t in everything)


def test_recipients_below_the_signatures_when_given(rendered: dict[str, Path]) -> None:
    doc = open_docx(rendered["gui_di"])
    after = body(doc)[-5:]
    assert [x.text for x in after] == [
        "Nơi nhận:", "- Lãnh đạo Văn phòng;", "- Các thành viên Hội đồng TĐKT Văn phòng;",
        "- Các phòng, ban, đơn vị;", "- Lưu: VT, TCHCQT, H01b.",
    ]  # fmt: skip
    heading, item = after[0], after[1]
    assert (heading.size, heading.bold, heading.italic) == (12, True, True)
    assert (item.size, item.bold, item.align) == (11, False, "LEFT")
    # The signatures stand before Nơi nhận, in the document's order.
    children = list(doc.element.body)
    table_at = children.index(doc.tables[-1]._tbl)
    heading_at = children.index(next(p for p in doc.paragraphs if p.text == "Nơi nhận:")._p)
    assert table_at < heading_at


def test_another_day_counts_and_no_absentee(rendered: dict[str, Path]) -> None:
    lines = texts(rendered["gui_di"])
    assert lines[2].startswith("Vào lúc 14 giờ 00, ngày 05 tháng 02 năm 2024, tại ")
    assert "Thành phần: có mặt 3/3 thành viên, gồm:" in lines
    assert "Vắng mặt: không." in lines
    assert not any(t.startswith(("Khách mời", "Kết luận")) for t in lines)
    assert (
        "Kết quả biểu quyết: tán thành 2/3, đạt 66,67%; không tán thành 0/3; không biểu quyết 1/3."
        in lines
    )
    end = "Cuộc họp kết thúc vào 09 giờ 15 ngày 06 tháng 02 năm 2024./."
    assert end in lines and lines[-6] == end


@pytest.mark.parametrize("variant", ["vi_du", "gui_di", "dai"])
def test_verify_passes_and_detects_the_type(rendered: dict[str, Path], variant: str) -> None:
    assert_verified(rendered[variant], "bien_ban")


def test_pdf_pages(rendered: dict[str, Path], tmp_path: Path) -> None:
    pdfs = pdfs_of(rendered, tmp_path)
    pages = assert_pages(pdfs["vi_du"], 2)  # the example runs onto a second page
    assert any("THƯ KÝ" in line and "CHỦ TỌA" in line for page in pages for line in page)
    long = assert_pages(pdfs["dai"])
    assert len(long) >= 3
    assert "Cuộc họp kết thúc vào 11 giờ 30 cùng ngày./." in " ".join(long[-1])
    sent = assert_pages(pdfs["gui_di"], 1)
    assert sent[0][-1].startswith("- Lưu: VT, TCHCQT")


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"thoi_gian": {"gio": "8:00", "den": "7:30"}}, "thoi_gian.den", "07 giờ 30"),
        ({"thoi_gian": {"gio": "8:00", "den": "9:00", "ngay": "06/02/2024",
                        "den_ngay": "05/02/2024"}}, "thoi_gian.den", "05/02/2024"),
        ({"thoi_gian": {"gio": "8:00", "den": "9:00", "ngay": "07/02/2024"}}, "thoi_gian",
         "07/02/2024"),
        # thoi_gian.ngay empty: the meeting is on the minutes' own date (06/02/2024).
        ({"thoi_gian": {"gio": "8:00", "den": "9:00", "den_ngay": "05/02/2024"}},
         "thoi_gian.den_ngay", "05/02/2024"),
        ({"thoi_gian": {"gio": "8:00", "den": "7:00", "den_ngay": "06/02/2024"}},
         "thoi_gian.den", "07 giờ 00"),
        ({"thoi_gian": {"gio": "8:00", "den": "9:00", "ngay": "05/02/2024",
                        "den_ngay": "07/02/2024"}}, "thoi_gian.den_ngay", "sau ngày của biên bản"),
        ({"noi_dung": [{"tieu_de": "Biểu quyết", "bieu_quyet": {"tan_thanh": 8,
                                                                 "khong_tan_thanh": 1}}]},
         "noi_dung", "9"),
        ({"thanh_phan": {"co_mat": [{"ho_ten": "A"}], "vang_mat": [{"ho_ten": "B"}]}},
         "thanh_phan.vang_mat", "ly_do"),
    ],
    ids=["end-before-start", "end-day-before-start", "meeting-after-minutes",
         "end-day-before-the-minutes-day", "end-before-start-on-the-minutes-day",
         "end-day-after-the-minutes", "votes-over",
         "absent-without-reason"],
)  # fmt: skip
def test_bad_input_is_refused_at_its_field(changes: dict, field: str, words: str) -> None:
    with pytest.raises(InputError) as caught:
        render_mapping(EXAMPLE, changes)
    text = caught.value.message()
    assert f"'{field}" in text and words in text, text


def test_wording_is_the_office_s_own() -> None:
    changes = {
        "cau_chu": {
            "bieu_quyet": "Biểu quyết: {{ tan_thanh }}/{{ so_thanh_vien }} thành viên Hội đồng "
            "tán thành ({{ ty_le_thanh_vien }}%).",
            "ky_thu_ky": "NGƯỜI GHI BIÊN BẢN",
            "cung_ngay": "trong ngày",
        }
    }
    doc = open_docx(render_mapping(EXAMPLE, changes))
    lines = [x.text for x in body(doc)]
    assert "Biểu quyết: 7/9 thành viên Hội đồng tán thành (77,78%)." in lines
    assert lines[-1] == "Cuộc họp kết thúc vào 11 giờ 30 trong ngày./."
    assert cell_looks(doc, -1, 0, 0)[0].text == "NGƯỜI GHI BIÊN BẢN"


def test_starter_renders_as_it_is(tmp_path: Path) -> None:
    out = render_starter("bien-ban", tmp_path)
    report = verify_file(out)
    assert report.doc_type == "bien_ban" and report.ok, [v.line() for v in report.violations]
    lines = texts(out)
    assert "Thành phần: có mặt 3/4 thành viên, gồm:" in lines
    assert lines[-1] == "Cuộc họp kết thúc vào 11 giờ 00 cùng ngày./."


def test_so_tu_dong_takes_the_register_s_next_number(cli, inputs_copy: Path) -> None:
    """so: tu_dong as for every type: the BB number of the office's register, the row filled."""
    from click.testing import CliRunner

    from pipeline.register import open_register

    source = inputs_copy / "2024" / EXAMPLE.name
    text = source.read_text("utf-8").replace("so: 02\n", "so: tu_dong\n")
    source.write_text(text, "utf-8")
    result = CliRunner().invoke(cli, ["render", str(source)])
    assert result.exit_code == 0, result.output
    assert "01/BB-VPUBND" in result.output
    output = inputs_copy.parent / "outputs" / "2024" / f"{EXAMPLE.stem}.docx"
    assert cell_looks(open_docx(output), 0, 1, 0)[0].text == "Số: 01/BB-VPUBND"
    with open_register(root=inputs_copy.parent) as register:
        [row] = register.entries(2024)
    assert (row.number, row.details.type_code, row.details.signer) == (1, "BB", "Nguyễn Huy Anh")
    assert row.details.summary == (
        "Biên bản Họp Hội đồng Thi đua - Khen thưởng Văn phòng xét khen thưởng năm 2023"
    )
    assert row.details.archive == "VT, TCHCQT, H01b" and not row.details.recipients


@settings(max_examples=300, deadline=None)
@given(st.integers(1, 60).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_the_share_vanthu_writes_is_the_share_verify_counts(counts: tuple[int, int]) -> None:
    part, whole = counts
    assert same_share(percent_text(part, whole), part, whole)
    # The share of one vote more or fewer is refused.
    for other in {max(part - 1, 0), min(part + 1, whole)} - {part}:
        assert not same_share(percent_text(other, whole), part, whole)
