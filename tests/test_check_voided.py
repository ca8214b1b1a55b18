"""`vanthu check` says when a built output prints a number the register has voided since
(`vanthu so huy`): the output is out of date and must be made again, by a build that gives the
document a new number or with another number typed; a Giấy khen batch printing its decision's
voided number too. A number typed in the data and voided is said to be voided, not held for
another document."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.api import check
from pipeline.batch import build
from pipeline.register import open_register
from pipeline.workspace import Workspace
from tests.test_giay_khen_so import AGENCY, YEAR, batch, decision_of  # noqa: F401
from tests.test_register_order import office, plan, vanthu  # noqa: F401
from tests.test_year_build_r9 import statuses


def said(text: str) -> str:
    return " ".join(text.split())


def test_check_says_an_output_prints_a_voided_number(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "14/01/2026")
    plan(office, "kh-khac.yaml", "15/01/2026")
    assert vanthu("build").exit_code == 0
    assert vanthu("so", "huy", "1", "--nam", "2026", "--ly-do", "ký nhầm người").exit_code == 0
    before = statuses(office)
    result = vanthu("check")
    assert result.exit_code == 0, result.output  # the data is valid: build remakes it
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Cảnh báo:")]
    assert warnings == [
        "Cảnh báo: inputs/2026/ke-hoach.yaml: outputs/2026/ke-hoach.docx còn in số "
        "01/KH-VPUBND, số này đã bị hủy trong sổ văn bản đi (lý do: ký nhầm người): tệp kết quả "
        "đã cũ, phải làm lại; hãy dựng lại (vanthu build) để văn bản nhận số mới, hoặc ghi một "
        "số khác chưa cấp vào so: rồi dựng lại. Bản đã in hoặc đã ký (nếu có) còn mang số "
        "01/KH-VPUBND: hãy thay bản đó"
    ]  # kh-khac.yaml's 02 stands: nothing said of it
    english = vanthu("--lang", "en", "check", "inputs/2026/ke-hoach.yaml")
    assert ("Warning: inputs/2026/ke-hoach.yaml: outputs/2026/ke-hoach.docx still prints number "
            "01/KH-VPUBND, which was voided in the register (reason: ký nhầm người): the output "
            "is out of date and must be made again; build again (vanthu build) so that the "
            "document gets a new number") in said(english.stderr)
    assert statuses(office) == before  # check only reads the register
    # The way out it names: the build gives it a new number, and check has nothing to say.
    assert vanthu("build").exit_code == 0
    assert "Cảnh báo" not in vanthu("check").stderr


def test_an_output_gone_prints_nothing_to_warn_of(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "14/01/2026")
    assert vanthu("build").exit_code == 0
    assert vanthu("so", "huy", "1", "--nam", "2026", "--ly-do", "bỏ").exit_code == 0
    (office / "outputs/2026/ke-hoach.docx").unlink()
    assert "Cảnh báo" not in vanthu("check").stderr


def test_check_says_a_typed_number_voided_is_voided(office: Path) -> None:  # noqa: F811
    plan(office, "ke-hoach.yaml", "14/01/2026", number="07")
    plan(office, "kh-khac.yaml", "15/01/2026")  # the register made: 07 recorded in it
    assert vanthu("build").exit_code == 0
    voided = vanthu("so", "huy", "7", "--nam", "2026", "--ly-do", "gõ nhầm")
    assert voided.exit_code == 0, voided.output
    result = vanthu("check")
    assert result.exit_code == 1, result.output
    message = said(result.stderr)
    assert "inputs/2026/ke-hoach.yaml" in message and "trường 'so'" in message
    assert "số 07/KH-VPUBND đã bị hủy trong sổ văn bản đi" in message and "gõ nhầm" in message
    assert "hãy ghi một số khác chưa cấp, hoặc so: tu_dong" in message
    assert "cho văn bản khác" not in message  # the row is this file's own, voided


def test_check_says_a_batch_prints_its_decisions_voided_number(batch: Path) -> None:  # noqa: F811
    ws = Workspace.containing(batch)
    assert build(ws, jobs=1).ok
    with open_register(root=ws.root) as register:
        register.void(AGENCY, YEAR, 1, "in nhầm")
    report = check([decision_of(batch), batch])
    assert len(report.valid) == 2 and not report.errors
    decision = f"inputs/{YEAR}/{decision_of(batch).name}"
    own, lent = [w for w in report.warnings if "bị hủy" in w]
    assert (f"{decision}: outputs/{YEAR}/{decision_of(batch).stem}.docx còn in số 01/QĐ-UBND, "
            "số này đã bị hủy") in own
    assert re.search(rf"inputs/{YEAR}/giay-khen\.yaml: outputs/{YEAR}/giay-khen\.docx còn in số "
                    rf"01/QĐ-UBND của {re.escape(decision)}, số này đã bị hủy trong sổ văn bản "
                    r"đi \(lý do: in nhầm\)", lent), lent
    assert f"để {decision} nhận số mới và tệp này in số đó" in lent
    assert build(ws, jobs=1).ok  # both remade: the decision's 02, printed by the batch
    assert not [w for w in check([decision_of(batch), batch]).warnings if "bị hủy" in w]
