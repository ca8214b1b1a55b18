"""Which office (cơ quan) a register operation numbers for, and whether a named one exists.

The workspace's agency profiles (hồ sơ cơ quan, Workspace.agency_ids) decide first: the only one
is used, several must be chosen from. A folder without profiles falls back to the offices the
register already holds (a register kept with `--co-quan` alone). Anything else is a question
for the user, asked with the choices or with what to do.

An office named outright must be one of those known ids, a profile or an office the register
holds: a mistyped id would otherwise quietly start a new office's numbering at 01. Only a folder
with neither (the very first number of a register kept without profiles) takes a new id.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path

from pipeline.register.errors import RegisterError, UnknownOfficeError


def choose_office(
    given: str | None,
    profiles: Sequence[str],
    in_register: Sequence[str],
    *,
    profile_dir: str,
    command: str = "cap",
) -> str:
    """The office to number for: `given` when it is known (check_office), else the only agency
    profile of the workspace, else (no profiles) the only office of the register; a
    RegisterError naming the choices or, when there are none, saying how to name one. `command`
    is the subcommand shown in the example."""
    if given:
        return check_office(given, profiles, in_register, profile_dir=profile_dir)
    if len(profiles) == 1:
        return profiles[0]
    if profiles:
        raise RegisterError("register.agency_choose_profile", count=len(profiles),
                            known=", ".join(profiles), first=profiles[0], command=command,
                            folder=profile_dir)  # fmt: skip
    if len(in_register) == 1:
        return in_register[0]
    if in_register:
        raise RegisterError(
            "register.agency_choose_register",
            count=len(in_register),
            known=", ".join(in_register),
            first=in_register[0],
            command=command,
        )
    raise RegisterError("register.agency_unknown", folder=profile_dir, command=command)


def check_office(
    given: str, profiles: Sequence[str], in_register: Sequence[str], *, profile_dir: str
) -> str:
    """`given`, an office id to allocate or record a number for, when it names an agency profile
    or an office the register holds (or when there are none of either: a first office); else
    an UnknownOfficeError listing the known ids, with the closest as a suggestion."""
    known = known_offices(profiles, in_register)
    if given in known or not known:
        return given
    raise UnknownOfficeError("register.office_unknown", value=given, known=known,
                             suggestion=closest(given, known), folder=profile_dir)  # fmt: skip


def check_listed_office(
    given: str | None, profiles: Sequence[str], in_register: Sequence[str]
) -> str | None:
    """`given`, an office whose rows are to be read (None: every office), when the register
    holds it or it is an agency profile (a profile without numbers yet has no rows, which is no
    mistake); else an UnknownOfficeError saying the register has no such office."""
    if given is None:
        return None
    known = known_offices(profiles, in_register)
    if given in known:
        return given
    raise UnknownOfficeError("register.office_not_in_register", value=given, known=known,
                             suggestion=closest(given, known))  # fmt: skip


def known_offices(profiles: Sequence[str], in_register: Sequence[str]) -> list[str]:
    """Every office id the workspace knows: its agency profiles and the register's offices."""
    return sorted({*profiles, *in_register})


def closest(value: str, known: Sequence[str]) -> str | None:
    """The known id `value` was most likely meant to be (case aside), if one is close."""
    folded = {name.casefold(): name for name in known}
    match = difflib.get_close_matches(value.casefold(), list(folded), n=1)
    return folded[match[0]] if match else None


def office_names(agencies: Sequence[str], profile_of: Callable[[str], Path | None]
                 ) -> dict[str, str]:
    """Office id → the agency's name as its profile gives it (ten_day_du), for a printed
    register; an office without a readable profile (or name) keeps its id."""
    names: dict[str, str] = {}
    for agency in agencies:
        name = profile_text(agency, profile_of, "ten_day_du")
        names[agency] = " ".join(name.split()) if name else agency
    return names


def profile_text(agency: str, profile_of: Callable[[str], Path | None], key: str) -> str | None:
    """A text of an office's profile (hồ sơ cơ quan), read as it is: ten_day_du, viet_tat; None
    when the office has no readable profile or the profile no such text. The register only
    names or checks with it, so a broken profile is `vanthu check`'s to report, not this."""
    import yaml

    path = profile_of(agency)
    if path is None:
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    value = data.get(key) if isinstance(data, dict) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _office_group(symbol: str) -> tuple[list[str], int]:
    """The dash-separated groups of a ký hiệu's last part and the index of the one naming the
    issuing office: after the type's abbreviation (QĐ-UBND), or first in a công văn's
    (VPUBND-TH: it has no abbreviation; Nghị định 30/2020, Phụ lục III)."""
    from pipeline.register.sequences import type_code_from_symbol

    groups = symbol.strip().rsplit("/", 1)[-1].split("-")
    return groups, 0 if type_code_from_symbol(symbol) == "CV" else 1


def symbol_office_part(symbol: str) -> str:
    """The part of a ký hiệu naming the issuing office: QĐ-UBND, 2026/QĐ-UBND → UBND;
    VPUBND-TH → VPUBND; "" when it has none (QĐ)."""
    groups, at = _office_group(symbol)
    return groups[at].strip() if at < len(groups) else ""


def symbol_for_office(symbol: str, abbreviation: str) -> str | None:
    """`symbol` naming the office by its own abbreviation (its profile's viet_tat) where it
    names another or none (QĐ-UBDN, a typo of QĐ-UBND): the ký hiệu the clerk most likely
    meant; None when it names the office already."""
    if symbol_office_part(symbol) == abbreviation:
        return None
    groups, at = _office_group(symbol)
    groups = [*groups[:at], abbreviation, *groups[at + 1:]]
    head, slash, _tail = symbol.strip().rpartition("/")
    return f"{head}{slash}{'-'.join(groups)}"
