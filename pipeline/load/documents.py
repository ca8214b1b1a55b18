"""Load a document's YAML with everything it refers to, and check every reference."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.context.common import DocumentInfo
from pipeline.errors import InputError
from pipeline.i18n import t
from pipeline.kinds import KINDS, DocumentKind, kind_of
from pipeline.load.validation import validate
from pipeline.load.yaml_source import Source, load_yaml
from pipeline.model.agency import Agency
from pipeline.model.document import DocumentData, RecipientGroup
from pipeline.rules.doc_types import document_type

AGENCY_DIR = "co-quan"


@dataclass(frozen=True)
class LoadedDocument:
    """A valid document ready to render, and every file its output depends on."""

    path: Path
    kind: DocumentKind
    info: DocumentInfo
    files: tuple[Path, ...] = field(default=())


def _hint(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return t("data.did_you_mean", name=close[0]) if close else ""


def find_agency_file(ref: str, start: Path) -> Path | None:
    """co-quan/<ref>.yaml in the input's folder or the nearest folder above it."""
    for folder in [start.parent, *start.parent.parents]:
        candidate = folder / AGENCY_DIR / f"{ref}.yaml"
        if candidate.is_file():
            return candidate
    return None


def load_agency(ref: str, document: Source) -> tuple[Agency, Path]:
    """The agency profile a document names in `co_quan`."""
    path = find_agency_file(ref, document.path.resolve())
    if path is None:
        folder = document.path.resolve().parent
        known = sorted(
            p.stem
            for base in [folder, *folder.parents]
            if (base / AGENCY_DIR).is_dir()
            for p in (base / AGENCY_DIR).glob("*.yaml")
        )
        raise document.error(
            "data.unknown_agency",
            ("co_quan",),
            ref=ref,
            expected=f"{AGENCY_DIR}/{ref}.yaml",
            hint=_hint(ref, known),
        )
    source = load_yaml(path)
    return validate(Agency, source), path


def check_references(data: DocumentData, agency: Agency, source: Source, profile: Path) -> None:
    """Units, signer and recipient groups named by the document exist in the profile."""

    def missing(what: str, ref: str, loc: tuple[str | int, ...], known: list[str]) -> InputError:
        return source.error(
            "data.unknown_ref", loc, what=t(what), ref=ref, profile=profile.name,
            hint=_hint(ref, known),
        )  # fmt: skip

    if data.don_vi_soan_thao not in agency.don_vi:
        raise missing(
            "data.what_unit", data.don_vi_soan_thao, ("don_vi_soan_thao",), list(agency.don_vi)
        )
    if data.nguoi_ky not in agency.nguoi_ky:
        raise missing("data.what_signer", data.nguoi_ky, ("nguoi_ky",), list(agency.nguoi_ky))
    for index, recipient in enumerate(data.noi_nhan):
        if isinstance(recipient, RecipientGroup) and recipient.nhom not in agency.nhom_noi_nhan:
            raise missing(
                "data.what_group", recipient.nhom, ("noi_nhan", index, "nhom"),
                list(agency.nhom_noi_nhan),
            )  # fmt: skip


def load_document(path: Path) -> LoadedDocument:
    """Read, validate and resolve one document file; InputError on any problem."""
    return load_source(load_yaml(path))


def load_source(source: Source) -> LoadedDocument:
    """Validate and resolve a document file already parsed."""
    path = source.path
    code = source.data.get("loai")
    if code is None:
        raise source.error("data.missing_type", ("loai",))
    kind = kind_of(str(code))
    if kind is None:
        raise source.error(
            "data.unknown_type", ("loai",), value=code, known=", ".join(sorted(KINDS))
        )
    data = validate(kind.model, source)
    agency, profile = load_agency(data.co_quan, source)
    check_references(data, agency, source, profile)
    attachments, extra_files = kind.attach(data, source) if kind.attach else ({}, [])
    info = DocumentInfo(
        data=data, agency=agency, doc_type=document_type(kind.code), attachments=attachments
    )
    return LoadedDocument(path=path, kind=kind, info=info, files=(path, profile, *extra_files))
