"""Commented starter data files (vanthu new): they render as they are, then the clerk edits them."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path
from string import Template
from typing import Any

from pipeline.errors import InputError
from pipeline.i18n import current_language, t
from pipeline.load.yaml_source import load_yaml
from pipeline.render.output import write_atomic
from pipeline.rules.agency_names import TWO_LEVELS_SINCE
from pipeline.starters.levels import gone_level
from pipeline.starters.office import dated_starter, decree_basis, office_words, starter_date
from pipeline.workspace import Workspace
from pipeline.workspace.core import SAMPLE_AGENCY

STARTER_AGENCY = SAMPLE_AGENCY
# Files a starter refers to, written beside it when they are not there yet.
COMPANIONS: dict[str, tuple[str, ...]] = {
    "ke-hoach": (),
    "quyet-dinh": ("danh-sach-khen-thuong.csv",),
    "quyet-dinh-chung": (),
    "quyet-dinh-quy-che": (),
    "to-trinh": (),
    "cong-van": (),
    "giay-moi": (),
    "thong-bao": (),
    "bien-ban": (),
    # A batch of certificates prints an award decision's list: the decision's starter and its list.
    "giay-khen": ("quyet-dinh-giay-khen.yaml", "danh-sach-giay-khen.csv"),
}
STARTERS = tuple(COMPANIONS)


def shipped_text(package: str, name: str, lang: str | None = None) -> str:
    """The text of a file shipped with vanthu in `package`, in `lang` (the current language when
    None): in English, the file's .en twin beside it where there is one ("ke-hoach.en.yaml",
    "README-van-thu.en.md"), else the file itself, whose words are Vietnamese."""
    folder = resources.files(package)
    if (lang or current_language()) == "en":
        stem, dot, suffix = name.rpartition(".")
        english = folder.joinpath(f"{stem}.en.{suffix}" if dot else f"{name}.en")
        if english.is_file():
            return english.read_text("utf-8")
    return folder.joinpath(name).read_text("utf-8")


def read_starter(name: str, lang: str | None = None) -> str:
    """The text of a starter file shipped with vanthu, its comments in `lang` (shipped_text: an
    English twin has the same keys and values, they are data; only the comments differ)."""
    return shipped_text("pipeline.starters", name, lang)


def fills_starters(profile: Any) -> bool:
    """Whether a profile's data can fill a starter: it has a unit and a signer (don_vi,
    nguoi_ky). `vanthu new` fills its starters for the first such profile of the workspace."""
    return isinstance(profile, dict) and bool(profile.get("don_vi")) and bool(
        profile.get("nguoi_ky")
    )


def _existing_agency(workspace: Workspace) -> tuple[str, str, str, dict[str, Any]] | None:
    """(profile id, first unit, first signer, profile) of the workspace's first usable profile
    (fills_starters)."""
    for ref in workspace.agency_ids():
        path = workspace.agency_file(ref)
        data = load_yaml(path).data if path else {}
        if fills_starters(data):
            return ref, next(iter(data["don_vi"])), next(iter(data["nguoi_ky"])), data
    return None


def starter_text(
    kind: str,
    agency: str,
    unit: str,
    signer: str,
    today: date,
    profile: Mapping[str, Any] | None = None,
    *,
    lang: str | None = None,
) -> str:
    """The starter of `kind` filled for an agency (its profile gives the office's own words:
    thẩm quyền, đề nghị, nơi nhận ...), dated in `today`'s year, commented in `lang`."""
    return filled_starter(read_starter(f"{kind}.yaml", lang), agency, unit, signer, today,
                          profile)  # fmt: skip


def filled_starter(
    text: str,
    agency: str,
    unit: str,
    signer: str,
    today: date,
    profile: Mapping[str, Any] | None = None,
) -> str:
    """A starter's text (read_starter) filled as starter_text fills it: for a caller that also
    reads its date (starter_date) and so reads the file once."""
    words = office_words(profile or {}, unit, signer)
    basis = decree_basis(starter_date(text, today)) if "$nghi_dinh" in text else ""
    text = dated_starter(text, today)
    return Template(text).substitute(
        co_quan=agency, don_vi=unit, nguoi_ky=signer, nam=today.year, nam_truoc=today.year - 1,
        nghi_dinh=basis, **words, **_chair(profile or {}, signer),
    )  # fmt: skip


def _chair(profile: Mapping[str, Any], signer: str) -> dict[str, str]:
    """The signer's name and title, as a Biên bản's starter lists its chủ tọa among those
    present (quoted for YAML)."""
    entry = (profile.get("nguoi_ky") or {}).get(signer) or {}
    name = " ".join(str(entry.get("ho_ten") or "Nguyễn Văn A").split())
    title = entry.get("chuc_vu") or "Thủ trưởng cơ quan"
    lines = title if isinstance(title, list) else str(title).splitlines()
    title = ", ".join(" ".join(str(line).split()) for line in lines if str(line).strip())
    return {"chu_toa_ho_ten": _scalar(name), "chu_toa_chuc_vu": _scalar(title)}


def _scalar(text: str) -> str:
    """`text` as a YAML value: as it is when YAML reads it back as written, quoted otherwise."""
    plain = text[:1].isalpha() and not any(mark in text for mark in (":", "#", '"', "'"))
    return text if plain else json.dumps(text, ensure_ascii=False)


def list_text(name: str, profile: Mapping[str, Any], unit: str) -> str:
    """A starter's spreadsheet (.csv) with the office's own unit in its Đơn vị column."""
    entry = (profile.get("don_vi") or {}).get(unit) or {}
    unit_name = " ".join(str(entry.get("ten") or "Văn phòng").split())
    if any(mark in unit_name for mark in ',"'):
        unit_name = '"' + unit_name.replace('"', '""') + '"'
    return Template(read_starter(name)).substitute(ten_don_vi=unit_name)


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class NewStarter:
    """What `vanthu new` wrote (the document last), and notes of the date it chose and why."""

    paths: list[Path]
    notes: tuple[str, ...] = ()


def write_starter(
    kind: str, output: Path | None, *, force: bool = False, today: date | None = None
) -> list[Path]:
    """Write the starter for `kind` (and its companions, a starter agency profile); the files
    written, the document last (make_starter, without its notes)."""
    return make_starter(kind, output, force=force, today=today).paths


def year_folder(workspace: Workspace, target: Path) -> int | None:
    """The year of the year folder (inputs/2025/...) `target` is in, None when it is in none:
    the year its output is filed under and its date is checked against (check_year_folder)."""
    folder = workspace.output_name(target, 0).parts[0]  # 0: the year of a file in none
    return int(folder) if folder != "0" else None


def document_day(profile: Mapping[str, Any], folder: int | None, today: date) -> date:
    """The day a new document is made for (starter_date dates it in that day's year, a working
    day no later than it): today; in a year folder of another year than today's (inputs/2025/
    in 2026), the last day of that year, so that it is dated and numbered in its folder's year
    rather than warned at once by check for being outside it; and for an office of a level
    gone from 01/07/2025 (a UBND huyện, a phòng of one) no later than 30/06/2025, the day
    `vanthu init` dates its starter for too (with no folder)."""
    day = _folder_day(folder, today)
    if gone_level(profile) is None or day < TWO_LEVELS_SINCE:
        return day
    return TWO_LEVELS_SINCE - timedelta(days=1)


def _folder_day(folder: int | None, today: date) -> date:
    """Today, or the last day of the year folder's year when that is another year."""
    return today if folder in (None, today.year) else date(folder, 12, 31)


def _day_notes(
    starter: str, profile: Mapping[str, Any], folder: int | None, today: date
) -> tuple[str, ...]:
    """Why a new document of the starter whose text is `starter` is not dated in today's year
    (document_day), with the date it bears: its office's level gone from 01/07/2025 (and, in a
    folder of a later year, the folder to move it to), or its folder's year; none when it is
    dated as usual."""
    day, in_folder = document_day(profile, folder, today), _folder_day(folder, today)
    dated = f"{starter_date(starter, day):%d/%m/%Y}"
    gone = gone_level(profile)
    if day != in_folder and gone is not None:
        where = (t("ws.new_folder_after_level", folder=folder, year=day.year)
                 if folder is not None and folder > day.year else "")  # fmt: skip
        # The present office's kind as the caller gives it: `vanthu new` says it as flags.
        # Imported here: a build imports this package (starters.levels) and never says it;
        # its dataclasses cost 10.5 M instructions of every build (callgrind).
        from pipeline.workspace.parameters import PRESENT_OFFICE, Note

        return (Note("ws.new_before_two_levels", None, name=gone[0], level=gone[1], date=dated,
                     year=day.year, where=where, present=PRESENT_OFFICE),)  # fmt: skip
    if day != today:
        return (t("ws.new_in_folder_year", date=dated, year=day.year),)
    return ()


def make_starter(
    kind: str,
    output: Path | None,
    *,
    force: bool = False,
    today: date | None = None,
    lang: str | None = None,
) -> NewStarter:
    """Write the starter for `kind` (and, in a workspace without one, a starter agency profile;
    outside any workspace the shipped sample profile serves: no office folder beside it),
    dated as document_day says, with the notes that say why when that is not today; its
    comments in `lang` (the current language when None)."""
    target = output or Path(f"{kind}.yaml")
    if target.suffix.lower() != ".yaml":  # cv.docx: YAML in a file Word would fail to open
        raise InputError("cli.new_not_yaml", path=target)
    if target.exists() and not force:
        raise InputError("cli.exists", path=target)
    written: list[Path] = []
    workspace = Workspace.containing(target)
    found = _existing_agency(workspace)
    if found is None:
        profile = workspace.agency_file(STARTER_AGENCY)
        if profile is None:
            profile = workspace.agency_dir / f"{STARTER_AGENCY}.yaml"
            write_atomic(profile, read_starter(f"{STARTER_AGENCY}.yaml", lang).encode("utf-8"))
            written.append(profile)
        sample = load_yaml(profile).data
        found = (STARTER_AGENCY, "VP", "thu-truong", sample if isinstance(sample, dict) else {})
    agency, unit, signer, data = found
    today = today or date.today()
    folder = year_folder(workspace, target)
    day = document_day(data, folder, today)
    starter = read_starter(f"{kind}.yaml", lang)  # once: filled, and its date said in a note
    text = filled_starter(starter, agency, unit, signer, day, data)
    for companion in COMPANIONS[kind]:
        path = target.parent / companion
        if not path.exists():
            if companion.endswith(".yaml"):  # another starter, filled for the same agency
                companion_text = starter_text(Path(companion).stem, agency, unit, signer, day,
                                              data, lang=lang)  # fmt: skip
                content = companion_text.encode("utf-8")
            else:
                content = list_text(companion, data, unit).encode("utf-8-sig")
            write_atomic(path, content)
            written.append(path)
    write_atomic(target, text.encode("utf-8"))
    written.append(target)
    return NewStarter(written, _day_notes(starter, data, folder, today))


def outside_workspace(target: Path) -> bool:
    """Whether `target` lies in no workspace: its starter names the sample office whose
    profile ships with vanthu, and the clerk is told how to make the office's own."""
    return Workspace.containing(target).is_bare
