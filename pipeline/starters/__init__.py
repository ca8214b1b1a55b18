"""Commented starter data files (vanthu new): they render as they are, then the clerk edits them."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from string import Template

from pipeline.errors import InputError
from pipeline.load.documents import AGENCY_DIR
from pipeline.load.yaml_source import load_yaml
from pipeline.render.output import write_atomic

STARTER_AGENCY = "co-quan-mau"
# Files a starter refers to, written beside it when they are not there yet.
COMPANIONS = {"ke-hoach": (), "quyet-dinh": ("danh-sach-khen-thuong.csv",)}
STARTERS = tuple(COMPANIONS)


def _read(name: str) -> str:
    return resources.files("pipeline.starters").joinpath(name).read_text("utf-8")


def _existing_agency(folder: Path) -> tuple[str, str, str] | None:
    """(profile id, first unit, first signer) of the first profile above `folder`, if any."""
    for base in [folder, *folder.parents]:
        for profile in sorted((base / AGENCY_DIR).glob("*.yaml")):
            data = load_yaml(profile).data
            units, signers = list(data.get("don_vi") or {}), list(data.get("nguoi_ky") or {})
            if units and signers:
                return profile.stem, units[0], signers[0]
    return None


def write_starter(kind: str, output: Path | None, *, force: bool = False) -> list[Path]:
    """Write the starter for `kind` (and a starter agency profile when none is found)."""
    target = output or Path(f"{kind}.yaml")
    if target.exists() and not force:
        raise InputError("cli.exists", path=target)
    written: list[Path] = []
    found = _existing_agency(target.resolve().parent)
    if found is None:
        profile = target.parent / AGENCY_DIR / f"{STARTER_AGENCY}.yaml"
        if not profile.exists():
            write_atomic(profile, _read(f"{STARTER_AGENCY}.yaml").encode("utf-8"))
            written.append(profile)
        found = (STARTER_AGENCY, "VP", "thu-truong")
    agency, unit, signer = found
    text = Template(_read(f"{kind}.yaml")).substitute(co_quan=agency, don_vi=unit, nguoi_ky=signer)
    for companion in COMPANIONS[kind]:
        path = target.parent / companion
        if not path.exists():
            write_atomic(path, _read(companion).encode("utf-8-sig"))
            written.append(path)
    write_atomic(target, text.encode("utf-8"))
    written.append(target)
    return written
