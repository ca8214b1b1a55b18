"""A signer changed in the agency profile (a new head took office) after documents were numbered
and built: build, render and check refuse to write an issued document again with the new
signer, and leave its sổ row as it is, one message per document naming the number, its date,
both signers and the ways out (the former signer kept under another profile key; `vanthu render
--force FILE` for a correction, which rewrites the row and says so). New documents, and
documents not yet numbered, simply take the new signer (finding F13 of r11a).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pipeline.cli import main
from pipeline.register import open_register
from tests.docx_text import paragraph_texts

FLAGS = [
    "--kieu", "so-nganh", "--dia-danh", "Sơn La", "--co-quan", "SỞ NỘI VỤ",
    "--ten-day-du", "Sở Nội vụ", "--viet-tat", "SNV", "--nguoi-ky", "Nguyễn Văn A",
    "--pho", "Lê Văn B",
]  # fmt: skip
HEAD, NEW_HEAD = "Nguyễn Văn A", "Phạm Văn C"
PROFILE = "inputs/co-quan/so-noi-vu.yaml"


def vanthu(*args: str, lang: str = "vi") -> Result:
    return CliRunner().invoke(main, ["--lang", lang, *args], catch_exceptions=False)


@pytest.fixture()
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`vanthu init` (a Sở: giam-doc Nguyễn Văn A, pho-giam-doc Lê Văn B signing KT.), numbering
    in its own register file; the working folder is the workspace."""
    monkeypatch.delenv("VANTHU_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    made = vanthu("init", "ws", *FLAGS)
    assert made.exit_code == 0, made.output
    monkeypatch.chdir(tmp_path / "ws")
    return tmp_path / "ws"


def letter(root: Path, name: str, day: str, signer: str = "giam-doc", so: str = "tu_dong") -> Path:
    """A Công văn of 2025 from `vanthu new`, with its number (`so`), date and signer."""
    path = root / "inputs" / "2025" / name
    made = vanthu("new", "cong-van", "-o", str(path))
    assert made.exit_code == 0, made.output
    text = path.read_text("utf-8")
    for key, value in (("so", so), ("ngay", day), ("nguoi_ky", signer)):
        text = re.sub(rf"^{key}:[^\n#]*", f"{key}: {value}  ", text, count=1, flags=re.M)
    path.write_text(text, "utf-8")
    return path


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def signers(root: Path) -> dict[str, str | None]:
    """The sổ's Người ký of 2025, by Số, ký hiệu."""
    with open_register(root / "so-van-ban.sqlite3") as register:
        return {e.reference: e.details.signer for e in register.entries(2025)}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def output(root: Path, name: str) -> Path:
    return root / "outputs" / "2025" / name


@pytest.fixture()
def issued(root: Path) -> Path:
    """Three numbered Công văn built: 01 and 02 signed by the head, 03 by the deputy."""
    letter(root, "cv-a.yaml", "06/01/2025")
    letter(root, "cv-b.yaml", "07/01/2025")
    letter(root, "cv-c.yaml", "08/01/2025", signer="pho-giam-doc")
    built = vanthu("build")
    assert built.exit_code == 0, built.output
    assert signers(root) == {"01/SNV-VP": HEAD, "02/SNV-VP": HEAD, "03/SNV-VP": "Lê Văn B"}
    return root


def test_a_new_head_leaves_issued_documents_and_their_rows_as_signed(issued: Path) -> None:
    root = issued
    before = {name: sha256(output(root, name)) for name in ("cv-a.docx", "cv-b.docx")}
    edit(root, PROFILE, HEAD, NEW_HEAD)
    refused = vanthu("build")
    assert refused.exit_code == 1
    text = refused.output
    for name, reference, day in (("cv-a", "01/SNV-VP", "06/01/2025"),
                                 ("cv-b", "02/SNV-VP", "07/01/2025")):
        message = next(line for line in text.splitlines() if f"inputs/2025/{name}.yaml" in line
                       and "người ký" in line)
        assert "trường 'nguoi_ky'" in message and "dòng" in message
        assert f"số {reference} ngày {day} đã vào sổ văn bản đi" in message
        assert f"“GIÁM ĐỐC / {HEAD}”" in message and f"“GIÁM ĐỐC / {NEW_HEAD}”" in message
        assert f"trong {PROFILE} khai người ký cũ" in message
        assert f"giam-doc-cu: ho_ten: {HEAD}" in message
        assert "rồi ghi nguoi_ky: giam-doc-cu trong tệp này" in message
        assert f"vanthu render --force inputs/2025/{name}.yaml" in message
    assert "cv-c.yaml" not in text  # the deputy's signature is unchanged
    assert {name: sha256(output(root, name)) for name in before} == before
    # --keep-going: the others are built, a new document takes the new head; the issued ones stay
    new = letter(root, "cv-d.yaml", "09/01/2025")
    draft = letter(root, "cv-e.yaml", "10/01/2025", so="")  # not numbered: not concerned
    going = vanthu("build", "--keep-going")
    assert going.exit_code == 1
    assert {name: sha256(output(root, name)) for name in before} == before
    assert signers(root) == {"01/SNV-VP": HEAD, "02/SNV-VP": HEAD, "03/SNV-VP": "Lê Văn B",
                             "04/SNV-VP": NEW_HEAD}
    for made in (new, draft):
        assert NEW_HEAD in paragraph_texts(output(root, made.with_suffix(".docx").name))
    assert HEAD in paragraph_texts(output(root, "cv-a.docx"))
    # still refused at the next build, and by check
    assert vanthu("build").exit_code == 1
    checked = vanthu("check", "inputs/2025/cv-a.yaml")
    assert checked.exit_code == 1 and "01/SNV-VP ngày 06/01/2025" in checked.output


def test_the_former_head_under_another_key_keeps_the_signature(issued: Path) -> None:
    root = issued
    before = sha256(output(root, "cv-a.docx"))
    edit(root, PROFILE, f"    ho_ten: {HEAD}\n    chuc_vu: Giám đốc\n",
         f"    ho_ten: {NEW_HEAD}\n    chuc_vu: Giám đốc\n"
         f"  giam-doc-cu:\n    ho_ten: {HEAD}\n    chuc_vu: Giám đốc\n")
    refused = vanthu("build")
    assert refused.exit_code == 1
    assert "ghi nguoi_ky: giam-doc-cu trong tệp này (hồ sơ cơ quan in người ký này" in (
        refused.output)
    for name in ("cv-a.yaml", "cv-b.yaml"):
        edit(root, f"inputs/2025/{name}", "nguoi_ky: giam-doc ", "nguoi_ky: giam-doc-cu ")
    built = vanthu("build")
    assert built.exit_code == 0, built.output
    assert sha256(output(root, "cv-a.docx")) == before  # as issued, byte for byte
    assert signers(root) == {"01/SNV-VP": HEAD, "02/SNV-VP": HEAD, "03/SNV-VP": "Lê Văn B"}


def test_render_force_corrects_a_misspelt_name_and_says_so(issued: Path) -> None:
    root = issued
    before = sha256(output(root, "cv-a.docx"))
    edit(root, PROFILE, HEAD, "Nguyễn Văn An")
    refused = vanthu("render", "inputs/2025/cv-a.yaml")
    assert refused.exit_code == 1
    assert "vanthu render --force inputs/2025/cv-a.yaml" in refused.output
    assert sha256(output(root, "cv-a.docx")) == before
    assert signers(root)["01/SNV-VP"] == HEAD
    forced = vanthu("render", "--force", "inputs/2025/cv-a.yaml")
    assert forced.exit_code == 0, forced.output
    assert ("inputs/2025/cv-a.yaml: sổ văn bản đi, số 01/SNV-VP: người ký sửa từ "
            f"“GIÁM ĐỐC / {HEAD}” thành “GIÁM ĐỐC / Nguyễn Văn An” (--force)") in forced.output
    assert "Nguyễn Văn An" in paragraph_texts(output(root, "cv-a.docx"))
    assert signers(root)["01/SNV-VP"] == "Nguyễn Văn An"
    # The other issued document is still the clerk's to decide; the corrected one is done.
    rest = vanthu("build", "--keep-going")
    assert "cv-a.yaml" not in rest.output.split("lỗi (")[-1]
    assert [line for line in rest.output.splitlines() if "người ký" in line
            and "đã vào sổ" in line and "cv-b.yaml" in line]
    assert not [line for line in rest.output.splitlines() if "đã vào sổ" in line
                and "cv-a.yaml" in line]


def test_a_changed_title_is_refused_too_in_english(issued: Path) -> None:
    root = issued
    edit(root, PROFILE, "chuc_vu: Phó Giám đốc", "chuc_vu: Phó Giám đốc Thường trực")
    refused = vanthu("build", lang="en")
    assert refused.exit_code == 1
    message = next(line for line in refused.output.splitlines() if "cv-c.yaml" in line
                   and "signed by" in line)
    assert ("number 03/SNV-VP of 08/01/2025 is in the register signed by “KT. GIÁM ĐỐC / PHÓ "
            "GIÁM ĐỐC / Lê Văn B”, and the document now prints “KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC "
            "THƯỜNG TRỰC / Lê Văn B” (nguoi_ky: pho-giam-doc)") in message
    assert "vanthu render --force inputs/2025/cv-c.yaml" in message
    assert "cv-a.yaml" not in refused.output  # the head's signature is unchanged


def test_a_typed_number_keeps_its_signer_too(root: Path) -> None:
    letter(root, "cv-typed.yaml", "06/01/2025", so="1")
    letter(root, "cv-a.yaml", "07/01/2025")
    built = vanthu("build")
    assert built.exit_code == 0, built.output
    assert signers(root) == {"01/SNV-VP": HEAD, "02/SNV-VP": HEAD}
    before = sha256(output(root, "cv-typed.docx"))
    edit(root, PROFILE, HEAD, NEW_HEAD)
    refused = vanthu("build", "--keep-going")
    assert refused.exit_code == 1
    assert "số 01/SNV-VP ngày 06/01/2025 đã vào sổ văn bản đi" in refused.output
    assert sha256(output(root, "cv-typed.docx")) == before
    assert signers(root)["01/SNV-VP"] == HEAD
    forced = vanthu("render", "--force", "inputs/2025/cv-typed.yaml")
    assert forced.exit_code == 0, forced.output
    assert "số 01/SNV-VP: người ký sửa từ" in forced.output
    assert signers(root)["01/SNV-VP"] == NEW_HEAD


def test_a_giay_khen_batch_waits_with_its_decision(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A Giấy khen batch prints its decision's number and signer: refused with the decision."""
    from tests.test_giay_khen import CERTIFICATE, DECISION, example_rows, workspace
    from tests.test_giay_khen_so import decision_of, output_of

    monkeypatch.delenv("VANTHU_DB", raising=False)
    batch = workspace(tmp_path, example_rows(), CERTIFICATE)
    decision = decision_of(batch)
    decision.write_text(re.sub(r"^so: .*$", "so: tu_dong", decision.read_text("utf-8"),
                               count=1, flags=re.M), "utf-8")
    monkeypatch.chdir(tmp_path)
    assert vanthu("build").exit_code == 0
    kept = {path: sha256(output_of(batch, path)) for path in (batch, decision_of(batch))}
    edit(tmp_path, "inputs/co-quan/ubnd-tinh-son-la.yaml", "Lê Hồng Minh", "Lò Văn Tâm")
    refused = vanthu("build", "--keep-going")
    assert refused.exit_code == 1
    assert f"inputs/2024/{DECISION.name}" in refused.output and "Lò Văn Tâm" in refused.output
    assert "không ghi vì văn bản cho số của nó" in refused.output
    assert {path: sha256(output_of(batch, path)) for path in kept} == kept
    alone = vanthu("render", "inputs/2024/giay-khen.yaml")
    assert alone.exit_code == 1
    assert (f"quyết định inputs/2024/{DECISION.name}, số 01/QĐ-UBND ngày 15/10/2024, mà Giấy "
            "khen in số và người ký") in alone.output
    assert f"vanthu check inputs/2024/{DECISION.name}" in alone.output
    # both corrected in one call: the decision first, then its batch
    both = vanthu("render", "--force", "inputs/2024/giay-khen.yaml",
                  f"inputs/2024/{DECISION.name}")
    assert both.exit_code == 0, both.output
    assert "người ký sửa từ" in both.output
    assert vanthu("build").exit_code == 0
