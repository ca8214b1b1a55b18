"""The agency profile is parsed once per loader: DocumentLoader.agency validates the office from
the loader's own parse (DocumentLoader.parse), so a Giấy khen batch, whose signers and wording
are read from the profile's lines too (certificates.profile_source), does not parse it again."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline.load.documents as documents
from pipeline.workspace import Workspace
from tests.test_certificate_room_r11b import PROFILE
from tests.test_giay_khen import CERTIFICATE, batch_rows, workspace


def test_a_batch_parses_its_office_profile_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One batch of 40 loaded: the profile is read once, and the Source the batch keeps for its
    lines is that parse."""
    source = workspace(tmp_path, batch_rows(40), CERTIFICATE)
    profile = (tmp_path / PROFILE).resolve()
    parsed: list[Path] = []
    real = documents.load_yaml

    def counted(path: Path):  # type: ignore[no-untyped-def]
        if Path(path).resolve() == profile:
            parsed.append(path)
        return real(path)

    monkeypatch.setattr(documents, "load_yaml", counted)
    ws = Workspace.containing(source)
    loaded = ws.load(source)
    sources = loaded.info.attachments.sources  # type: ignore[union-attr]
    assert sources is not None and sources.profile is ws.loader.parse(profile)
    assert len(parsed) == 1, parsed


def test_an_edited_profile_is_validated_again(tmp_path: Path) -> None:
    """The office kept by the loader follows its file: edited, it is read and validated anew."""
    source = workspace(tmp_path, batch_rows(40), CERTIFICATE)
    ws = Workspace.containing(source)
    batch, office = ws.loader.parse(source), PROFILE.stem
    first, path = ws.loader.agency(office, batch)
    assert ws.loader.agency(office, batch)[0] is first
    path.write_text("# edited\n" + path.read_text("utf-8"), "utf-8")
    again, _ = ws.loader.agency(office, batch)
    assert again is not first and again == first
