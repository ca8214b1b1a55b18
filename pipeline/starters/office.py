"""The office's own words in a starter: thẩm quyền, đề nghị, nơi nhận, nguồn kinh phí, căn cứ.

A starter is filled for the workspace's agency profile. The words that depend on the kind of
office (a Sở, a UBND xã ...) come from the `van_ban:` block of the office's preset in
pipeline/workspace/kieu-co-quan.yaml, the preset being the one the profile was made from; a
profile that matches no preset (written by hand) gets neutral words ("cơ quan"). The thẩm
quyền always follows the profile's head signer, so that ô 5b and the signature agree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from pipeline.patterns import lazy
from pipeline.rules.agency_names import place_in_name
from pipeline.rules.dates import day_off
from pipeline.rules.money import regime_on
from pipeline.rules.titles import join_title, running_title, typed_lines
from pipeline.text.normalize import nfc
from pipeline.text.tones import same_spelling
from pipeline.workspace.presets import (
    BY_LEVEL_KEY,
    PERSONAL_SUFFIX,
    chief_level_names,
    chief_levels,
    for_level,
    level_names,
    levels,
    presets,
)

# Words of a profile that matches no preset: true of any office.
NEUTRAL_WORDS = {
    "thu_truong_don_vi": "Thủ trưởng các phòng, ban, đơn vị",
    "lanh_dao": "Lãnh đạo cơ quan",
    "cua": "cơ quan",
    "quy": "Quỹ thi đua, khen thưởng của cơ quan",
    "hoi_dong": "Hội đồng Thi đua - Khen thưởng cơ quan",
}
WORD_KEYS = ("de_nghi", "thi_hanh", *NEUTRAL_WORDS)
_DELEGATED = ("KT.", "TL.", "TUQ.", "Q.")
_starter_date = lazy(r"^ngay: (\d{1,2})/(\d{1,2})/\$nam\b", re.MULTILINE)
_decree = lazy(r"^Nghị định (?!số )", re.IGNORECASE)
_placeholder = lazy(r"\{([a-zA-Z_]+)\}")


def _lines(value: Any) -> list[str]:
    """A profile's name or title (a text, or a list of lines) in the lines it prints in: each at
    a new line or a '|' too (rules.titles.typed_lines), as the documents break it."""
    typed = value if isinstance(value, list) else [value] if value else []
    return [line for item in typed for line in typed_lines(str(item))]


def one_line(value: Any) -> str:
    """A profile's name (a header name may be a list of lines) as one line, spaces collapsed."""
    return " ".join(" ".join(_lines(value)).split())


def name_place(name: Any) -> tuple[str, str] | None:
    """(level, place) a name states, its last place as rules.agency_names.place_in_name reads
    it ("ỦY BAN NHÂN DÂN HUYỆN MAI SƠN" → huyện, Mai Sơn), the name read as one line in
    capitals: a profile's (a header name may be a list of lines) or one typed to `vanthu init`
    ("|" breaking its lines, in any Unicode form or case). The one reader of a name's level for
    the profile (stated_level) and the answers (workspace.init), so that they agree."""
    return place_in_name(nfc(one_line(name)).replace("|", " ").upper())


def _pattern(template: str, chief: tuple[str, ...] = ()) -> re.Pattern[str]:
    """A preset's name template ("ỦY BAN NHÂN DÂN XÃ {DIA_DANH}") as a pattern of filled names'
    comparison keys (same_spelling: "Uỷ ban nhân dân xã ..." fills it too). A placeholder is
    any text, but the {cap} of a preset whose names take their chủ quản's level: one of those
    levels (`chief`: "Sở Tư pháp tỉnh Sơn La", not any name of three words)."""
    keyed = same_spelling(template)
    level = "(?:" + "|".join(re.escape(same_spelling(name)) for name in chief) + ")"
    pattern, last = [], 0
    for found in _placeholder().finditer(keyed):
        pattern.append(re.escape(keyed[last : found.start()]))
        pattern.append(level if chief and found[1].lower() == "cap" else ".+")
        last = found.end()
    pattern.append(re.escape(keyed[last:]))
    return re.compile("".join(pattern))


def _level_forms(preset: Mapping[str, Any], template: Any) -> list[str]:
    """A preset's name template for each level of place it is for: "ỦY BAN NHÂN DÂN XÃ
    {DIA_DANH}" also as "... PHƯỜNG {DIA_DANH}" and "... ĐẶC KHU {DIA_DANH}" (the names spell
    the preset's first level)."""
    text = str(template)
    known = levels(dict(preset))
    if len(known) < 2:
        return [text]
    forms = [text]
    for level in known[1:]:
        for first, other in ((known[0].upper(), level.upper()), (known[0], level)):
            if f" {first} {{" in text:
                forms.append(text.replace(f" {first} {{", f" {other} {{", 1))
    return forms


def _signs(entry: Any) -> tuple[str, ...]:
    """How a signer signs: title, thẩm quyền, on whose behalf (case, spacing and tone place
    aside)."""
    entry = entry if isinstance(entry, Mapping) else {}
    title = " ".join(_lines(entry.get("chuc_vu")))
    fields = (title, entry.get("tham_quyen"), entry.get("thay_cho"))
    return tuple(same_spelling(str(field or "")) for field in fields)


def preset_of(profile: Mapping[str, Any]) -> dict[str, Any] | None:
    """The preset (kieu-co-quan.yaml) an agency profile was made from, if one fits it.

    It fits when the profile's head signer has the preset's first signer's key, or signs as it
    does and the names below begin as the preset's do (a profile written by hand names its
    signers its own way), and its header
    name or its name in running text has the preset's shape (either may have been given to
    `vanthu init` in the clerk's own spelling, so one is enough). Of two that fit, the one
    whose units and groups the profile has (_same_parts).
    """
    signers = dict(profile.get("nguoi_ky") or {})
    if not signers:
        return None
    key, entry = next(iter(signers.items()))
    fitting = [preset for preset in presets().values() if _fits(profile, preset, key, entry)]
    if not fitting:
        return None
    # max keeps the first of those alike: the file's order, as when only the names were read.
    return max(fitting, key=lambda preset: _same_parts(profile, preset))


def _fits(profile: Mapping[str, Any], preset: dict[str, Any], key: str, entry: Any) -> bool:
    """Whether `preset` fits the profile whose head signer is `key`, `entry` (preset_of). A
    name or title the profile broke with '|' is read in its lines (_lines), as printed."""

    preset_key, preset_head = next(iter(preset["nguoi_ky"].items()))
    same_key = key == preset_key
    if isinstance(entry, Mapping):
        entry = {**entry, "chuc_vu": _lines(entry.get("chuc_vu"))}
    if not same_key and _signs(entry) != _signs(preset_head):
        return False
    header = " ".join(_lines(profile.get("ten_co_quan")))
    name = str(profile.get("ten_day_du") or "")
    for template, value in ((preset["ten_co_quan"], header), (preset["ten_day_du"], name)):
        # A name that is all blanks ({ten_co_quan}) says nothing unless the keys agree.
        if not same_key and str(template).startswith("{"):
            continue
        folded = same_spelling(value)
        chief = chief_levels(preset)
        if any(_pattern(form, chief).fullmatch(folded)
               for form in _level_forms(preset, template)):  # fmt: skip
            return True
    return False


def _same_parts(profile: Mapping[str, Any], preset: dict[str, Any]) -> int:
    """How many of the profile's unit codes and group names are the preset's, at any of its
    levels: what tells apart two presets whose names both fit, "ỦY BAN NHÂN DÂN THÀNH PHỐ ..."
    being a ubnd-tinh's (a city of the country: units TH, KGVX ...) or a ubnd-huyen's (a
    tỉnh's city, before 01/07/2025: VP, NV)."""
    own = {*(profile.get("don_vi") or {}), *(profile.get("nhom_noi_nhan") or {})}
    blocks = [preset, *(preset.get(BY_LEVEL_KEY) or {}).values()]
    parts = {part for block in blocks for key in ("don_vi", "nhom_noi_nhan")
             for part in block.get(key) or {}}  # fmt: skip
    return len(own & parts)


def authority(profile: Mapping[str, Any], signer: str) -> str:
    """Thẩm quyền ban hành (ô 5b) that agrees with how `signer` signs.

    TM. <tập thể>: the collective body decides (Ủy ban nhân dân xã ...); KT./TL./TUQ./Q.: the
    head whose title follows (Giám đốc Sở ...); otherwise the signer's own title.
    """
    body = str(profile.get("ten_day_du") or "").strip()
    entry = (profile.get("nguoi_ky") or {}).get(signer) or {}
    lines = _lines(entry.get("chuc_vu"))
    if len(lines) > 1:
        # Every line above the name, as printed ([TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH]).
        how, _, whom = lines[0].strip().partition(" ")
        title = whom if how.upper() in _DELEGATED else lines[-1]
        if how.upper() == "TM.":
            return body
        return join_title(running_title(title)[0], body)
    how = str(entry.get("tham_quyen") or "")
    if how == "TM.":
        return body
    title = str(entry.get("thay_cho") or "") if how in _DELEGATED else ""
    return join_title(running_title(title or (lines[0] if lines else ""))[0], body)


def _signs_on_behalf(entry: Any) -> bool:
    """Whether a profile's signer signs "TM. <tập thể>" (for a collective body)."""
    entry = entry if isinstance(entry, Mapping) else {}
    lines = _lines(entry.get("chuc_vu"))
    if len(lines) > 1:
        return lines[0].strip().upper().startswith("TM.")
    return str(entry.get("tham_quyen") or "").strip().upper() == "TM."


def own_signer(profile: Mapping[str, Any], signer: str) -> str:
    """The signer of a decision in the head's own authority, such as a Giấy khen (Luật Thi đua,
    khen thưởng 2022: the Giấy khen of the Chủ tịch UBND cấp xã, of a Giám đốc ...): `signer`
    when it signs without TM., else its personal counterpart ("chu-tich" → "chu-tich-ca-nhan",
    as `vanthu init` writes a UBND's or a council's), else another signer of the same person
    without TM.; `signer` itself when the profile has none (the load check then warns)."""
    signers = profile.get("nguoi_ky") or {}
    entry = signers.get(signer) or {}
    if not _signs_on_behalf(entry):
        return signer
    person = " ".join(str(entry.get("ho_ten") or "").split())
    same = [key for key, other in signers.items() if not _signs_on_behalf(other)
            and " ".join(str((other or {}).get("ho_ten") or "").split()) == person]
    personal = f"{signer}{PERSONAL_SUFFIX}"
    return personal if personal in same else next(iter(same), signer)


def _award_words(profile: Mapping[str, Any], signer: str) -> dict[str, str]:
    """The words of a Giấy khen decision's starter: its head's own thẩm quyền and signer, and
    Điều 1's verb naming whose Giấy khen it is ("Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã
    ..."; just "Tặng Giấy khen" when the profile has no signer without TM.)."""
    own = own_signer(profile, signer)
    authority_text = authority(profile, own) or str(profile.get("ten_day_du") or "")
    on_behalf = _signs_on_behalf((profile.get("nguoi_ky") or {}).get(own))
    giver = f" của {authority_text}" if authority_text and not on_behalf else ""
    return {"nguoi_ky_ca_nhan": own, "tham_quyen_ca_nhan": authority_text,
            "tang_giay_khen": f"Tặng Giấy khen{giver}"}  # fmt: skip


def _head_of(unit: str) -> str:
    """The head's title of a unit: Văn phòng Sở → Chánh Văn phòng Sở, Phòng X → Trưởng phòng X."""
    if unit.casefold().startswith("văn phòng"):
        return f"Chánh {unit}"
    for word in ("Phòng", "Ban"):
        if unit.startswith(word + " "):
            return f"Trưởng {word.lower()}{unit[len(word) :]}"
    return f"Thủ trưởng {unit}" if unit else "Thủ trưởng cơ quan"


def stated_level(profile: Mapping[str, Any], preset: dict[str, Any]) -> tuple[str, str] | None:
    """(level, name): the level of place whose words a profile's office takes ({cap}) and the
    name of the profile that states it. For a preset of an office under a chủ quản
    (cap_chu_quan): the level its chủ quản's name states, else, as `vanthu init` read it, one of
    those levels that its own name states (a council printing no chủ quản, "Hội đồng Thi đua -
    Khen thưởng thành phố Hà Nội": thành phố, not the preset's first level, tỉnh). For a
    place's own body: the level its header name states (phường, đặc khu). None when no name
    states one.

    Each name is read as `vanthu init` reads an answer (name_place). Unlike init, it never
    reads a place's own body's name in running text (init._only_place): that is for answers
    with no header name, and the header init then writes states the level it found."""
    chief = chief_levels(preset)
    keys = ("co_quan_chu_quan", "ten_day_du", "ten_co_quan") if chief else ("ten_co_quan",)
    for key in keys:
        name = one_line(profile.get(key))
        found = name_place(name)
        if found is None:
            continue
        level = found[0]
        # The chủ quản states the level whatever it is (init refused one the preset is not
        # for); the office's own name only one its chủ quản may be of.
        if not chief or key == "co_quan_chu_quan" or level in chief:
            return level, name
    return None


def office_words(profile: Mapping[str, Any], unit: str, signer: str) -> dict[str, str]:
    """The words of the starters that depend on the office, for an agency profile."""
    names = {"dia_danh": str(profile.get("dia_danh") or ""),
             "ten_day_du": str(profile.get("ten_day_du") or "")}  # fmt: skip
    preset = preset_of(profile)
    stated = stated_level(profile, preset) if preset is not None else None
    if preset is not None and chief_levels(preset):  # {cap}: the level its chủ quản states
        names.update(chief_level_names(preset, stated[0] if stated else None))
    elif preset is not None:  # {cap}: the level the office's name states (phường, đặc khu)
        names.update(level_names(preset, stated[0] if stated else None))
    # The words of its level ({cap}: a UBND quận's, a district council's), not the first's.
    wording = for_level(preset, names["cap"]).get("van_ban") if preset is not None else None
    if wording:
        words = {key: str(value).format(**names) for key, value in wording.items()}
    else:
        unit_entry = (profile.get("don_vi") or {}).get(unit) or {}
        head = _head_of(str(unit_entry.get("ten") or "").strip())
        words = {"de_nghi": head, "thi_hanh": head, **NEUTRAL_WORDS}
    words = {key: words.get(key) or NEUTRAL_WORDS.get(key, "") for key in WORD_KEYS}
    words["tham_quyen"] = authority(profile, signer) or names["ten_day_du"]
    words["ten_day_du"] = names["ten_day_du"] or "cơ quan"
    return {**words, **_award_words(profile, signer)}


def starter_date(text: str, today: date) -> date:
    """The date a new document made from a starter bears: a working day no later than today,
    as check, render and build warn of a date after today and of one on a Sunday or a fixed
    public holiday (rules.dates.day_off).

    It is the date the starter's `ngay:` line gives in `today`'s year (15/01/$nam → 15
    January), or the first working day after it when that is a day off (10/01/2027, a Sunday
    → 11/01). When that day is still to come (a starter made on 3 January), it is the last
    working day of the year up to today. It never leaves today's year: a date of the year
    before would take a number of that year's sổ (and draw the year-folder warning), so on 1
    January, Tết Dương lịch, with no working day of the year yet, the starter bears that day
    and its holiday warning, which asks for the date the clerk means."""
    found = _starter_date().search(text)
    day = date(today.year, int(found[2]), int(found[1])) if found else date(today.year, 1, 1)
    while day_off(day):
        day += timedelta(days=1)
    if day <= today:
        return day
    day = today
    while day_off(day) and (day - timedelta(days=1)).year == today.year:
        day -= timedelta(days=1)
    return day


def dated_starter(text: str, today: date) -> str:
    """The starter with its `ngay:` line set to starter_date (its other dates are left: they
    follow its own, as a Giấy mời's meeting day does, and stay after it)."""
    day = starter_date(text, today)
    return _starter_date().sub(f"ngay: {day:%d/%m/%Y}", text, count=1)


def decree_basis(day: date) -> str:
    """Căn cứ: the decree on thi đua, khen thưởng in force on `day`, as the money data says.

    It is the decree whose hệ số pay the tiền thưởng of a decision dated `day`, so the căn cứ
    and Điều 2 cannot disagree.
    """
    return _decree().sub("Nghị định số ", regime_on(day).decree) + " của Chính phủ"
