"""r14c F2: after `so khoi-phuc`, a number `so cap` gave after the older copy is never given again.

An older copy of the register was put back; `vanthu so khoi-phuc` entered again the numbers the
manifests record, but a number given after the copy by `so cap` for a paper letter, last of the
year, is recorded nowhere but in the lost register: `so kiem-tra` saw no gap and the next `so cap`
gave it again, two documents with one number. Now the restore is recorded in the register and
says the last number it entered again and what it cannot know; until the clerk confirms
(`so khoi-phuc NĂM --da-kiem-tra`, after `so vao-so` for the paper letters) build, render, check,
`so cap` and `so giu` give no new number of that year in that office, and `so kiem-tra` says so;
then nothing more is said. With nothing lacking, `so khoi-phuc` says so plainly.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from pipeline.register import Details, Origin, RegisterError, open_register
from pipeline.register.schema import LATEST
from tests.register.conftest import location, pg_server, shared  # noqa: F401  (fixtures)
from tests.register_setup import built_two, copied, no_register_env, put_back  # noqa: F401  (fixture)
from tests.test_register_r12a_numbering import (
    OFFICE,
    build,
    built_one,
    document,
    manifest_number,
    office,
    output,
    rows,
    said,
    vanthu,
)

PAPER = ["--ngay", "22/07/2026", "--ky-hieu", "UBND-VP", "--trich-yeu", "Công văn giấy gửi gấp"]
CONFIRM = "vanthu so khoi-phuc 2026 --da-kiem-tra"


def as_before_restorations(path: Path) -> None:
    """The register file as the vanthu before schema version 6 left it (no restorations
    table): the copy put back was made by it."""
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE restorations")
        db.execute("DELETE FROM schema_version WHERE version = 6")
    db.close()


def paper_letter_last(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A commune that built 01, 02, copied its register, built 03 and 04, gave 05 to a paper
    letter (`so cap`: the year's last number), then had the copy put back; the manifests
    record 03 and 04, nothing records 05."""
    root = built_two(tmp_path, monkeypatch)
    register, backup = copied(root, tmp_path)
    as_before_restorations(backup)
    document(root, monkeypatch, "cv-08", "20/07/2026", kind="cong-van", about="Công văn mới")
    document(root, monkeypatch, "qd-08", "21/07/2026", about="Quyết định mới")
    build(root, monkeypatch)
    paper = vanthu(root, monkeypatch, "so", "cap", *PAPER)
    assert paper.exit_code == 0 and "05/UBND-VP" in paper.output, paper.output
    put_back(backup, register)
    return root


def restorations(register: Path) -> list[tuple[str, int, str, int, bool, bool]]:
    """(office, year, sequence, last number, has a time, confirmed) of each restore recorded."""
    with sqlite3.connect(register) as db:
        found = db.execute("SELECT agency, year, sequence, last_number, restored_at, "
                           "confirmed_at FROM restorations ORDER BY id").fetchall()
    db.close()
    return [(a, y, s, n, bool(at), confirmed is not None) for a, y, s, n, at, confirmed in found]


def test_khoi_phuc_says_the_last_number_it_restored_and_what_it_cannot_know(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = paper_letter_last(tmp_path, monkeypatch)
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    text = said(restored)
    assert ("Đã ghi lại 2 số năm 2026 theo các văn bản đã dựng; số cuối cùng ghi lại: "
            "04/QĐ-UBND") in text, text
    assert "số cấp bằng vanthu so cap (công văn giấy) hay giữ bằng vanthu so giu" in text
    assert "số sau số cuối ghi lại (04/QĐ-UBND) thì không để lại chỗ thiếu nào" in text
    assert "Hãy xem sổ giấy hoặc các văn bản đã gửi" in text and "vanthu so vao-so SỐ" in text
    assert f"rồi xác nhận: {CONFIRM}" in text
    assert "Đến khi xác nhận, vanthu không cấp số mới năm 2026" in text
    # Recorded in the register (migrated from the copy's schema): when, and the last number.
    register = root / "so-van-ban.sqlite3"
    assert restorations(register) == [(OFFICE, 2026, "chung", 4, True, False)]
    with open_register(register) as opened:
        assert opened.schema_version() == LATEST


def test_the_restore_is_said_in_english_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = paper_letter_last(tmp_path, monkeypatch)
    restored = vanthu(root, monkeypatch, "--lang", "en", "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    text = said(restored)
    assert ("Entered again 2 numbers of 2026 from the documents built; the last number entered "
            "again: 04/QĐ-UBND") in text, text
    assert "one after the last number entered again (04/QĐ-UBND) leaves no gap" in text
    assert f"then confirm: {CONFIRM}" in text
    refused = vanthu(root, monkeypatch, "--lang", "en", "so", "cap", *PAPER)
    assert refused.exit_code == 1, refused.output
    assert (f"no new number of 2026 given for {OFFICE}: the register was entered again with "
            "vanthu so khoi-phuc at") in said(refused), refused.output
    assert "(the last number entered again: 04/QĐ-UBND)" in said(refused)
    assert CONFIRM in said(refused)


def test_until_confirmed_no_new_number_of_the_year_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = paper_letter_last(tmp_path, monkeypatch)
    assert vanthu(root, monkeypatch, "so", "khoi-phuc", "2026").exit_code == 0
    register = root / "so-van-ban.sqlite3"
    held = rows(register)
    # so kiem-tra no longer says "không thiếu số": the paper letter's 05 leaves no gap.
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 1, checked.output
    assert "không thiếu số" not in said(checked)
    assert ("sổ năm 2026 được ghi lại bằng vanthu so khoi-phuc lúc") in said(checked)
    assert "số sau số cuối không để lại chỗ thiếu" in said(checked) and CONFIRM in said(checked)
    # The paper letter's 05 is not given again, by so cap or so giu.
    for command in (["cap", *PAPER], ["giu", "--nam", "2026"]):
        refused = vanthu(root, monkeypatch, "so", *command)
        assert refused.exit_code == 1, refused.output
        text = said(refused)
        assert f"chưa cấp số mới năm 2026 của {OFFICE}: sổ được ghi lại bằng vanthu so " \
               "khoi-phuc lúc" in text, text
        assert "(số cuối cùng ghi lại: 04/QĐ-UBND)" in text and CONFIRM in text
    # Nor by build, render or check, each refusing the document asking for a new number.
    new = document(root, monkeypatch, "tb-09", "02/09/2026", kind="thong-bao", about="Lịch trực")
    refused = build(root, monkeypatch, code=1)
    assert "inputs/2026/tb-09.yaml" in said(refused)
    assert "chưa cấp số mới năm 2026" in said(refused) and CONFIRM in said(refused)
    rendered = vanthu(root, monkeypatch, "render", str(new))
    assert rendered.exit_code == 1 and CONFIRM in said(rendered), rendered.output
    checked = vanthu(root, monkeypatch, "check", str(new))
    assert checked.exit_code == 1 and CONFIRM in said(checked), checked.output
    assert not output(root, "tb-09").exists()
    assert rows(register) == held
    # A document keeping its number is no concern; another year neither.
    kept = vanthu(root, monkeypatch, "check", str(root / "inputs/2026/qd-08.yaml"))
    assert kept.exit_code == 0, kept.output
    other = vanthu(root, monkeypatch, "so", "cap", "--ngay", "05/01/2027", "--ky-hieu",
                   "UBND-VP", "--trich-yeu", "Công văn năm sau")
    assert other.exit_code == 0 and "01/UBND-VP" in other.output, other.output


def test_the_paper_letter_entered_and_confirmed_numbering_goes_on_after_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = paper_letter_last(tmp_path, monkeypatch)
    assert vanthu(root, monkeypatch, "so", "khoi-phuc", "2026").exit_code == 0
    entered = vanthu(root, monkeypatch, "so", "vao-so", "05", *PAPER)
    assert entered.exit_code == 0, entered.output
    assert "Đã vào sổ số 05/UBND-VP" in said(entered)
    assert "khi đã vào sổ đủ mọi số cấp bằng vanthu so cap" in said(entered)
    assert CONFIRM in said(entered)
    confirmed = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026", "--da-kiem-tra")
    assert confirmed.exit_code == 0, confirmed.output
    assert ("Đã xác nhận: các số năm 2026 cấp sau bản sao sổ cũ đã được vào sổ (số cuối cùng "
            "ghi lại khi khôi phục: 04/QĐ-UBND). vanthu lại cấp số mới năm 2026; số tiếp "
            "theo: 06") in said(confirmed), confirmed.output
    assert restorations(root / "so-van-ban.sqlite3") == [
        (OFFICE, 2026, "chung", 4, True, True)]
    # Nothing more is said: the build numbers after the paper letter, so kiem-tra is clean.
    document(root, monkeypatch, "tb-09", "02/09/2026", kind="thong-bao", about="Lịch trực")
    built = build(root, monkeypatch)
    assert manifest_number(root, "tb-09") == "06/TB-UBND"
    assert "khoi-phuc" not in said(built), built.output
    given = vanthu(root, monkeypatch, "so", "cap", "--ngay", "03/09/2026", "--ky-hieu",
                   "UBND-VP", "--trich-yeu", "Công văn giấy khác")
    assert given.exit_code == 0 and "07/UBND-VP" in given.output, given.output
    assert "khoi-phuc" not in said(given)
    checked = vanthu(root, monkeypatch, "so", "kiem-tra", "2026")
    assert checked.exit_code == 0, checked.output
    assert "không thiếu số" in said(checked) and "khoi-phuc" not in said(checked)
    again = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026", "--da-kiem-tra")
    assert again.exit_code == 0
    assert ("Năm 2026 không có lần ghi lại sổ (vanthu so khoi-phuc) nào chờ xác nhận"
            in said(again)), again.output


def test_khoi_phuc_with_nothing_lacking_says_so_plainly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, _ = built_one(tmp_path, monkeypatch)
    sound = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert sound.exit_code == 0, sound.output
    assert said(sound) == ("Không thiếu số nào: sổ năm 2026 có đủ mọi số mà các văn bản đã "
                           "dựng (manifest trong outputs/) ghi là sổ này đã cấp; không ghi "
                           "thêm gì"), sound.output
    english = vanthu(root, monkeypatch, "--lang", "en", "so", "khoi-phuc", "2026")
    assert said(english).startswith("Nothing is lacking: the register of 2026"), english.output
    assert restorations(root / "so-van-ban.sqlite3") == []
    given = vanthu(root, monkeypatch, "so", "cap", *PAPER)
    assert given.exit_code == 0 and "02/UBND-VP" in given.output, given.output


def test_khoi_phuc_again_before_the_confirmation_says_nothing_lacking_and_that_it_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = paper_letter_last(tmp_path, monkeypatch)
    assert vanthu(root, monkeypatch, "so", "khoi-phuc", "2026").exit_code == 0
    again = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert again.exit_code == 0, again.output
    text = said(again)
    assert text.startswith("Không thiếu số nào: sổ năm 2026"), text
    assert "(số cuối cùng ghi lại: 04/QĐ-UBND) vẫn chờ xác nhận" in text and CONFIRM in text


def test_numbers_lacking_whose_files_hold_other_numbers_are_not_said_to_be_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy holds 02 for cv-07, voided after it and cv-07 given 03: 03 is lacking, and
    cannot be entered again while the copy's 02 is the file's; khoi-phuc says so, not
    'nothing lacking'."""
    root = built_two(tmp_path, monkeypatch)
    register, backup = copied(root, tmp_path)
    voided = vanthu(root, monkeypatch, "so", "huy", "02", "--nam", "2026", "--ly-do", "Sai")
    assert voided.exit_code == 0, voided.output
    build(root, monkeypatch)
    assert manifest_number(root, "cv-07") == "03/UBND-VP"
    put_back(backup, register)
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 1, restored.output
    text = said(restored)
    assert "Không thiếu số nào" not in text
    assert ("không ghi lại được 1 số năm 2026 mà các văn bản đã dựng (manifest trong outputs/) "
            "ghi là sổ này đã cấp: 03/UBND-VP; tệp dữ liệu của chúng nay giữ số khác") in text
    assert "vanthu so huy SỐ --nam 2026" in text


def test_the_register_records_restores_and_refuses_new_numbers_on_either_engine(
    location: str,  # noqa: F811
) -> None:
    """The library surface, on SQLite and a real PostgreSQL: a restore recorded with its rows,
    a new number refused (allocate, reserve) until confirmed; a kept number and a typed one
    are not new."""
    office_id = "vp"
    paper = Details(doc_date=date(2026, 7, 22), symbol="UBND-VP", summary="Công văn giấy")
    with open_register(location) as register:
        first = register.allocate(office_id, Details(doc_date=date(2026, 7, 15),
                                                      symbol="UBND-VP", summary="Một"),
                                  source="inputs/2026/a.yaml")
        register.confirm(first)
        restored = register.restore_given([
            (office_id, 2026, 3, Details(doc_date=date(2026, 7, 20), symbol="QĐ-UBND",
                                         summary="Ba"), "inputs/2026/c.yaml", Origin.REGISTER)])
        assert [entry.reference for entry in restored] == ["03/QĐ-UBND"]
        waiting = register.unconfirmed_restore(2026, office_id)
        assert waiting is not None
        assert [(r.agency, r.sequence, r.number, r.reference) for r in waiting.runs] == [
            (office_id, "chung", 3, "03/QĐ-UBND")]
        assert register.unconfirmed_restore(2027) is None
        with pytest.raises(RegisterError) as refused:
            register.allocate(office_id, paper)
        assert refused.value.key == "register.restore_unconfirmed"
        assert CONFIRM in refused.value.message()
        with pytest.raises(RegisterError):
            register.reserve(office_id, Details(), year=2026)
        # The data file holding its number keeps it; a number typed by hand is entered.
        kept = register.allocate(office_id, Details(doc_date=date(2026, 7, 15),
                                                     symbol="UBND-VP", summary="Một"),
                                 source="inputs/2026/a.yaml")
        assert kept.number == 1 and not kept.fresh
        assert register.record(office_id, 4, paper).number == 4
        assert register.allocate("other", paper).number == 1  # another office
        confirmed = register.confirm_restore(2026, office_id)
        assert confirmed is not None and confirmed.runs == waiting.runs
        assert register.unconfirmed_restore(2026) is None
        assert register.confirm_restore(2026) is None
        assert register.allocate(office_id, paper).number == 5


def test_a_shared_postgresql_register_restored_waits_for_the_clerk_too(
    tmp_path: Path, shared: str, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """The workflow on a PostgreSQL register clerks share: an older dump put back (here: the
    rows given since deleted, the counter set back), restored, refused, confirmed."""
    root = office(tmp_path, "ws", shared)
    document(root, monkeypatch, "qd-07", "15/07/2026")
    document(root, monkeypatch, "cv-07", "16/07/2026", kind="cong-van")
    build(root, monkeypatch)
    paper = vanthu(root, monkeypatch, "so", "cap", *PAPER)
    assert paper.exit_code == 0 and "03/UBND-VP" in paper.output, paper.output
    with open_register(shared) as register:
        register.backend.run(lambda tx: (
            tx.execute("DELETE FROM entries WHERE number > 1"),
            tx.execute("UPDATE counters SET last_number = 1")), write=True)
    restored = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026")
    assert restored.exit_code == 0, restored.output
    assert "số cuối cùng ghi lại: 02/UBND-VP" in said(restored) and CONFIRM in said(restored)
    refused = vanthu(root, monkeypatch, "so", "cap", *PAPER)
    assert refused.exit_code == 1 and CONFIRM in said(refused), refused.output
    assert vanthu(root, monkeypatch, "so", "vao-so", "03", *PAPER).exit_code == 0
    confirmed = vanthu(root, monkeypatch, "so", "khoi-phuc", "2026", "--da-kiem-tra")
    assert "số tiếp theo: 04" in said(confirmed), confirmed.output
    given = vanthu(root, monkeypatch, "so", "cap", "--ngay", "23/07/2026", "--ky-hieu",
                   "UBND-VP", "--trich-yeu", "Công văn giấy khác")
    assert given.exit_code == 0 and "04/UBND-VP" in given.output, given.output
