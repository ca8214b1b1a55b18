"""A date typed wrong is warned about (findings r7b): a document dated after today (it takes a
number of that day's sổ, next year's for a January date typed in December), on a Sunday or on
a fixed public holiday; `so kiem-tra` warns of register rows dated after today; a signer typed
by name is told which key the profile gives that person."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.rules.dates import SUNDAY, day_off

LETTER = Path("2024") / "cv-don-doc-bao-cao-tdkt.yaml"


@pytest.mark.parametrize(
    ("day", "off"),
    [
        (date(2026, 12, 6), SUNDAY),
        (date(2026, 9, 2), "Quốc khánh"),
        (date(2027, 1, 1), "Tết Dương lịch"),
        (date(2026, 4, 30), "Ngày Chiến thắng"),
        (date(2026, 5, 1), "Ngày Quốc tế Lao động"),
        (date(2026, 12, 5), None),  # a Saturday: offices sign on it
        (date(2026, 12, 4), None),
    ],
)
def test_day_off(day: date, off: str | None) -> None:
    assert day_off(day) == off


def dated(inputs: Path, day: date) -> tuple[Path, int]:
    """The example Công văn dated `day`, and the line of its ngay."""
    letter = inputs / LETTER
    text = re.sub(r"(?m)^ngay: .*$", f"ngay: {day:%d/%m/%Y}", letter.read_text("utf-8"))
    letter.write_text(text, "utf-8")
    return letter, text.splitlines().index(f"ngay: {day:%d/%m/%Y}") + 1


def warnings(path: Path, lang: str = "vi") -> list[str]:
    result = CliRunner().invoke(main, ["--lang", lang, "check", str(path)])
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line.startswith(("Cảnh báo", "Warn"))]


def test_a_date_after_today_is_warned(inputs_copy: Path) -> None:
    day = date.today() + timedelta(days=40)
    while day_off(day):
        day += timedelta(days=1)
    letter, line = dated(inputs_copy, day)
    said = [w for w in warnings(letter) if "sau hôm nay" in w]
    assert said == [
        f"Cảnh báo: {letter}: dòng {line}, trường 'ngay': văn bản ghi ngày {day:%d/%m/%Y}, sau "
        f"hôm nay ({date.today():%d/%m/%Y}): nếu gõ nhầm, hãy sửa ngày (số văn bản lấy trong sổ "
        f"năm {day.year}, theo ngày này)"
    ]
    assert any("after today" in w for w in warnings(letter, "en"))


def test_a_sunday_and_a_holiday_are_warned(inputs_copy: Path) -> None:
    letter, line = dated(inputs_copy, date(2024, 9, 1))  # a Sunday
    assert warnings(letter) == [
        f"Cảnh báo: {letter}: dòng {line}, trường 'ngay': ngày 01/09/2024 là Chủ nhật: kiểm tra "
        "lại ngày văn bản"
    ]
    assert warnings(letter, "en") == [
        f"Warning: {letter}: line {line}, field 'ngay': 01/09/2024 is a Sunday: check the "
        "document's date"
    ]
    letter, line = dated(inputs_copy, date(2024, 9, 2))
    assert warnings(letter) == [
        f"Cảnh báo: {letter}: dòng {line}, trường 'ngay': ngày 02/09/2024 là ngày nghỉ lễ Quốc "
        "khánh: kiểm tra lại ngày văn bản"
    ]


def test_a_working_day_in_the_past_says_nothing(inputs_copy: Path) -> None:
    letter, _ = dated(inputs_copy, date(2024, 9, 3))
    assert warnings(letter) == []


def test_so_kiem_tra_warns_of_a_row_dated_after_today(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("VANTHU_DB", raising=False)
    later = date.today() + timedelta(days=40)
    runner = CliRunner()
    given = runner.invoke(main, ["so", "--co-quan", "vp", "cap", "--ngay", f"{later:%d/%m/%Y}",
                                 "--ky-hieu", "TB-VP", "--trich-yeu", "Thông báo"])  # fmt: skip
    assert given.exit_code == 0, given.output
    result = runner.invoke(main, ["so", "--co-quan", "vp", "kiem-tra", str(later.year)])
    assert result.exit_code == 0, result.output
    assert (
        f"Cảnh báo: số 01/TB-VP năm {later.year} (cơ quan vp, dãy số 'chung') ghi ngày "
        f"{later:%d/%m/%Y}, sau hôm nay: nếu ngày gõ nhầm, hãy sửa ngày trong tệp dữ liệu"
    ) in result.output, result.output


def test_a_signer_typed_by_name_is_told_the_key(inputs_copy: Path) -> None:
    letter = inputs_copy / LETTER
    text = letter.read_text("utf-8")
    key = re.search(r"(?m)^nguoi_ky: (.*)$", text)
    assert key is not None
    profile = (inputs_copy / "co-quan" / "van-phong-ubnd-son-la.yaml").read_text("utf-8")
    assert f"  {key[1]}:" in profile
    name = re.search(rf"(?ms)^  {re.escape(key[1])}:\n    ho_ten: (.*?)$", profile)
    assert name is not None
    letter.write_text(text.replace(f"nguoi_ky: {key[1]}", f"nguoi_ky: {name[1]}"), "utf-8")
    result = CliRunner().invoke(main, ["--lang", "vi", "check", str(letter)])
    assert result.exit_code == 1
    out = " ".join(result.output.split())
    assert f"nguoi_ky ghi họ tên '{name[1]}': hãy ghi khóa của người ký trong hồ sơ" in out, out
    assert key[1] in out.split("hồ sơ cơ quan", 1)[1]


def recipients_warnings(inputs: Path, kinh_gui: list[str], noi_nhan: list[str]) -> list[str]:
    letter = inputs / LETTER
    text = letter.read_text("utf-8")
    text = re.sub(r"(?ms)^kinh_gui:\n(  - .*?\n)+", "kinh_gui:\n" + "".join(
        f"  - {name}\n" for name in kinh_gui), text)  # fmt: skip
    text = text.replace("noi_nhan:\n  - Lãnh đạo Văn phòng\n", "noi_nhan:\n" + "".join(
        f"  - {line}\n" for line in noi_nhan))  # fmt: skip
    letter.write_text(text, "utf-8")
    return [w.split(": ", 2)[2] for w in warnings(letter)]


def test_a_recipient_typed_twice_is_warned(inputs_copy: Path) -> None:
    """The tester's Công văn: Kính gửi names a bản twice, Nơi nhận a phòng twice and a line
    its group already holds; the document printed them twice, the register once."""
    said = recipients_warnings(
        inputs_copy,
        ["Trưởng bản Nà Sẳng", "Trưởng bản Bó Ẩn", "trưởng bản  Nà Sẳng;"],
        ["Lãnh đạo Văn phòng", "Phòng Kinh tế", "Phòng Kinh tế", "{nhom: noi-bo}",
         "Các phòng, ban, đơn vị"],
    )  # fmt: skip
    lines = (inputs_copy / LETTER).read_text("utf-8").splitlines()
    economy = [n + 1 for n, line in enumerate(lines) if line == "  - Phòng Kinh tế"]
    group = lines.index("  - Các phòng, ban, đơn vị") + 1
    assert said == [
        "dòng 10, trường 'kinh_gui[3]': 'trưởng bản  Nà Sẳng;' ghi hai lần (lần đầu ở dòng 8): "
        "văn bản sẽ in hai lần, sổ văn bản đi ghi một lần; hãy bỏ một dòng",
        f"dòng {economy[1]}, trường 'noi_nhan[3]': 'Phòng Kinh tế' ghi hai lần (lần đầu ở dòng "
        f"{economy[0]}): văn bản sẽ in hai lần, sổ văn bản đi ghi một lần; hãy bỏ một dòng",
        f"dòng {group}, trường 'noi_nhan[5]': 'Các phòng, ban, đơn vị' ghi hai lần (đã có trong "
        "nhóm 'noi-bo' của hồ sơ cơ quan): văn bản sẽ in hai lần, sổ văn bản đi ghi một lần; hãy "
        "bỏ một dòng",
    ]


def test_kinh_gui_again_in_noi_nhan_after_nhu_tren_is_warned(inputs_copy: Path) -> None:
    """"- Như trên;" stands for every Kính gửi recipient (r10a F6): the same office listed again
    in Nơi nhận would be sent the document twice (tests/test_clerk_r10.py: groups, no Như trên)."""
    said = recipients_warnings(
        inputs_copy, ["Phòng Kinh tế", "Nhà khách Bình Minh"], ["Phòng Kinh tế", "Lưu trữ"]
    )
    assert len(said) == 1 and "trường 'noi_nhan[1]': 'Phòng Kinh tế' đã có ở Kính gửi" in said[0]


@pytest.mark.parametrize(
    ("today", "dated"),
    [
        (date(2026, 12, 4), date(2026, 1, 15)),  # the starter's own date, past
        (date(2027, 1, 15), date(2027, 1, 15)),
        (date(2027, 1, 5), date(2027, 1, 5)),  # not yet 15/01: today
        (date(2027, 1, 3), date(2027, 1, 2)),  # a Sunday: the Saturday before
        (date(2027, 1, 1), date(2027, 1, 1)),  # no working day of the year before it
    ],
)
def test_a_starter_made_in_january_is_not_dated_ahead(today: date, dated: date) -> None:
    from pipeline.starters import read_starter
    from pipeline.starters.office import dated_starter, starter_date

    text = read_starter("quyet-dinh.yaml")
    assert "ngay: 15/01/$nam" in text
    assert starter_date(text, today) == dated
    assert f"ngay: {dated:%d/%m/%Y}" in dated_starter(text, today)
