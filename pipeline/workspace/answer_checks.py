"""What `vanthu init` refuses of an answer before it writes anything, one answer at a time.

Each check reads one answer (and the kind of office chosen), so that `vanthu init` can ask
again at the terminal as soon as an answer is typed, naming the question, not a flag the clerk
never typed (workspace.command); init_workspace runs the same checks on all its answers.
"""

from __future__ import annotations

import re

from pipeline.errors import InputError
from pipeline.rules.agency_names import abolished_level, full_agency_name
from pipeline.text.gate import BadCharacter, gate, normalize_invisible
from pipeline.text.legacy import legacy_encodings, named_encodings, refusal_key, suggested_unicode
from pipeline.text.normalize import nfc
from pipeline.text.tones import same_spelling
from pipeline.workspace.parameters import Hint, Parameter, Parameters
from pipeline.workspace.places import has_letter, read_place
from pipeline.workspace.presets import chief_levels, levels, name_starts, place_body, presets

# Ký hiệu's abbreviation of the agency (VPUBND): letters and figures, nothing else.
_ABBREVIATION = re.compile(r"^[A-ZĐ0-9]+$")
# The typed answers (parameters.TYPED_ANSWERS) that are a person's name.
PERSONS = ("nguoi_ky", "pho")
# ... that are an agency's name.
AGENCIES = ("ten_co_quan", "ten_day_du", "co_quan_chu_quan")


def refuse_legacy_answer(name: str, value: str | None) -> None:
    """An answer typed or pasted in TCVN3 or VNI ("S¬n La") would be written into the profile
    and every document: refused, naming the answer as the caller gives it (`dia_danh='S¬n La'`
    to the library, `--dia-danh 'S¬n La'` to vanthu init: a Parameter) and the Unicode text
    it stands for."""
    value = value or ""
    codes = legacy_encodings(value)
    if codes:
        encoding, font = named_encodings(codes)
        raise InputError(
            refusal_key("ws.legacy_answer", codes), option=Parameter(name, value),
            value=value, encoding=encoding, font=font,
            fixed=suggested_unicode(value, codes[0], person=name in PERSONS),
        )  # fmt: skip


def refuse_unprintable(name: str, value: str | None) -> None:
    """An answer holding a character the text gate refuses (a control character pasted with
    it, a mark typed twice that no letter takes: "Chiềng" typed e + ` + ^) would be written
    into the profile, which every later command then refuses at its line: refused here,
    naming the answer (not its value: the character would not show)."""
    composed = nfc(value or "")
    try:
        gate(composed)
    except BadCharacter as bad:
        if bad.stray_mark:
            shown = normalize_invisible(composed)
            raise InputError("ws.stray_mark_answer", option=Parameter(name), char=bad.code,
                             letter=bad.on_its_letter(shown)) from None  # fmt: skip
        raise InputError("ws.bad_char_answer", option=Parameter(name), char=bad.code,
                         name=bad.name) from None  # fmt: skip


def refuse_letterless(name: str, value: str | None) -> None:
    """A place, a person's or an agency's name with no letter ("...", "123") prints nothing a
    reader can take for one, and `vanthu verify` then fails the date line: refused. A unit
    named by a number is written with its level ("Phường 1"), which has letters."""
    text = " ".join(nfc(value or "").split())
    if not text or has_letter(text) or name not in ("dia_danh", *PERSONS, *AGENCIES):
        return  # viet_tat: its own check (letters and figures, init._ABBREVIATION)
    key = ("ws.place_no_letters" if name == "dia_danh"
           else "ws.person_no_letters" if name in PERSONS else "ws.agency_no_letters")  # fmt: skip
    raise InputError(key, option=Parameter(name, text))


def _kinds_of_level(level: str, kind: str) -> Hint | str:
    """What to offer for a level the kind `kind` is not for: the other kinds that are (of their
    own place, or of a chủ quản's), said as the caller gives them; "" when none is."""
    others = [other for other, preset in presets().items() if other != kind
              and (level in levels(preset) or level in chief_levels(preset))]  # fmt: skip
    if not others and abolished_level(f"ỦY BAN NHÂN DÂN {level} X") is not None:
        # A thị trấn: a level no kind is of (gone from 01/07/2025); a document of before that
        # day names its UBND in full, which a ubnd-xa takes as typed.
        example = Parameter("ten_co_quan", f"ỦY BAN NHÂN DÂN {level.upper()} ...")
        return Hint("ws.level_gone", {"level": level, "example": example,
                                      "kind": Parameter("kieu", "ubnd-xa")})  # fmt: skip
    if not others:
        return ""
    choices = Parameters(tuple(Parameter("kieu", other) for other in others))
    return Hint("ws.level_other_kinds", {"level": level, "kinds": choices})


def refuse_place_level(kind: str, value: str | None) -> None:
    """A place typed with a level word the kind of office cannot be of ("Xã Mường Bú" for a
    ubnd-tinh; "Xã ..." for a Sở, whose place is its tỉnh's) is refused: the header would name
    one level and the signers, groups and words be another's."""
    preset = presets().get(kind)
    place = read_place(value)
    if preset is None or place.level is None:
        return
    own, chief = levels(preset), chief_levels(preset)
    if place.level in own or place.level in chief:
        return
    key = "ws.place_level_unfit" if own else "ws.place_level_unfit_chief"
    raise InputError(key, option=Parameter("dia_danh", " ".join(nfc(value or "").split())),
                     level=place.level, kieu=kind, levels=", ".join(own or chief),
                     hint=_kinds_of_level(place.level, kind))  # fmt: skip


def abbreviation(value: str) -> str:
    """An abbreviation answered as ký hiệu prints it (in capitals, spaces at its ends gone);
    one with anything but letters and figures is refused."""
    written = " ".join(nfc(value).split()).upper()
    if not _ABBREVIATION.match(written):
        raise InputError("ws.bad_abbreviation", value=written)
    return written


def check_answer(name: str, value: str | None, kind: str) -> None:
    """Every check of one answer (`name`, an OfficeAnswers field) for an office of `kind`."""
    refuse_legacy_answer(name, value)
    refuse_letterless(name, value)
    if name == "dia_danh":
        refuse_place_level(kind, value)
    if name == "viet_tat" and value:
        abbreviation(value)
    # A place's own body's name may be the place's alone ("XÃ CHIỀNG MUNG"), which init makes
    # its body's: read with the other answers (init.agency_profile), not here.
    if name == "ten_co_quan" and place_body(presets().get(kind) or {}) is None:
        refuse_other_kinds_name(kind, value or "")


def _starts(name: str, start: str) -> bool:
    """Whether `name` starts with the words `start` (tone placement and case aside)."""
    words, first = same_spelling(name).split(), same_spelling(start).split()
    return bool(first) and words[: len(first)] == first


def name_kinds(name: str) -> list[tuple[str, str]]:
    """(kind, the words it is told by) of each kind of office whose name `name` is: a place's
    own body's, "ỦY BAN NHÂN DÂN" and one of its levels ("ỦY BAN NHÂN DÂN XÃ ..." is a
    ubnd-xa's), or one whose names start as the kind's do (ten_bat_dau: "PHÒNG ...")."""
    found: list[tuple[str, str]] = []
    for kind, preset in presets().items():
        body = place_body(preset)
        if body and _starts(name, body):
            level = read_place(" ".join(name.split()[len(body.split()) :])).level
            if level in levels(preset):
                found.append((kind, f"{body} {str(level).upper()}"))
        found += [(kind, start) for start in name_starts(preset) if _starts(name, start)]
    return found


def refuse_other_kinds_name(kind: str, name: str) -> None:
    """An issuing agency's name (in capitals, in full) that is another kind of office's ("PHÒNG
    ...": a phòng, headed by a Trưởng phòng; "SỞ ..." for a ubnd-tinh) is refused for `kind`:
    its signers, recipient groups and words would be another kind of office's (a UBND's "TM.
    ỦY BAN NHÂN DÂN" under "SỞ Y TẾ"). A place's own body's kind takes only its body's names
    ("ỦY BAN NHÂN DÂN ..."), whatever else the name is."""
    name = " ".join(full_agency_name(nfc(name).upper()).replace("|", " ").split())
    if not name:
        return
    listed = Hint("ws.kinds_listed", cli_key="ws.kinds_listed_cli")
    kinds = name_kinds(name)
    if kinds and kind not in {found for found, _ in kinds}:
        others = list(dict.fromkeys(found for found, _ in kinds))
        raise InputError("ws.name_of_other_kind", name=name, kieu=kind, other=", ".join(others),
                         start=kinds[0][1],
                         option=Parameters(tuple(Parameter("kieu", k) for k in others)),
                         kinds=listed)  # fmt: skip
    preset = presets().get(kind) or {}
    body = place_body(preset)
    if body and not _starts(name, body):
        example = Parameter("ten_co_quan", f"{body} {levels(preset)[0].upper()} ...")
        raise InputError("ws.name_not_body", name=name, kieu=kind, body=body,
                         levels=", ".join(levels(preset)), example=example,
                         kinds=listed)  # fmt: skip
