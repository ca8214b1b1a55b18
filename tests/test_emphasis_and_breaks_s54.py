"""verify accepts an italic word in a trích yếu exactly where the data file typed it as emphasis
(*Chiến sĩ thi đua*), in an output its manifest records building from that file as it is now:
italic the data did not ask for (edited by hand, no manifest, data changed since) is still
reported. And a '|' in a signer's chuc_vu is a line break wherever the profile is read, not
only where the signature prints it: the profile's checks, a Biên bản's running text, the
messages listing signers, the preset a profile is matched to."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from docx import Document as WordDocument

from pipeline.model.agency import Agency, Signer
from pipeline.rules.titles import own_title, typed_lines
from pipeline.starters.office import preset_of
from pipeline.verify import verify_file
from pipeline.verify.recorded_output import recorded_data
from pipeline.workspace.header_name import clerk_lines
from pipeline.workspace.init import presets

DECISION = Path("inputs/2022/qd-thanh-lap-hoi-dong.yaml")
DECISION_OUT = Path("outputs/2022/qd-thanh-lap-hoi-dong.docx")
DECISION_SUBJECT = "trich_yeu: Về việc thành lập Hội đồng thi đua, khen thưởng Văn phòng UBND tỉnh"
LETTER = Path("inputs/2024/cv-don-doc-bao-cao-tdkt.yaml")
LETTER_OUT = Path("outputs/2024/cv-don-doc-bao-cao-tdkt.docx")
LETTER_SUBJECT = "trich_yeu: Đôn đốc gửi báo cáo tổng kết"
MINUTES = Path("inputs/2024/bb-hop-hoi-dong-tdkt.yaml")
MINUTES_OUT = Path("outputs/2024/bb-hop-hoi-dong-tdkt.docx")
PROFILE = Path("inputs/co-quan/van-phong-ubnd-son-la.yaml")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def render(cli: click.Group, *files: Path) -> None:
    result = CliRunner().invoke(cli, ["render", *map(str, files)])
    assert result.exit_code == 0, result.output


def italic_rules(docx: Path) -> set[str]:
    return {rule for rule in verify_file(docx).rules if rule.endswith(".italic")}


@pytest.fixture()
def emphasised(example_here: Path, cli: click.Group) -> Path:
    """The example workspace with a Quyết định and a Công văn whose trích yếu types a phrase in
    italic, both rendered (outputs and manifests)."""
    edit(
        DECISION,
        DECISION_SUBJECT,
        DECISION_SUBJECT.replace(
            "Hội đồng thi đua, khen thưởng", "*Hội đồng thi đua, khen thưởng*"
        ),
    )
    edit(LETTER, LETTER_SUBJECT, LETTER_SUBJECT.replace("báo cáo tổng kết", "*báo cáo tổng kết*"))
    render(cli, DECISION, LETTER)
    return example_here


def italic_text(docx: Path) -> str:
    """The italic characters of a .docx's body and tables that print (spaces aside)."""
    found = WordDocument(str(docx)).element.body.xpath(".//w:r[w:rPr/w:i]//w:t")
    return "".join("".join(t.text for t in found).split())


def test_italic_typed_in_a_trich_yeu_is_no_violation(emphasised: Path) -> None:
    assert recorded_data(DECISION_OUT).path == (emphasised / DECISION).resolve()
    # The phrases print in italic (the Công văn's V/v in the header table, in two lines) ...
    assert italic_text(DECISION_OUT) == "Hộiđồngthiđua,khenthưởng"
    assert italic_text(LETTER_OUT) == "báocáotổngkết"
    # ... as the data asked: no violation.
    assert italic_rules(DECISION_OUT) == set()
    assert italic_rules(LETTER_OUT) == set()


def test_italic_edited_in_by_hand_is_still_reported(emphasised: Path) -> None:
    doc = WordDocument(str(DECISION_OUT))
    title = next(p for p in doc.paragraphs if p.text.startswith("Về việc thành lập"))
    for run in title.runs:  # the whole trích yếu italic: more than the data asked for
        run.italic = True
    doc.save(str(DECISION_OUT))
    assert italic_rules(DECISION_OUT) == {"trich_yeu.italic"}


def test_italic_without_its_data_is_still_reported(emphasised: Path, tmp_path: Path) -> None:
    # No manifest beside the copy: nothing says the data asked for it.
    alone = tmp_path / "elsewhere" / "qd.docx"
    alone.parent.mkdir()
    shutil.copy(DECISION_OUT, alone)
    assert recorded_data(alone) is None
    assert italic_rules(alone) == {"trich_yeu.italic"}
    # The data no longer asks for it (changed since the output was made): not what it printed.
    edit(LETTER, "*báo cáo tổng kết*", "báo cáo tổng kết")
    assert recorded_data(LETTER_OUT).path is None  # recorded, but not as it is now
    assert italic_rules(LETTER_OUT) == {"trich_yeu_cong_van.italic"}


# '|' in a signer's title ---------------------------------------------------------------------


def test_a_bar_breaks_a_title_as_a_new_line_does() -> None:
    assert typed_lines(" GIÁM ĐỐC  TRUNG TÂM |PHỤC VỤ\n\n| ") == ["GIÁM ĐỐC TRUNG TÂM", "PHỤC VỤ"]
    assert clerk_lines("SỞ NÔNG NGHIỆP VÀ | PHÁT TRIỂN") == ["SỞ NÔNG NGHIỆP VÀ", "PHÁT TRIỂN"]
    broken = "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC TRUNG TÂM | PHỤC VỤ HÀNH CHÍNH CÔNG"
    assert own_title(broken) == "PHÓ GIÁM ĐỐC TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG"
    assert own_title("TM. HỘI ĐỒNG\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") == "PHÓ CHỦ TỊCH"
    signer = Signer(ho_ten="Lò Văn A", chuc_vu="Giám đốc Trung tâm | Phục vụ hành chính công")
    assert signer.own_title == "Giám đốc Trung tâm Phục vụ hành chính công"


def test_a_tm_signer_broken_with_a_bar_signs_for_the_body() -> None:
    signer = Signer(ho_ten="Lò Văn A", chuc_vu="TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH")
    assert signer.on_behalf_of == ("chuc_vu", "ỦY BAN NHÂN DÂN")
    assert signer.own_title == "CHỦ TỊCH"
    profile = {"ten_co_quan": "ỦY BAN NHÂN DÂN TỈNH SƠN LA", "ten_day_du": "UBND tỉnh Sơn La",
               "viet_tat": "UBND", "dia_danh": "Sơn La"}  # fmt: skip
    Agency(**profile, nguoi_ky={"chu-tich": signer})
    # TM. before a person's title is still refused, as a TM. line, with the deputy's advice.
    with pytest.raises(ValueError) as refused:
        Agency(
            **profile,
            nguoi_ky={
                "pho": {"ho_ten": "Lò Văn B", "chuc_vu": "TM. TRƯỞNG PHÒNG | PHÓ TRƯỞNG PHÒNG"}
            },
        )
    assert "TM. TRƯỞNG PHÒNG" in str(refused.value) and "|" not in str(refused.value)
    # A last line that is an authority is still refused, named as the line it is.
    with pytest.raises(ValueError) as refused:
        Signer(ho_ten="Lò Văn A", chuc_vu="TM. ỦY BAN NHÂN DÂN | KT. CHỦ TỊCH")
    assert "«KT. CHỦ TỊCH»" in str(refused.value)


def test_a_minutes_names_its_chair_without_the_bar(example_here: Path, cli: click.Group) -> None:
    edit(PROFILE, "chuc_vu: Chánh Văn phòng ", "chuc_vu: CHÁNH VĂN PHÒNG | UBND TỈNH SƠN LA ")
    edit(MINUTES, "chu_toa: Chánh Văn phòng, Chủ tịch Hội đồng\n", "")
    render(cli, MINUTES)
    text = "\n".join(p.text for p in WordDocument(str(MINUTES_OUT)).paragraphs)
    assert "Nguyễn Huy Anh, Chánh Văn phòng UBND tỉnh Sơn La" in text
    assert "|" not in text


def test_the_signers_listed_in_a_message_are_read_in_lines(
    example_here: Path, cli: click.Group
) -> None:
    edit(PROFILE, "chuc_vu: Chánh Văn phòng ", "chuc_vu: CHÁNH VĂN PHÒNG | UBND TỈNH SƠN LA ")
    edit(MINUTES, "nguoi_ky: chanh-van-phong", "nguoi_ky: zzz")
    result = CliRunner().invoke(cli, ["check", str(MINUTES)])
    assert result.exit_code != 0
    assert "chanh-van-phong (CHÁNH VĂN PHÒNG, UBND TỈNH SƠN LA)" in result.output, result.output
    assert not re.search(r"\|", result.output)


def test_a_profile_broken_with_a_bar_fits_its_kind() -> None:
    hand = {"ten_day_du": "Trung tâm Lưu trữ lịch sử tỉnh Sơn La", "viet_tat": "X",
            "ten_co_quan": "ỦY BAN NHÂN DÂN | XÃ MƯỜNG BÚ",
            "nguoi_ky": {"ct": {"ho_ten": "A", "chuc_vu": "Chủ tịch", "tham_quyen": "TM.",
                                "thay_cho": "Ủy ban nhân dân"}}}  # fmt: skip
    assert preset_of(hand) is presets()["ubnd-xa"]
    office = {"ten_co_quan": "VĂN PHÒNG", "co_quan_chu_quan": "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
              "ten_day_du": "Văn phòng UBND tỉnh Sơn La",
              "nguoi_ky": {"cvp": {"ho_ten": "A", "chuc_vu": "Chánh | Văn phòng"}}}  # fmt: skip
    assert preset_of(office) is presets()["van-phong"]


def test_a_tm_signer_broken_with_a_bar_signs_on_behalf_in_the_starters() -> None:
    # starters.office reads a profile's titles in their lines as the documents print them: a
    # "TM. ... | CHỦ TỊCH" signer signs for the body, so a Giấy khen's own signer is the person's.
    from pipeline.starters.office import one_line, own_signer

    profile = {"nguoi_ky": {
        "chu-tich": {"ho_ten": "Lò Văn A", "chuc_vu": "TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH"},
        "chu-tich-ca-nhan": {"ho_ten": "Lò Văn A", "chuc_vu": "CHỦ TỊCH"},
    }}  # fmt: skip
    assert own_signer(profile, "chu-tich") == "chu-tich-ca-nhan"
    assert one_line("SỞ NÔNG NGHIỆP VÀ | PHÁT TRIỂN NÔNG THÔN") == (
        "SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN"
    )
