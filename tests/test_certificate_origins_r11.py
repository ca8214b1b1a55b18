"""Giấy khen (r11, after b96c748): a shared field too long for the phôi names the file and line
its text is written at: the office's wording at its profile's cau_chu line, the batch's own at
the batch's cau_chu line, vanthu's default wording as vanthu's, the signer at its line in the
profile, the decision's thành tích at its line in the decision. The files are the loader's,
parsed once (CertificateAttachments.sources), not once per certificate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

import pipeline.load.documents as documents
from pipeline.cli import main
from pipeline.errors import InputError
from pipeline.load.attachments import CertificateAttachments
from pipeline.workspace import Workspace
from tests.test_certificate_room_r11b import (
    DATE_STYLE,
    LONG_WORDING,
    PROFILE,
    office_phoi,
    render,
    with_phrase,
)
from tests.test_giay_khen import CERTIFICATE, DECISION, batch_rows, example_rows, workspace
from tests.typed_docs import open_docx


def line_of(path: Path, start: str) -> int:
    """The line (from 1) of `path` that starts with `start`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(start))


def refusal(source: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        render(source)
    assert caught.value.key == "data.field_too_long"
    return caught.value


def test_the_offices_wording_is_refused_at_its_profile_line(tmp_path: Path) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    with_phrase(source, "giay_khen_quyet_dinh", LONG_WORDING)
    profile = tmp_path / PROFILE
    line = line_of(profile, "  giay_khen_quyet_dinh:")
    error = refusal(source)
    assert Path(error.file or "") == profile and error.line == line
    assert error.field == "cau_chu.giay_khen_quyet_dinh"
    vi, en = error.message("vi"), error.message("en")
    assert f"ubnd-tinh-son-la.yaml, dòng {line}, trường 'cau_chu.giay_khen_quyet_dinh'" in vi
    assert f"ubnd-tinh-son-la.yaml, line {line}, field 'cau_chu.giay_khen_quyet_dinh'" in en
    assert "(the wording giay_khen_quyet_dinh in the office's profile ubnd-tinh-son-la)" in en


def test_the_batchs_own_wording_is_refused_at_its_line(tmp_path: Path) -> None:
    certificate = f'{CERTIFICATE}cau_chu:\n  giay_khen_quyet_dinh: "{LONG_WORDING}"\n'
    source = workspace(tmp_path, example_rows(), certificate)
    error = refusal(source)
    assert Path(error.file or "") == source
    assert error.line == line_of(source, "  giay_khen_quyet_dinh:") == 5
    assert "giay-khen.yaml, line 5, field 'cau_chu.giay_khen_quyet_dinh'" in error.message("en")
    assert "(the batch's own wording giay_khen_quyet_dinh)" in error.message("en")


def test_vanthus_default_wording_names_no_file(tmp_path: Path) -> None:
    """The date field narrowed to 50 mm: vanthu's own "Sơn La, ngày ..." is written in no file
    of the workspace; it is said as vanthu's, to be set in the office's profile."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    office_phoi(tmp_path, DATE_STYLE, w=50)
    error = refusal(source)
    assert error.file is None and error.line is None and error.field == "cau_chu.giay_khen_ngay"
    en = error.message("en")
    assert en.startswith("field 'cau_chu.giay_khen_ngay': ")
    assert "(vanthu's default wording giay_khen_ngay)" in en
    assert "under cau_chu in the office's profile ubnd-tinh-son-la" in en


def test_the_signers_title_is_refused_at_its_line_in_the_profile(tmp_path: Path) -> None:
    """The signer's name moved up under its three title lines: room for two."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    office_phoi(tmp_path, "GiayKhenNguoiKy", y=162)
    profile = tmp_path / PROFILE
    error = refusal(source)
    assert Path(error.file or "") == profile
    assert error.line == line_of(profile, "    chuc_vu:")
    assert f"dòng {error.line}, trường 'nguoi_ky.pho-chu-tich.chuc_vu'" in error.message("vi")


def test_the_signers_name_is_refused_at_its_line_in_the_profile(tmp_path: Path) -> None:
    """The name's field narrowed to 20 mm, of its exact 8 mm height: the name needs two lines."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    phoi = office_phoi(tmp_path, "GiayKhenNguoiKy", w=20)
    doc = open_docx(phoi)
    for paragraph in doc.paragraphs:
        if paragraph.style.name == "GiayKhenNguoiKy":
            paragraph._p.pPr.find(qn("w:framePr")).set(qn("w:hRule"), "exact")
    doc.save(str(phoi))
    profile = tmp_path / PROFILE
    error = refusal(source)
    assert error.field == "nguoi_ky.pho-chu-tich.ho_ten"
    assert Path(error.file or "") == profile
    assert error.line == line_of(profile, "    ho_ten:")


def test_the_decisions_thanh_tich_is_refused_at_its_line(tmp_path: Path) -> None:
    """The date at 118 mm: one line of 13 pt for the decision's two-line thành tích."""
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    office_phoi(tmp_path, DATE_STYLE, y=118)
    decision = source.parent / DECISION.name
    error = refusal(source)
    assert Path(error.file or "") == decision
    assert error.line == line_of(decision, "  thanh_tich:")
    assert f"qd-bang-khen-ubnd-tinh.yaml, line {error.line}, field 'khen_thuong.thanh_tich'" \
        in error.message("en")


def test_build_names_the_batch_then_the_profile_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = workspace(tmp_path, example_rows(), CERTIFICATE)
    with_phrase(source, "giay_khen_quyet_dinh", LONG_WORDING)
    line = line_of(tmp_path / PROFILE, "  giay_khen_quyet_dinh:")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code != 0, result.output
    assert (
        f"inputs/2024/giay-khen.yaml: inputs/co-quan/ubnd-tinh-son-la.yaml, dòng {line}, "
        "trường 'cau_chu.giay_khen_quyet_dinh'"
    ) in result.output


def test_the_profile_is_the_loaders_parse_not_one_per_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two batches of 40 certificates of one office: the profile is parsed by the loader (for
    the office, for its lines) and no more, whatever the batches and their certificates."""
    source = workspace(tmp_path, batch_rows(40), CERTIFICATE)
    other = source.with_name("giay-khen-2.yaml")
    other.write_text(CERTIFICATE.replace("1201", "2001"), encoding="utf-8")
    profile = (tmp_path / PROFILE).resolve()
    parsed: list[Path] = []
    real = documents.load_yaml

    def counted(path: Path):
        if Path(path).resolve() == profile:
            parsed.append(path)
        return real(path)

    monkeypatch.setattr(documents, "load_yaml", counted)
    ws = Workspace.containing(source)
    loaded = [ws.load(source), ws.load(other)]
    sources = [doc.info.attachments.sources for doc in loaded]
    assert all(isinstance(doc.info.attachments, CertificateAttachments) for doc in loaded)
    assert sources[0] is not None and sources[1] is not None
    assert sources[0].profile is sources[1].profile is ws.loader.parse(profile)
    assert sources[0].batch.path == source and sources[1].batch.path == other
    assert sources[0].decision.path.name == DECISION.name
    assert len(parsed) <= 2, parsed  # the office validated, its Source kept: once each
