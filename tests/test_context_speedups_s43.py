"""The award decision's context and phrase checks take short cuts (issue 13): each gives what
the longer way gave, and each memo is kept by everything its answer depends on."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from pipeline.awards import AwardList, read_award_list
from pipeline.context.articles import Written, closed
from pipeline.context.common import (
    body_runs,
    columns_for,
    header_names,
    printed_header,
    printed_signature_lines,
    rule,
    signature_lines,
    typed_bullets,
)
from pipeline.context.line_fit import AGENCY_STYLE, TITLE_STYLE, broken, title_line_breaks
from pipeline.context.quyet_dinh import (
    _award_values,
    _list_fields,
    _ordered_counts,
    cited_articles,
    counted,
    in_listed_order,
    kinds_in,
    typed_figures,
    with_number_word,
)
from pipeline.context.typed_numbers import renumbered
from pipeline.model.blocks import PointList
from pipeline.model.ke_hoach import Item, Section
from pipeline.render.fragments import paragraph_runs
from pipeline.render.header_texts import TIEU_NGU
from pipeline.render.styles import StyleSheet
from pipeline.rules.basis_lines import basis_lines
from pipeline.rules.metrics import RULE_RATIO_FULL, RULE_RATIO_PART
from pipeline.rules.money import format_money
from tests.test_awards import sheet

# Two awards given to both kinds, a third to cá nhân only, kinds mixed in the list's order.
ROWS = [
    [1, "Trần Văn Bình", "Chuyên viên", "Phòng Tổng hợp", "Lao động tiên tiến", "Cá nhân"],
    [2, "Phòng Tổng hợp", "", "Văn phòng", "Tập thể lao động tiên tiến", "Tập thể"],
    [3, "Lò Thị Ánh", "Kế toán viên", "Phòng Quản trị", "Giấy khen", "Cá nhân"],
    [4, "Phòng Kinh tế", "", "UBND huyện", "Giấy khen", "Tập thể"],
    [5, "Nguyễn Văn An", "Trưởng phòng", "Phòng Kinh tế", "Chiến sĩ thi đua cơ sở", "Cá nhân"],
    [6, "Đinh Văn Ân", "Lái xe", "Phòng Quản trị", "Lao động tiên tiến", "Cá nhân"],
    [7, "Cầm Thị Bình", "Kế toán", "Phòng Tư pháp", "Giấy khen", "Cá nhân"],
]


def _list(tmp_path: Path, rows: list[list[object]], *, priced: bool = True) -> AwardList:
    return read_award_list(sheet(tmp_path, rows), date(2023, 1, 15), priced=priced)


def _section(**fields: Any) -> Any:
    return SimpleNamespace(**{"hanh_dong": "Tặng", "thanh_tich": "Đã có thành tích.",
                              "nguon_kinh_phi": "Quỹ thi đua.", **fields})  # fmt: skip


def _values_entry_by_entry(section: Any, awards: AwardList) -> dict[str, str]:
    """The award values as worked out before the one pass: each award's kinds by a list each,
    the award names and each kind's amounts from every entry of the list."""
    values: dict[str, str] = {}
    for number, group in enumerate(awards.groups, start=1):
        prefix = f"khen_thuong_{number}."
        values[prefix + "ten"] = group.award
        for collective, word in ((False, "ca_nhan"), (True, "tap_the")):
            entries = [e for e in group.entries if e.collective == collective]
            values[f"{prefix}so_{word}"] = f"{len(entries):02d}" if entries else "0"
            if entries and awards.priced:
                values[prefix + word] = format_money(entries[0].amount)
    names = {e.award for e in awards.entries}
    if len(names) == 1:
        values["khen_thuong_chung"] = next(iter(names))
    if awards.priced:
        for collective, word in ((False, "ca_nhan"), (True, "tap_the")):
            amounts = {e.amount for e in awards.entries if e.collective == collective}
            if len(amounts) == 1:
                values[f"tien_{word}"] = format_money(amounts.pop())
    return values


@pytest.mark.parametrize("rows", [ROWS, ROWS[2:4], ROWS[:1], [ROWS[0], ROWS[5]]])
@pytest.mark.parametrize("priced", [True, False])
def test_award_values_in_one_pass(tmp_path: Path, rows: list[list[object]], priced: bool) -> None:
    """The groups hold every entry of the list once, one group per award name (what the one
    pass, the award names and award_left_unnamed read from them); the values worked out from
    them are those worked out entry by entry."""
    awards = _list(tmp_path, rows, priced=priced)
    assert sorted(e.row for g in awards.groups for e in g.entries) == sorted(
        e.row for e in awards.entries
    )
    assert [g.award for g in awards.groups] == list(dict.fromkeys(e.award for e in awards.entries))
    values = _award_values(_section(), awards)
    expected = _values_entry_by_entry(_section(), awards)
    assert {k: values[k] for k in expected} == expected
    # No per-award or per-kind key beyond those.
    assert not {k for k in values if k.startswith(("khen_thuong_", "tien_"))} - set(expected)


def test_kinds_and_the_first_listed(tmp_path: Path) -> None:
    """kinds_in and the first listed entry as the lists of every entry give them."""
    awards = _list(tmp_path, ROWS)
    for kinds in (None, (True, False), (False, True)):
        for group in awards.groups:
            present = list(dict.fromkeys(e.collective for e in group.entries))
            expected = [k for k in kinds if k in present] if kinds is not None else present
            assert kinds_in(group, kinds) == expected
        listed = in_listed_order(awards, kinds)
        assert _ordered_counts(awards, kinds)[1] == counted(
            awards, collectives_first=listed[0].collective
        )


def test_cited_articles_each_award_once(tmp_path: Path) -> None:
    """Each award's article is cited once, in the order the rows first name it."""
    awards = _list(tmp_path, ROWS)
    by_decree: dict[str, list[str]] = {}
    for entry in awards.entries:
        assert entry.reward is not None
        award = entry.reward.award
        articles = by_decree.setdefault(with_number_word(award.source), [])
        if award.article and award.article not in articles:
            articles.append(award.article)
    expected = "; ".join(f"{' và '.join(a)} {d}" if a else d for d, a in by_decree.items())
    assert cited_articles(awards) == expected


def test_typed_figures_read_once_compared_with_each_list(tmp_path: Path) -> None:
    """A text's typed figures are read once (kept by text) but told against each list: the
    same text is right for one list and wrong for another; 'người' only when asked."""
    text = "Khen thưởng 02 tập thể và 05 cá nhân, 07 người"
    right = _list(tmp_path, ROWS)
    other = tmp_path / "other"
    other.mkdir()
    wrong = _list(other, ROWS[:3])
    assert typed_figures(text, right) == []
    found = typed_figures(text, wrong)
    assert [(f.typed, f.listed) for f in found] == [
        ("02 tập thể", "01 tập thể"), ("05 cá nhân", "02 cá nhân"),
        ("07 người", "02 cá nhân và 01 tập thể"),
    ]  # fmt: skip
    assert [f.typed for f in typed_figures(text, wrong, people=False)] == [
        "02 tập thể", "05 cá nhân",
    ]  # fmt: skip
    assert typed_figures("Tổng số tiền thưởng: 1.000 đồng", wrong)[0].name == "tong_tien"
    unpriced = _list(tmp_path, ROWS, priced=False)
    assert typed_figures("Tổng số tiền thưởng: 1.000 đồng", unpriced) == []


def test_list_fields_kept_by_phrase_and_text() -> None:
    """The same text asks the list for a field in one phrase and not in another, whose own
    field it is ({{ so_tien }} is dieu_2_muc's own)."""
    text = "{{ khen_thuong }}: {{ so_tien }} đồng, {{ tong_tien }} ({{ nam }})"
    assert _list_fields("dieu_2_muc", text) == ("tong_tien",)
    assert _list_fields("dieu_2_sau", text) == ("khen_thuong", "so_tien", "tong_tien")


def test_body_runs_kept_by_text_and_first_bullet() -> None:
    """A paragraph's runs are kept by its text and by what its first bullet does."""
    text = "• Tổ chức hội nghị\n+ Báo cáo kết quả"
    runs = {first: body_runs(text, first) for first in ("dash", "drop", "keep")}
    for first, kept in runs.items():
        assert kept == paragraph_runs(typed_bullets(text, first=first))  # type: ignore[arg-type]
    assert len(set(runs.values())) == 3


def _styles(size: int | None = None, style_id: str = AGENCY_STYLE) -> StyleSheet:
    """The frame's style sheet; with `size`, style `style_id` set at that size."""
    from pipeline.render.compose import TemplateLibrary

    xml = TemplateLibrary().frame.parts["word/styles.xml"]
    if size is None:
        return StyleSheet(xml)
    text = xml.decode("utf-8")
    start = text.index(f'w:styleId="{style_id}"')
    end = text.index("</w:style>", start)
    style = text[start:end]
    assert "<w:sz " in style
    head, rest = style.split("<w:sz ", 1)
    sized = f'{head}<w:sz w:val="{size * 2}"/>{rest.split("/>", 1)[1]}'
    return StyleSheet((text[:start] + sized + text[end:]).encode("utf-8"))


def test_printed_header_kept_by_names_and_styles() -> None:
    """The header is worked out as before, and is an office's own and a style sheet's own:
    another name, or the same name in a larger style, gives another header."""
    plain, larger = _styles(), _styles(18)
    agency = SimpleNamespace(co_quan_chu_quan="UBND TỈNH SƠN LA", ten_co_quan="VĂN PHÒNG")
    for styles in (plain, larger):
        chu_quan, name = header_names(agency, styles)  # type: ignore[arg-type]
        assert printed_header(agency.co_quan_chu_quan, agency.ten_co_quan, styles) == (
            chu_quan, name, columns_for(chu_quan, name, styles),
            rule(styles, name, AGENCY_STYLE, RULE_RATIO_PART),
            rule(styles, TIEU_NGU, "TieuNgu", RULE_RATIO_FULL),
        )  # fmt: skip
    first = printed_header("UBND TỈNH SƠN LA", "VĂN PHÒNG", plain)
    assert printed_header("UBND TỈNH SƠN LA", "SỞ NỘI VỤ", plain)[1] == "SỞ NỘI VỤ"
    assert printed_header("UBND TỈNH SƠN LA", "VĂN PHÒNG", larger)[3] != first[3]


def test_renumbered_reads_lists_and_records_only() -> None:
    """Typed numbers are found in a record's lists and records however deep, in order."""
    points = PointList(diem=["b) x", "c) y"])
    section = Section(
        tieu_de="II. Mục tiêu",
        khoan=[Item(noi_dung="3. Thời gian"), Item(noi_dung="Nội dung", doan=[points])],
    )
    found = renumbered(section)
    assert [(f.loc, f.typed, f.printed) for f in found] == [
        (("khoan", 0, "noi_dung"), "3.", "1."),
        (("khoan", 1, "doan", 0, "diem", 0), "b)", "a)"),
        (("khoan", 1, "doan", 0, "diem", 1), "c)", "b)"),
    ]


def test_basis_lines_by_their_parts() -> None:
    """Căn cứ lines: the can_cu list, any text saying căn cứ, every text of a section headed
    so, none of a draft written inside (du_thao), with their places."""
    data = {
        "can_cu": ["Luật A", {"x": "Luật B"}],
        "muc": [{"tieu_de": "I. Căn cứ", "doan": ["Luật C", ["Nghị định D"]], "so": 3}],
        "mo_dau": "Căn cứ Luật E;",
        "du_thao": {"can_cu": ["Luật F"], "mo_dau": "Căn cứ Luật G"},
        "ket": "Trân trọng.",
        "ngay": date(2024, 1, 1),
    }
    assert basis_lines(data) == [
        (("can_cu", 0), "Luật A"), (("can_cu", 1, "x"), "Luật B"),
        (("muc", 0, "tieu_de"), "I. Căn cứ"), (("muc", 0, "doan", 0), "Luật C"),
        (("muc", 0, "doan", 1, 0), "Nghị định D"), (("mo_dau",), "Căn cứ Luật E;"),
    ]  # fmt: skip
    assert basis_lines({"ket": "Trân trọng."}, every_text=True) == [(("ket",), "Trân trọng.")]


def test_closed_sets_every_field_of_written() -> None:
    """closed makes the last article anew from its fields, as dataclasses.replace would: it
    names every field Written has (one added must be added there too)."""
    assert [f.name for f in dataclasses.fields(Written)] == [
        "mo_dau", "doan", "khoan", "heading", "doan_sau"]
    last = Written("Điều này có hiệu lực", [], [], heading=True)
    assert closed([Written("a"), last]) == [
        Written("a"), dataclasses.replace(last, mo_dau="Điều này có hiệu lực./.")
    ]


def _signature_the_long_way(signer: Any, styles: StyleSheet) -> list[str]:
    """printed_signature_lines as worked out before it was kept."""
    if signer.tham_quyen == "Q.":
        return signature_lines(signer)
    breaks = {}
    for line in signer.chuc_vu.splitlines():
        lines = title_line_breaks(line, styles)
        if lines is not None:
            breaks[line.upper()] = tuple(part.upper() for part in lines)
    printed = signature_lines(signer)
    return (broken("\n".join(printed), breaks) or "").splitlines() if breaks else printed


def test_printed_signature_kept_by_signer_fields_and_styles() -> None:
    """A signer's printed lines are kept by each field they are made of and by the style
    sheet: signers differing in one field print their own, and a title prints broken in a
    larger style."""
    long_title = "Phó Chánh Văn phòng Ủy ban nhân dân tỉnh"
    deputy, chief = "Phó Chánh Văn phòng", "Chánh Văn phòng"
    signers = [
        SimpleNamespace(chuc_vu=chief, tham_quyen=None, thay_cho=None),
        SimpleNamespace(chuc_vu=deputy, tham_quyen=None, thay_cho=None),
        SimpleNamespace(chuc_vu=deputy, tham_quyen="KT.", thay_cho=chief),
        SimpleNamespace(chuc_vu=deputy, tham_quyen="TL.", thay_cho=chief),
        SimpleNamespace(chuc_vu=deputy, tham_quyen="KT.", thay_cho="Giám đốc"),
        SimpleNamespace(chuc_vu=deputy, tham_quyen="Q.", thay_cho=chief),
        SimpleNamespace(chuc_vu=long_title, tham_quyen=None, thay_cho=None),
    ]
    plain, larger = _styles(), _styles(20, TITLE_STYLE)
    for styles in (plain, larger):
        printed = set()
        for signer in signers:
            lines = printed_signature_lines(signer, styles)  # type: ignore[arg-type]
            assert lines == _signature_the_long_way(signer, styles)
            printed.add(tuple(lines))
        assert len(printed) == len(signers)  # each field of each signer counts
    long_one: Any = signers[-1]
    assert printed_signature_lines(long_one, plain) != printed_signature_lines(long_one, larger)


def test_defaults_only_is_the_layered_defaults() -> None:
    """The one table kept for decisions overriding no phrase is what layering nothing makes."""
    from pipeline.context.quyet_dinh import _defaults_only
    from pipeline.rules.phrases import Phrases

    layered = Phrases.layered({}, {}, common={})
    kept = _defaults_only()
    assert (dict(kept.table), dict(kept.common), dict(kept.origins)) == (
        dict(layered.table), {}, {},
    )  # fmt: skip
