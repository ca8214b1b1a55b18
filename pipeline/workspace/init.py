"""`vanthu init`: a new office's workspace — settings, agency profile, a starter, a README.

The presets (kieu-co-quan.yaml beside this module) give each common kind of office the way it
usually signs (TM./KT.) and its usual recipient groups; the clerk's answers fill in the rest.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template
from typing import Any

from ruamel.yaml import YAML

from pipeline.context.common import header_holds_date_line
from pipeline.errors import InputError
from pipeline.i18n import current_language, t
from pipeline.load.locations import AGENCY_DIR
from pipeline.render.header_texts import WIDEST_DATE
from pipeline.render.output import write_atomic
from pipeline.rules.agency_names import (
    COMMUNE_LEVELS,
    ORGAN_ABBREVIATIONS,
    full_agency_name,
    leading_abbreviation,
    name_parts,
    names_itself,
    organ_length,
    place_in_name,
    running_text_name,
)
from pipeline.rules.dates import date_line
from pipeline.starters import document_day, filled_starter, gone_level, read_starter, shipped_text
from pipeline.starters.office import name_place, starter_date
from pipeline.text.normalize import nfc, slug
from pipeline.text.tones import same_spelling
from pipeline.workspace.answer_checks import abbreviation as checked_abbreviation
from pipeline.workspace.answer_checks import (
    refuse_legacy_answer,
    refuse_letterless,
    refuse_place_level,
    refuse_unprintable,
)
from pipeline.workspace.answer_checks import refuse_other_kinds_name as refuse_name_of_kind
from pipeline.workspace.config import (
    CONFIG_FILE,
    DATA_DIR,
    OUTPUT_DIR,
    TEMPLATE_DIR,
    identity_line,
)
from pipeline.workspace.core import PathLike, as_path
from pipeline.workspace.header_name import frame_styles, header_lines
from pipeline.workspace.parameters import (
    PRESENT_OFFICE,
    TYPED_ANSWERS,
    Hint,
    Note,
    Parameter,
    Parameters,
)
from pipeline.workspace.places import (
    Place,
    date_place,
    is_central_city,
    keeps_level,
    read_place,
    with_level,
)
from pipeline.workspace.presets import (
    PERSONAL_SUFFIX,
    PRESET_ONLY_KEYS,
    chief_levels,
    for_level,
    for_name,
    kinds_for_chief_level,
    level_names,
    levels,
    needed_answers,
    place_body,
    presets,
    under_central_city,
)

STARTER_KIND = "ke-hoach"


@dataclass(frozen=True)
class OfficeAnswers:
    """What `vanthu init` asks about the office (or takes from its flags)."""

    kieu: str  # a preset name
    dia_danh: str  # Sơn La
    nguoi_ky: str  # the head's name: Nguyễn Văn A
    ten_co_quan: str | None = None  # header line; presets of named bodies give it
    ten_day_du: str | None = None  # in running text
    co_quan_chu_quan: str | None = None  # "" for none; None: the preset's
    viet_tat: str | None = None
    pho: str | None = None  # a deputy who signs KT.


@dataclass(frozen=True)
class NewWorkspace:
    """What `init` wrote: the folder, the agency id and name, the starter document; warnings
    of answers likely wrong, notes of what init chose and why."""

    root: Path
    agency: str
    agency_name: str
    document: Path
    files: tuple[Path, ...]
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def _fill(value: Any, names: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**names)
    if isinstance(value, dict):
        return {k: _fill(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, names) for v in value]
    return value


def _lines_or_line(lines: list[str]) -> str | list[str]:
    """A header name as the profile writes it: one line as text, several as a list."""
    return lines[0] if len(lines) == 1 else lines


def _proper(name: str) -> str:
    """A place or person's name typed all in small letters ("sơn la", "hà văn giang") with each
    word capitalised, as Vietnamese writes them; a name with any capital stays as typed."""
    if name != name.lower():
        return name
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


def _clean(text: str) -> str:
    """An answer as it belongs in a profile: NFC, one space between words, none at the ends."""
    return " ".join(nfc(text).split())


def refuse_legacy_answers(answers: OfficeAnswers) -> None:
    """An answer typed or pasted in TCVN3 or VNI ("S¬n La") is refused
    (answer_checks.refuse_legacy_answer), the answers checked in TYPED_ANSWERS' order."""
    for name in TYPED_ANSWERS:
        refuse_legacy_answer(name, getattr(answers, name))


def refuse_unprintable_answers(answers: OfficeAnswers) -> None:
    """An answer with a character no document may print is refused
    (answer_checks.refuse_unprintable), in TYPED_ANSWERS' order."""
    for name in TYPED_ANSWERS:
        refuse_unprintable(name, getattr(answers, name))


def refuse_letterless_answers(answers: OfficeAnswers) -> None:
    """A place or a name with no letter ("...", "123") is refused
    (answer_checks.refuse_letterless)."""
    for name in TYPED_ANSWERS:
        refuse_letterless(name, getattr(answers, name))


# Who a preset's signer is (its `nguoi:`): the person of --nguoi-ky or of --pho. Without it,
# the first signer is the head and the second the deputy.
_PEOPLE = ("nguoi-ky", "pho")


def _signers(preset_signers: dict[str, Any], answers: OfficeAnswers) -> dict[str, Any]:
    """The profile's signers: each of the preset's for the person it names, if answered.

    A UBND or a council signs two ways (Nghị định 30/2020, Phụ lục I, ô 7a): TM. for the
    collective body's decisions, without TM. for those in its head's own authority; the head and
    the deputy each get a signer for both.
    """
    people = {"nguoi-ky": _proper(_clean(answers.nguoi_ky)),
              "pho": _proper(_clean(answers.pho or ""))}  # fmt: skip
    written: dict[str, Any] = {}
    for n, (key, signer) in enumerate(preset_signers.items()):
        who = signer.get("nguoi") or (_PEOPLE[n] if n < len(_PEOPLE) else "")
        person = people.get(who, "")
        if person:
            fields = {k: v for k, v in signer.items() if v and k != "nguoi"}
            written[key] = {"ho_ten": person, **fields}
    return written


def _one_line(name: str | None) -> str:
    """A name as one line in capitals: NFC, its "|" line breaks and extra spaces gone."""
    return " ".join(nfc(name or "").replace("|", " ").upper().split())


# A name opening with these words may be a field's ("xã hội") as well as a xã's.
_FIELD_XA_HOI = same_spelling("xã hội")


def _place_only(ten_co_quan: str | None) -> tuple[str, str] | None:
    """The level and place of a name that is nothing else ("XÃ CHIỀNG MUNG": the clerk named
    the commune, not its Ủy ban), read as a body's name holding it would be; None for any other
    name, and for one opening "XÃ HỘI", the words of a field too: the body's name says which
    ("ỦY BAN NHÂN DÂN XÃ HỘI AN", "PHÒNG VĂN HÓA - XÃ HỘI")."""
    name = _one_line(ten_co_quan)
    if same_spelling(name).startswith(_FIELD_XA_HOI):
        return None
    found = place_in_name(f"{ORGAN_ABBREVIATIONS['UBND']} {name}") if name else None
    if found is None or f"{found[0]} {found[1]}".casefold() != name.casefold():
        return None
    return found


def default_place(
    ten_co_quan: str | None, chu_quan: str | None = None, ten_day_du: str | None = None
) -> str | None:
    """Địa danh a name gives: the place it holds ("... XÃ CHIỀNG MUNG" → "Chiềng Mung"), the
    one the date line of a xã's documents carries, also when the name is the place's alone
    ("XÃ CHIỀNG MUNG"); else the one place its name in running text holds ("Ủy ban nhân dân
    thành phố Hà Nội" → "Hà Nội"); else the place its chủ quản's name holds (a phòng of "ỦY BAN
    NHÂN DÂN HUYỆN MAI SƠN" dates its documents "Mai Sơn"), or is ("TỈNH SƠN LA"); None when
    none holds one."""
    found = (name_place(ten_co_quan) or _place_only(ten_co_quan) or _only_place(ten_day_du)
             or name_place(chu_quan) or _place_only(chu_quan))  # fmt: skip
    if found is None:
        return None
    # "ỦY BAN NHÂN DÂN PHƯỜNG 1" dates its documents "Phường 1", not "1" (places.keeps_level).
    level, place = found
    return with_level(level, place) if keeps_level(place) else place


def _only_place(name: str | None) -> tuple[str, str] | None:
    """The level and place of a name in running text that holds one place ("Sở Tư pháp tỉnh
    Lào Cai"), as name_place reads it; None for one holding none, or several ("Ủy ban nhân
    dân xã Chiềng Mung, tỉnh Sơn La": which is the date line's is not said).

    Stricter than name_place (its last place) on purpose: this is read when the clerk typed no
    header name, for the place of the date line and the level of the header init writes; of
    several places a guess could be wrong in both. The profile's readers (starters.office
    stated_level) then read that header, which states the one found."""
    words = _one_line(name).split()
    parts = name_parts(words)
    places = [part for part in parts if part.role == "place"]
    return name_place(name) if len(places) == 1 else None


def place_warnings(answers: OfficeAnswers) -> list[str]:
    """What to tell the clerk about the place answered: a body of a xã, phường or đặc khu
    writes its own name on the date line (Nghị định 30/2020, Phụ lục I, mục II.4), so a
    --dia-danh other than the one in --co-quan is likely a slip ("Sơn La" for xã Chiềng Mung)."""
    typed = read_place(answers.dia_danh)
    warnings = []
    if typed.level is not None and not keeps_level(typed.name):
        # The level word typed was left out of the date line: say so, and how to keep it for
        # a unit named after a person or an event, which init cannot tell from the name.
        warnings.append(t("ws.place_level_dropped", typed=_clean(answers.dia_danh),
                          place=typed.name, level=typed.level,
                          full=with_level(typed.level, typed.name)))  # fmt: skip
    found = name_place(_issuing_name(answers))
    dia_danh = typed.name
    if not found or not dia_danh or tuple(found[0].split()) not in COMMUNE_LEVELS:
        return warnings
    level, place = found
    if dia_danh.casefold() == place.casefold():
        return warnings
    return [*warnings, t("ws.place_not_commune", place=dia_danh, level=level, commune=place)]


def _typed_name(answers: OfficeAnswers) -> str:
    """--co-quan as the header prints it: NFC, in capitals, an abbreviation it starts with
    written in full ("UBND XÃ CHIỀNG MUNG" → "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG"): Nghị định
    30/2020, Phụ lục I, ô 2 lets only the cơ quan chủ quản's name shorten UBND, HĐND ...; the
    issuing agency's own is its full name, in the header and in running text alike."""
    return full_agency_name(nfc(answers.ten_co_quan or "").upper())


def _place_body_name(answers: OfficeAnswers) -> str | None:
    """The issuing body's name for a --co-quan that names only its place ("XÃ CHIỀNG MUNG" →
    "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG") when the preset is a place's own body (a UBND): the
    header names the body that issues, never the place alone. None for any other answer."""
    preset = presets().get(answers.kieu)
    body = place_body(preset) if preset else None
    if body is None or _place_only(answers.ten_co_quan) is None:
        return None
    return f"{body} {_one_line(answers.ten_co_quan)}"


def _header_at_level(preset: dict[str, Any], template: Any, level: str) -> Any:
    """A place's body's name template ("ỦY BAN NHÂN DÂN TỈNH {DIA_DANH}", "Ủy ban nhân dân
    tỉnh {dia_danh}", spelling the preset's first level) at the level of place its office is of
    (`level`, from the name in running text when no header name is typed, or from the place:
    "... THÀNH PHỐ {DIA_DANH}")."""
    known = levels(preset)
    if not known or level == known[0] or level not in known or not isinstance(template, str):
        return template
    for first, other in ((known[0].upper(), level.upper()), (known[0], level)):
        template = template.replace(f" {first} {{", f" {other} {{", 1)
    return template


def _issuing_name(answers: OfficeAnswers) -> str:
    """--co-quan as the profile holds it: _typed_name, or the place's body's name
    (_place_body_name) for a name that is only a place's."""
    return _place_body_name(answers) or _typed_name(answers)


def name_warnings(answers: OfficeAnswers) -> list[str]:
    """What to tell the clerk about the name answered: an abbreviation at its start was written
    in full (_typed_name), or a place's name was made its body's (_place_body_name), so the
    profile differs from what was typed."""
    typed = _one_line(answers.ten_co_quan)
    body_name = _place_body_name(answers)
    place = _place_only(answers.ten_co_quan)
    if body_name is not None and place is not None:
        body = running_text_name(place_body(presets()[answers.kieu]) or "")
        return [t("ws.name_is_place", typed=typed, level=place[0],
                  place=place[1], kieu=answers.kieu, body=body, full=body_name)]  # fmt: skip
    found = leading_abbreviation(typed)
    if found is None:
        return []
    full = " ".join(_typed_name(answers).replace("|", " ").split())
    return [t("ws.name_expanded", typed=typed, abbreviation=found[0],
              words=found[1], full=full)]  # fmt: skip


# The placeholders of a preset that its chủ quản fills (presets.CHIEF_LEVELS_KEY).
_CHIEF_PLACEHOLDERS = re.compile(r"\{(?:cap|CAP|dia_ban|chu_quan)\}")


def _own_level(answers: OfficeAnswers, preset: dict[str, Any]) -> tuple[str, str] | None:
    """The level and place the office's own name states (--ten-day-du, else --co-quan) when
    the preset's chủ quản may be of that level: "Hội đồng Thi đua - Khen thưởng huyện Mai Sơn"
    is the council of the UBND huyện Mai Sơn. None when neither states one it is for."""
    for name in (answers.ten_day_du, _issuing_name(answers)):
        found = name_place(name)
        if found is not None and found[0] in chief_levels(preset):
            return found
    return None


def _chief_name(
    answers: OfficeAnswers, preset: dict[str, Any], dia_danh: str, level: str | None = None
) -> str:
    """The cơ quan chủ quản whose level a preset's names take, as one line in capitals: the one
    answered, else the preset's own ("UBND {CAP} {DIA_BAN}") of the level and place the
    office's name states (_own_level), or of the place's `level` (_place_level: "tỉnh Sơn La",
    "Đà Nẵng", a city of the country's) or the preset's first and the place ("UBND TỈNH SƠN
    LA": a Sở whose header prints none is still a province's); "" when neither names one."""
    if _one_line(answers.co_quan_chu_quan):
        return _one_line(answers.co_quan_chu_quan)
    template = str(preset.get("co_quan_chu_quan") or "")
    known = chief_levels(preset)
    level, place = _own_level(answers, preset) or (level or (known[0] if known else ""), dia_danh)
    return _one_line(template.format(dia_danh=dia_danh, DIA_DANH=dia_danh.upper(),
                                     CAP=level.upper(), DIA_BAN=place.upper()))  # fmt: skip


def _without_level(name: str, level: str) -> str:
    """A name in running text without the level word it ends with when that is `level`: the
    "{ten_ngan} {cap} {dia_ban}" of "Thanh tra tỉnh" is "Thanh tra tỉnh Sơn La", once "tỉnh"."""
    words, size = name.split(), len(level.split())
    ending = " ".join(words[-size:]) if 0 < size < len(words) else ""
    if not ending or same_spelling(ending) != same_spelling(level):
        return name
    return " ".join(words[:-size])


def _chief_is_central_city(chief: str | None) -> bool:
    """Whether the chủ quản answered is a thành phố trực thuộc Trung ương: after the organ's
    name, if any, a place answered would be read as one of them, "thành phố" or no level before
    it ("ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI", "UBND TP. HỒ CHÍ MINH", "THÀNH PHỐ HUẾ")."""
    words = full_agency_name(_one_line(chief)).split()
    place = read_place(" ".join(words[organ_length(words) :]))
    return place.level in (None, "thành phố") and is_central_city(place.name)


def _takes_chief_level(preset: dict[str, Any], own_name: bool) -> bool:
    """Whether what the profile and the starters print of a preset takes the chủ quản's level
    or place: its names ({ten_ngan} {cap} {dia_ban}) when `own_name` (the clerk gave no
    running-text name and the typed one holds no place), its groups or words ({chu_quan})."""
    # Its co_quan_chu_quan is the chủ quản itself: what the level is read from, not a use.
    used = [value for key, value in preset.items()
            if key not in ("mo_ta", "co_quan_chu_quan") and (key != "ten_day_du" or own_name)]
    return bool(_CHIEF_PLACEHOLDERS.search(str(used)))


def chief_names(
    answers: OfficeAnswers, preset: dict[str, Any], dia_danh: str, *, needed: bool,
    level: str | None = None,
) -> dict[str, str]:
    """{cap}, {CAP}, {dia_ban}, {chu_quan} of a preset whose office belongs to a chủ quản of a
    level it lists (cap_chu_quan: a Sở's UBND tỉnh, a phòng's UBND xã or huyện): the level and
    place the chủ quản's name states, never guessed ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO" of "ỦY BAN
    NHÂN DÂN HUYỆN MAI SƠN" is the Phòng ... huyện Mai Sơn, not tỉnh). When they are `needed`,
    a chủ quản missing, stating no level or one the preset is not for is refused, naming the
    kinds that are for it. `level`: the level the place answered gives (_place_level)."""
    known = chief_levels(preset)
    chief = _chief_name(answers, preset, dia_danh, level)
    found = name_place(chief)
    example = f"{ORGAN_ABBREVIATIONS['UBND']} {known[0].upper()} ..."
    if needed and not chief:
        _refuse_no_chief(answers.kieu, known)
    if needed and found is None:
        _refuse_place_for_chief(answers.kieu, chief, known)
        raise InputError("ws.chief_level_unknown", chu_quan=chief, kieu=answers.kieu,
                         levels=", ".join(known),
                         example=Parameter("co_quan_chu_quan", example))  # fmt: skip
    if needed and found is not None and found[0] not in known:
        others = [kind for kind in kinds_for_chief_level(found[0]) if kind != answers.kieu]
        kinds = Parameters(tuple(Parameter("kieu", kind) for kind in others))
        hint = Hint("ws.chief_other_kinds", {"kinds": kinds}) if others else ""
        raise InputError("ws.chief_level_unfit", chu_quan=chief, level=found[0],
                         kieu=answers.kieu, levels=", ".join(known), hint=hint,
                         ten_day_du=Parameter("ten_day_du"))  # fmt: skip
    if found is None or found[0] not in known:
        found = (level if level in known else known[0], dia_danh)
    level, place = found
    # {chu_quan} is a recipient line (cấp trên): written in full, as Nơi nhận names bodies.
    return {"cap": level, "CAP": level.upper(), "dia_ban": place, "DIA_BAN": place.upper(),
            "chu_quan": running_text_name(full_agency_name(chief))}  # fmt: skip


def _refuse_place_for_chief(kind: str, chief: str, known: tuple[str, ...]) -> None:
    """A chủ quản answered as a place alone ("TỈNH SƠN LA"), for a preset whose office takes
    its level from its chủ quản: refused, the body whose place it is not guessed (the header's
    upper line names the direct parent body: "UBND TỈNH SƠN LA" above "SỞ NỘI VỤ"), with an
    example at that place."""
    stated = _place_only(chief)
    if stated is None:
        return
    level = stated[0] if stated[0] in known else known[0]
    example = f"{ORGAN_ABBREVIATIONS['UBND']} {level.upper()} {stated[1].upper()}"
    raise InputError("ws.chief_place_only", chu_quan=chief, kieu=kind,
                     example=Parameter("co_quan_chu_quan", example))  # fmt: skip


def _refuse_no_chief(kind: str, known: tuple[str, ...]) -> None:
    """A preset whose office takes its level from its chủ quản, and none answered: refused,
    with an example of one."""
    example = f"{ORGAN_ABBREVIATIONS['UBND']} {known[0].upper()} ..."
    raise InputError("ws.chief_missing", kieu=kind, levels=", ".join(known),
                     example=Parameter("co_quan_chu_quan", example))  # fmt: skip


def refuse_other_kinds_name(answers: OfficeAnswers, name: str) -> None:
    """An issuing agency's name that is another kind of office's ("PHÒNG ...": a phòng; "SỞ
    ..." for a ubnd-tinh) is refused for this preset (answer_checks.refuse_other_kinds_name)."""
    refuse_name_of_kind(answers.kieu, name)


def _place_level(preset: dict[str, Any], place: Place) -> str | None:
    """The level of the unit whose place was answered, when the place tells one the preset
    may be of (its own or its chủ quản's): the level word typed ("Phường Tô Hiệu"), or
    "thành phố" for a city of the country's typed alone ("Hà Nội", "Huế": never a tỉnh) when
    the preset is of a tỉnh's level; None when the place tells none."""
    known = levels(preset) or chief_levels(preset)
    if place.level is not None:
        return place.level if place.level in known else None
    city = "thành phố"
    if known[:1] == ("tỉnh",) and city in known and is_central_city(place.name):
        return city
    return None


def _with_full_place(value: Any, level: str, place: str) -> Any:
    """Texts of the profile with a place that keeps its level word (places.keeps_level) named
    in full: "Ủy ban nhân dân phường 1" → "Ủy ban nhân dân Phường 1", "Sở Y tế thành phố Hồ Chí
    Minh" → "... Thành phố Hồ Chí Minh" (Nghị định 30/2020, Phụ lục II, mục III.1)."""
    if not level or not place or not keeps_level(place):
        return value
    if isinstance(value, str):
        return value.replace(f"{level} {place}", with_level(level, place))
    if isinstance(value, dict):
        return {k: _with_full_place(v, level, place) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_full_place(v, level, place) for v in value]
    return value


def agency_profile(answers: OfficeAnswers) -> dict[str, Any]:
    """The agency profile (hồ sơ cơ quan) of the answers, the preset filling what they leave."""
    known = presets()
    if answers.kieu not in known:
        raise InputError("ws.unknown_preset", name=answers.kieu, known=", ".join(known))
    preset = known[answers.kieu]
    refuse_legacy_answers(answers)
    refuse_unprintable_answers(answers)
    refuse_letterless_answers(answers)
    refuse_place_level(answers.kieu, answers.dia_danh)
    if "co_quan_chu_quan" in needed_answers(preset) and not _one_line(answers.co_quan_chu_quan):
        # Before the place: a phòng's is its chủ quản's, which is then what is missing.
        _refuse_no_chief(answers.kieu, chief_levels(preset))
    # The place as typed ("Xã Mường Bú": its level apart), else as a name holds it.
    place = read_place(_clean(answers.dia_danh) or default_place(
        answers.ten_co_quan, answers.co_quan_chu_quan, answers.ten_day_du))  # fmt: skip
    dia_danh = place.name
    for name, value in (("dia_danh", dia_danh), ("nguoi_ky", _clean(answers.nguoi_ky))):
        if not value:  # only spaces: as good as not answered
            raise InputError("ws.missing_answer", name=name, option=Parameter(name))
    typed_lines = header_lines(_issuing_name(answers))
    ten_co_quan = " ".join(typed_lines)
    if "ten_co_quan" in needed_answers(preset) and not ten_co_quan:
        raise InputError("ws.missing_answer", name="ten_co_quan", option=Parameter("ten_co_quan"))
    refuse_other_kinds_name(answers, ten_co_quan)
    if answers.ten_day_du:  # the name in running text is the office's too
        refuse_other_kinds_name(answers, answers.ten_day_du)
    short = running_text_name(ten_co_quan)
    typed_full_name = bool(answers.ten_day_du and _clean(answers.ten_day_du))
    own_name = not typed_full_name and not (short and names_itself(ten_co_quan))
    # The level of place the office's own name states (a ubnd-xa of a phường: {cap} phường;
    # its name in running text when only that is given, as for its place: "Ủy ban nhân dân
    # thành phố Hà Nội" is headed THÀNH PHỐ HÀ NỘI, not TỈNH), or, for a preset of an office
    # under a chủ quản, the one its chủ quản states.
    stated = name_place(ten_co_quan) or (None if ten_co_quan else _only_place(answers.ten_day_du))
    place_level = _place_level(preset, place)
    if stated is not None and place.level is not None and levels(preset) \
            and place.level != stated[0] and same_spelling(place.name) == same_spelling(stated[1]):
        raise InputError("ws.place_level_differs", option=Parameter("dia_danh", answers.dia_danh),
                         level=place.level, name=ten_co_quan, stated=stated[0])  # fmt: skip
    levels_of = level_names(preset, stated[0] if stated else place_level)
    if chief_levels(preset):
        levels_of = chief_names(answers, preset, dia_danh, level=place_level,
                                needed=_takes_chief_level(preset, own_name))  # fmt: skip
    names = {"dia_danh": dia_danh, "DIA_DANH": dia_danh.upper(), "ten_co_quan": ten_co_quan,
             "ten_ngan": _without_level(short, levels_of["cap"]), "dia_ban": dia_danh,
             "DIA_BAN": dia_danh.upper(),
             "chu_quan": "", **levels_of}  # fmt: skip
    # mo_ta describes the preset, van_ban is the starters' wording, cap and cap_chu_quan the
    # levels it is for, ten_bat_dau its names' first word, theo_cap what differs by level,
    # theo_ten by name: none of them is in the profile; its groups and units are those of the
    # level found, its signers those its name says ("THANH TRA TỈNH": a Chánh Thanh tra).
    at_level = for_name(for_level(preset, levels_of["cap"]), ten_co_quan)
    if _chief_is_central_city(answers.co_quan_chu_quan):
        at_level = under_central_city(at_level)
    kept = {k: v for k, v in at_level.items() if k not in PRESET_ONLY_KEYS}
    if not typed_lines and not chief_levels(preset):
        for key in ("ten_co_quan", "ten_day_du"):
            kept[key] = _header_at_level(preset, kept.get(key), levels_of["cap"])
    filled = _fill(kept, names)
    # A place named by a number or after a person is named in full in running text too.
    full_place = (levels_of["cap"], names.get("dia_ban", dia_danh))
    for key in ("ten_day_du", "nhom_noi_nhan"):
        filled[key] = _with_full_place(filled.get(key), *full_place)
    # The date line's place: "Mường Bú", or "Phường 1" (places.date_place), of the level of
    # the unit whose place it is (the office's own, or its chủ quản's).
    filled["dia_danh"] = date_place(place.level or levels_of["cap"], dia_danh)
    # Header names in the lines the header prints (workspace.header_name): where the clerk
    # broke them ("|"), else where offices do or the columns need (the date line's too); a
    # list when several.
    if answers.co_quan_chu_quan is not None:
        upper = header_lines(nfc(answers.co_quan_chu_quan).upper(), "CoQuanChuQuan",
                             filled["dia_danh"])  # fmt: skip
        filled["co_quan_chu_quan"] = _lines_or_line(upper) if upper else None
    elif filled.get("co_quan_chu_quan"):
        upper = header_lines(filled["co_quan_chu_quan"], "CoQuanChuQuan", filled["dia_danh"])
        filled["co_quan_chu_quan"] = _lines_or_line(upper)
    typed_name = _issuing_name(answers) if typed_lines else filled["ten_co_quan"]
    lines = header_lines(typed_name, place=filled["dia_danh"])
    filled["ten_co_quan"] = _lines_or_line(lines)
    if typed_full_name:
        filled["ten_day_du"] = _clean(answers.ten_day_du or "")
    elif not own_name:
        # "Sở Tư pháp tỉnh Lào Cai", "Ủy ban nhân dân xã Chiềng Mung", "Trường THPT Chu Văn An":
        # the name holds its place or is a proper name, so it is the running text's name as
        # typed, nothing appended and no place of the preset's put in.
        filled["ten_day_du"] = _with_full_place(short, *(stated or ("", "")))
    abbreviation = answers.viet_tat or filled.get("viet_tat")
    if not abbreviation:
        raise InputError("ws.missing_answer", name="viet_tat", option=Parameter("viet_tat"))
    filled["viet_tat"] = checked_abbreviation(abbreviation)
    filled["don_vi"] = {code: {"ten": name} for code, name in filled["don_vi"].items()}
    filled["nguoi_ky"] = _signers(filled["nguoi_ky"], answers)
    order = ("co_quan_chu_quan", "ten_co_quan", "ten_day_du", "viet_tat", "dia_danh", "don_vi",
             "nguoi_ky", "nhom_noi_nhan")  # fmt: skip
    return {key: filled.get(key) for key in order if key != "co_quan_chu_quan" or filled.get(key)}


def profile_text(profile: dict[str, Any], lang: str | None = None) -> str:
    """The profile as a commented YAML file a clerk can edit, its comments in `lang` (the
    current language when None); its keys and values are data, the same in either."""
    buffer = io.StringIO()
    yaml = YAML(typ="rt")
    yaml.allow_unicode = True
    yaml.width = 100
    yaml.dump(profile, buffer)
    header = t("ws.file.profile_head", lang=lang) + "\n"
    if any(key.endswith(PERSONAL_SUFFIX) for key in profile.get("nguoi_ky") or {}):
        header += t("ws.file.profile_personal", lang=lang) + "\n"
    return header + "\n" + buffer.getvalue()


def config_text(name: str, lang: str | None = None) -> str:
    """vanthu.yaml of a new workspace: every key at its default, commented in `lang`."""
    data = t("ws.file.config_data", lang=lang, folder=DATA_DIR)
    output = t("ws.file.config_output", lang=lang, folder=OUTPUT_DIR)
    return (
        t("ws.file.config_head", lang=lang, name=name) + "\n"
        f"ten: {name}\n"
        f"du_lieu: {DATA_DIR}        # {data}\n"
        f"ket_qua: {OUTPUT_DIR}       # {output}\n"
        f"mau: {TEMPLATE_DIR}               # {t('ws.file.config_templates', lang=lang)}\n"
    )


def readme_text(name: str, agency: str, year: int, lang: str | None = None) -> str:
    """The workspace's README.md in `lang` (README-van-thu.md, or its .en.md in English):
    what each folder holds and the commands of every day."""
    text = shipped_text("pipeline.workspace", "README-van-thu.md", lang)
    return Template(text).substitute(ten=name, co_quan=agency, nam=year)


def init_workspace(
    folder: PathLike,
    answers: OfficeAnswers,
    *,
    force: bool = False,
    today: date | None = None,
    lang: str | None = None,
) -> NewWorkspace:
    """Create the workspace of a new office in `folder` (a str or os.PathLike); refuses to
    overwrite unless `force`. The comments of the files it writes, its README and notes are in
    `lang` ("vi", "en"; the current language when None), the data the same in either."""
    folder = as_path(folder, "folder")
    today = today or date.today()
    lang = lang or current_language()
    if (folder / CONFIG_FILE).exists() and not force:
        raise InputError("ws.exists", path=folder, config=CONFIG_FILE)
    profile = agency_profile(answers)
    agency = slug(profile["ten_day_du"]).replace("_", "-") or "co-quan"
    head, *_ = profile["nguoi_ky"]
    unit = next(iter(profile["don_vi"]))
    day = document_day(profile, None, today)
    year_dir = folder / DATA_DIR / str(day.year)
    document = year_dir / f"{STARTER_KIND}.yaml"
    starter = read_starter(f"{STARTER_KIND}.yaml", lang)  # once: filled, and its date in a note
    files = {
        # Its identity in a shared register; an init --force over it keeps the one it had.
        folder / CONFIG_FILE: config_text(profile["ten_day_du"], lang) + identity_line(
            folder / CONFIG_FILE, lang),
        folder / DATA_DIR / AGENCY_DIR / f"{agency}.yaml": profile_text(profile, lang),
        document: filled_starter(starter, agency, unit, head, day, profile),
        folder / "README.md": readme_text(profile["ten_day_du"], agency, day.year, lang),
    }
    if not force:
        for path in files:
            if path.exists():
                raise InputError("ws.not_empty", path=folder, name=path.relative_to(folder),
                                 force=Parameter("force", switch=True))  # fmt: skip
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"))
    (folder / TEMPLATE_DIR).mkdir(exist_ok=True)
    (folder / OUTPUT_DIR).mkdir(exist_ok=True)
    notes: tuple[str, ...] = ()
    gone = gone_level(profile)
    if day != today and gone is not None:
        dated = starter_date(starter, day)
        notes = (Note("ws.starter_before_two_levels", lang, name=gone[0], level=gone[1],
                      date=f"{dated:%d/%m/%Y}", year=day.year,
                      present=PRESENT_OFFICE),)  # fmt: skip
    return NewWorkspace(folder, agency, profile["ten_day_du"], document, tuple(files),
                        (*name_warnings(answers), *place_warnings(answers),
                         *_date_line_warnings(profile)), notes)  # fmt: skip


def _profile_text(value: str | list[str] | None) -> str | None:
    """A header name as the profile writes it (a line, or a list of lines) as one text."""
    return "\n".join(value) if isinstance(value, list) else value


def _date_line_warnings(profile: dict[str, Any]) -> list[str]:
    """What `vanthu init` says of a new profile whose date line (ô 4) the header cannot hold on
    one line beside the agency's name, in the built-in frame: the page would break it."""
    chu_quan = _profile_text(profile.get("co_quan_chu_quan"))
    name, place = _profile_text(profile.get("ten_co_quan")), profile["dia_danh"]
    if header_holds_date_line(chu_quan, name, place, frame_styles()):
        return []
    return [t("ws.long_date_line", text=date_line(place, WIDEST_DATE))]
