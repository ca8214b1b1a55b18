"""Load a document (a data file, or a form's dict) with everything it refers to, checked.

DocumentLoader asks a Locations (the workspace) where the agency profile and the files a
document names are. Within one loader each file is parsed once: a build or a report that meets
the same agency profile, list or decision again reuses it (keyed by path, size and mtime).

A loader may be shared by threads (a web portal keeps one workspace for its requests): what a
load has in progress belongs to its thread (a context variable), and its caches take a lock
for each look-up, never while a file is read.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
from collections import OrderedDict
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from pipeline.context.common import DocumentInfo, phrase_overrides, signature_lines
from pipeline.context.sections import paragraph_order_warnings
from pipeline.context.typed_numbers import renumbered_warnings
from pipeline.errors import InputError
from pipeline.kinds import KINDS, kind_of
from pipeline.load.attachments import SubmissionAttachments
from pipeline.load.built_models import built
from pipeline.load.contract import Attached, LoadedDocument
from pipeline.load.lists import COUNTING_FIGURES, WordingGap, inline_source, said_of_the_draft
from pipeline.load.locations import AGENCY_DIR, Locations, RealPaths
from pipeline.load.locks import ForkSafeLock
from pipeline.load.read_log import LookedAt, Stamp, file_stat, looked_once, regular_file, unchanged
from pipeline.load.read_log import stamp as file_stamp
from pipeline.load.validation import typed_as_yaml, validate
from pipeline.load.yaml_source import Path_, Source, dotted, load_yaml, source_of_mapping
from pipeline.model.agency import Agency
from pipeline.model.document import DocumentData, RecipientGroup
from pipeline.model.guards import is_invitation, is_minutes, is_notice, is_report, is_submission
from pipeline.model.ke_hoach import PlanData
from pipeline.model.quyet_dinh import DecisionData
from pipeline.paths import shown
from pipeline.patterns import lazy
from pipeline.phrase import Alternatives, Phrase
from pipeline.rules.agency_names import TWO_LEVELS_SINCE, signing_mismatch, signs_on_behalf
from pipeline.rules.basis_lines import basis_lines
from pipeline.rules.cited_decrees import names_awards, stale_basis
from pipeline.rules.dates import (
    SUNDAY,
    any_weekday_date,
    day_off,
    numeric_date,
    on_duty,
    weekday_said,
    wrong_weekdays,
    years_said,
)
from pipeline.rules.doc_types import document_type
from pipeline.rules.font_coverage import source_warnings
from pipeline.rules.titles import typed_lines
from pipeline.starters.levels import gone_level
from pipeline.text.normalize import recipient_key, slug
from pipeline.text.tones import same_spelling

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry

__all__ = ["AGENCY_DIR", "DocumentLoader", "LoadedDocument"]


def _hint(name: str, known: list[str]) -> str:
    """" (did you mean 'x'?)" for the known name closest to `name`, kept as a Phrase so that
    an error's message says it in the language it is asked in; "" when none is close."""
    close = difflib.get_close_matches(name, known, n=1)
    return Phrase("data.did_you_mean", name=close[0]) if close else ""


def check_references(data: DocumentData, agency: Agency, source: Source, profile: Path) -> None:
    """Units, signer and recipient groups named by the document exist in the profile."""

    def missing(what: str, ref: str, loc: tuple[str | int, ...], known: list[str]) -> InputError:
        return source.error(
            "data.unknown_ref", loc, what=Phrase(what), ref=ref, profile=profile.name,
            hint=_hint(ref, known),
        )  # fmt: skip

    if data.don_vi_soan_thao not in agency.don_vi:
        raise missing(
            "data.what_unit", data.don_vi_soan_thao, ("don_vi_soan_thao",), list(agency.don_vi)
        )
    if data.nguoi_ky not in agency.nguoi_ky:
        # A signer typed by name ("Quàng Thị Hoa"): the keys the profile gives that person.
        typed = " ".join(data.nguoi_ky.split()).casefold()
        keys = [key for key, signer in agency.nguoi_ky.items()
                if signer.ho_ten and " ".join(signer.ho_ten.split()).casefold() == typed]
        if keys:
            raise source.error(
                "data.signer_by_name", ("nguoi_ky",), ref=data.nguoi_ky, profile=profile.name,
                keys=", ".join(keys),
            )  # fmt: skip
        titled = _signers_by_title(agency, data.nguoi_ky)
        if titled:
            raise source.error(
                "data.signer_by_title", ("nguoi_ky",), ref=data.nguoi_ky, profile=profile.name,
                keys=Alternatives(tuple(f"'nguoi_ky: {key}'" for key in titled)),
                signers=_signers_listed(agency),
            )  # fmt: skip
        # A typo of a key: the key it is close to; anything else: every key, and how it signs.
        hint = _hint(data.nguoi_ky, list(agency.nguoi_ky))
        raise source.error(
            "data.unknown_ref", ("nguoi_ky",), what=Phrase("data.what_signer"), ref=data.nguoi_ky,
            profile=profile.name,
            hint=hint or Phrase("data.signers_listed", signers=_signers_listed(agency)),
        )  # fmt: skip
    for index, recipient in enumerate(data.noi_nhan):
        if isinstance(recipient, RecipientGroup) and recipient.nhom not in agency.nhom_noi_nhan:
            raise missing(
                "data.what_group", recipient.nhom, ("noi_nhan", index, "nhom"),
                list(agency.nhom_noi_nhan),
            )  # fmt: skip


def check_minutes_signers(data: DocumentData, agency: Agency, source: Source) -> None:
    """Refuse a Biên bản whose thư ký is its chủ tọa (the signer, nguoi_ky, by the profile's
    name for them), at thu_ky.ho_ten: minutes are signed by two people, the one who took them on
    the left and the one who chaired on the right; one name under both is a copied line."""
    if not is_minutes(data):
        return
    from pipeline.model.bien_ban import same_name  # imported: data is a record of it

    chair = agency.nguoi_ky[data.nguoi_ky].ho_ten
    if same_name(data.thu_ky.ho_ten) == same_name(chair):
        raise source.error("data.secretary_is_chair", ("thu_ky", "ho_ten"),
                           name=data.thu_ky.ho_ten, signer=data.nguoi_ky)  # fmt: skip


# The thẩm quyền (ô 7a) opening a signer's title as a clerk types it: "KT. ", "KT ", "kt.".
_authority_typed = lazy(r"^\s*(TM|KT|TL|TUQ|Q)\s*(?:\.\s*|\s+)(?=\S)", re.IGNORECASE)


def _signers_by_title(agency: Agency, typed: str) -> list[str]:
    """The keys of the signers whose title `typed` is ("Trưởng phòng" → truong-phong, "KT.
    Trưởng phòng" → pho-truong-phong, who signs "KT. TRƯỞNG PHÒNG"), as a clerk writes what the
    signature prints instead of the profile's key: those whose first printed line it is (the
    line that says who signs), else those with it on another line (their own chức vụ), else the
    key spelt as it in plain letters ("truong phong"). Case, spacing and tone placement aside."""
    wanted = same_spelling(_authority_typed().sub(lambda m: f"{m[1].upper()}. ", typed))
    printed = {key: [same_spelling(line) for line in signature_lines(signer)]
               for key, signer in agency.nguoi_ky.items()}  # fmt: skip
    first = [key for key, lines in printed.items() if lines[:1] == [wanted]]
    other = [key for key, lines in printed.items() if wanted in lines]
    plain = [key for key in agency.nguoi_ky if slug(key) == slug(typed)]
    return first or other or plain


def _signers_listed(agency: Agency) -> str:
    """The profile's signers, each key with how it signs in the profile's own words
    ("pho-truong-phong (KT. Trưởng phòng, Phó Trưởng phòng)"): what nguoi_ky may name, its
    lines as printed (typed_lines: a '|' breaks one too)."""
    said = []
    for key, signer in agency.nguoi_ky.items():
        lines = typed_lines(signer.chuc_vu)
        if signer.tham_quyen:
            lines.insert(0, " ".join(f"{signer.tham_quyen} {signer.thay_cho or ''}".split()))
        said.append(f"{key} ({', '.join(lines)})" if lines else key)
    return "; ".join(said)


def check_signing_authority(
    data: DocumentData, agency: Agency, source: Source, profile: Path
) -> tuple[InputError, ...]:
    """A Quyết định's thẩm quyền ban hành (tham_quyen, ô 5b) and its signer's lines (ô 7a) agree
    as `vanthu verify` requires (rules.agency_names.signing_mismatch): a collective body's
    decision signed without "TM." is refused at nguoi_ky, so that check, render and build stop
    what verify would fail; a head's own decision signed "TM." is returned as a warning, as
    verify only warns of it."""
    if not isinstance(data, DecisionData):
        return ()
    lines = signature_lines(agency.nguoi_ky[data.nguoi_ky])
    mismatch = signing_mismatch(data.tham_quyen, lines)
    if mismatch is None:
        return _certificate_by_collective(data, agency, lines, source, profile)
    other = _signer_signing_otherwise(agency, data.nguoi_ky, on_behalf=mismatch.refused)
    key, loc = f"data.{mismatch.key}", ("nguoi_ky",)
    said: dict[str, Any] = {
        "authority": " ".join(data.tham_quyen.split()), "signer": data.nguoi_ky,
        "profile": profile.name, "first": lines[0], "title": mismatch.title,
        "hint": Phrase("data.signer_such_as", name=other) if other else "",
    }  # fmt: skip
    if mismatch.refused:
        raise source.error(key, loc, **said)
    # A warning is printed after the document's name (render's line, build's prefix): it names
    # the line and the field only.
    return (InputError(key, line=source.line_of(loc), field="nguoi_ky", **said),)


_CERTIFICATE = same_spelling("Giấy khen")


def _certificate_by_collective(
    data: DecisionData, agency: Agency, lines: list[str], source: Source, profile: Path
) -> tuple[InputError, ...]:
    """A warning at nguoi_ky for a decision giving Giấy khen (its Điều 1 verb or its trích yếu
    says so) that is signed "TM. <tập thể>": a Giấy khen is the Chủ tịch's, the Giám đốc's ...
    own award (Luật Thi đua, khen thưởng 2022), decided and signed without TM. A warning only:
    the award list may mix a collective body's forms with it."""
    award = data.khen_thuong
    said = " ".join(text for text in (award.hanh_dong if award else "", data.trich_yeu) if text)
    if award is None or _CERTIFICATE not in same_spelling(said):
        return ()
    if not lines or not signs_on_behalf(lines[0]):
        return ()
    other = _signer_signing_otherwise(agency, data.nguoi_ky, on_behalf=False)
    return (InputError(
        "data.certificate_by_collective", line=source.line_of(("nguoi_ky",)), field="nguoi_ky",
        first=lines[0], signer=data.nguoi_ky, profile=profile.name,
        authority=" ".join(data.tham_quyen.split()),
        hint=Phrase("data.signer_such_as", name=other) if other else "",
    ),)  # fmt: skip


def _signer_signing_otherwise(agency: Agency, key: str, *, on_behalf: bool) -> str | None:
    """A signer of the profile who signs with (`on_behalf`) or without a TM. line, the same
    person as `key` first ("chu-tich" for "chu-tich-ca-nhan", as `vanthu init` writes them)."""
    person = agency.nguoi_ky[key].ho_ten
    fitting = [
        name for name, signer in agency.nguoi_ky.items()
        if name != key and signs_on_behalf(signature_lines(signer)[0]) == on_behalf
    ]  # fmt: skip
    same = [name for name in fitting if agency.nguoi_ky[name].ho_ten == person]
    return next(iter(same or fitting), None)


def check_cited_decree(
    data: DocumentData, source: Source, attachments: object = None
) -> tuple[InputError, ...]:
    """Warnings at each căn cứ line (rules.basis_lines) citing a law or a decree of another
    period than the document's date (rules.cited_decrees.stale_basis): a law another of its
    name has replaced (the Luật Tổ chức chính quyền địa phương of 2015), in any document; the
    Luật Thi đua, khen thưởng and the decree of another chế độ khen thưởng, in one about thi
    đua, khen thưởng (about_awards). An award decision is told against what its Điều 2 pays
    under; the others, against the law or decree in force. `attachments`: what the document
    attached (a Tờ trình's draft decision). The award law and decree are not told for a date
    the reward data does not cover (a decision of that date is refused elsewhere)."""
    if not isinstance(source.data, Mapping):
        return ()
    lines = basis_lines(source.data, every_text=isinstance(data, PlanData))
    texts = [text for _, text in lines]
    found = []
    for stale in stale_basis(texts, data.ngay, awards=about_awards(data, attachments)):
        loc = lines[stale.other.index][0]
        found.append(InputError(_stale_key(data, stale.what), line=source.line_of(loc),
                                field=dotted(loc), cited=stale.other.cited,
                                in_force=stale.other.in_force, date=data.ngay))  # fmt: skip
    return tuple(found)


def about_awards(data: DocumentData, attachments: object = None) -> bool:
    """Whether a document is about thi đua, khen thưởng by its own data: a decision giving
    awards (khen_thuong), a Tờ trình sending up the draft of one, a trích yếu saying so ("thi
    đua", "khen thưởng", "Bằng khen"). Not a Báo cáo: it tells what was done in its period,
    under the laws and decrees of that period."""
    if isinstance(data, DecisionData) and data.khen_thuong is not None:
        return True
    if isinstance(attachments, SubmissionAttachments) and attachments.draft is not None:
        draft = attachments.draft.data
        if isinstance(draft, DecisionData) and draft.khen_thuong is not None:
            return True
    return not is_report(data) and names_awards(data.trich_yeu)


def _stale_key(data: DocumentData, what: str) -> str:
    """The message for a stale căn cứ (StaleBasis.what): an award decision's law and, when it
    pays, its decree are said against the decision (its Điều 2 names the decree); the rest
    against the law or decree in force on the document's date."""
    award = data.khen_thuong if isinstance(data, DecisionData) else None
    if award is not None and what == "law":
        return "money.cited_other_law"
    if award is not None and what == "decree" and award.tien_thuong:
        return "money.cited_other_decree"
    return "data.cited_other_basis"


def check_draft_cited(
    data: DocumentData, attachments: object, source: Source, resolver: DocumentLoader
) -> tuple[InputError, ...]:
    """check_cited_decree for the draft decision a Tờ trình attaches (du_thao): it is printed
    with the Tờ trình and sent up for signature, and never built on its own (kept under
    kem-theo/, or written inside the Tờ trình), so its căn cứ are told here: at the Tờ trình's
    lines (du_thao.can_cu[3]) for a draft written in it, at the draft's file and lines for one
    kept in a file of its own."""
    if not is_submission(data) or data.du_thao is None:
        return ()
    if not isinstance(attachments, SubmissionAttachments) or attachments.draft is None:
        return ()
    draft = attachments.draft.data
    loc = ("du_thao",)
    if isinstance(data.du_thao, dict):
        written = inline_source(source, loc, "quyet_dinh")
        return said_of_the_draft(check_cited_decree(draft, written), written, loc)
    written = resolver.parse(resolver.referenced_file(source, data.du_thao, loc))
    return said_of_the_draft(check_cited_decree(draft, written), written, None)


def check_local_level(
    data: DocumentData, profile: Mapping[str, Any], source: Source
) -> tuple[InputError, ...]:
    """A warning at `ngay` for a document dated from 01/07/2025 of a huyện's (or quận's, thị
    xã's, thị trấn's, thành phố thuộc tỉnh's) Ủy ban or Hội đồng nhân dân, or of an office under
    one: that level no longer exists. Which office is of it is what `vanthu init` and `vanthu
    new` read from the agency profile (`profile`, as its file says: starters.levels.gone_level),
    so that check never warns of the starter they dated. Its documents from before stay
    buildable."""
    if data.ngay < TWO_LEVELS_SINCE:
        return ()
    gone = gone_level(profile)
    if gone is None:
        return ()
    name, level = gone
    return (InputError("data.abolished_level", line=source.line_of(("ngay",)), field="ngay",
                       name=" ".join(name.split()), level=level,
                       date=numeric_date(data.ngay)),)  # fmt: skip


def check_calendar(
    data: DocumentData, source: Source, today: date | None = None
) -> tuple[InputError, ...]:
    """A warning at `ngay` for a date after today (a date typed wrong takes a number of that
    day's sổ, next year's for a January date typed in December) or on a Sunday or a fixed
    public holiday: offices sign on them seldom, so a typing slip is likely. Warnings, not
    errors: a Giấy mời for tomorrow, a Sunday session, are real."""
    today = today or date.today()
    found = []
    if data.ngay > today:
        found.append(InputError("data.future_date", line=source.line_of(("ngay",)), field="ngay",
                                date=numeric_date(data.ngay), today=numeric_date(today),
                                year=data.ngay.year))  # fmt: skip
    off = day_off(data.ngay)
    if off is not None:
        key = "data.day_off_sunday" if off == SUNDAY else "data.day_off_holiday"
        found.append(InputError(key, line=source.line_of(("ngay",)), field="ngay",
                                date=numeric_date(data.ngay), day=off))  # fmt: skip
    return (*found, *check_meeting_days(data, source))


def check_meeting_days(data: DocumentData, source: Source) -> tuple[InputError, ...]:
    """A warning at each meeting's or event's day (a Giấy mời's thoi_gian.ngay, a lịch công
    tác's lich[].ngay, a Biên bản's thoi_gian.ngay and den_ngay) on a Sunday or a fixed public
    holiday, with its weekday: held on them seldom, as documents are signed on them seldom, so
    a typing slip is likely. A Saturday is not told, as for the document's own date; nor a lịch
    row that is a duty (trực lãnh đạo), which a weekly schedule sets on the days off."""
    found = []
    for loc, day, what in _meeting_days(data):
        off = day_off(day)
        if off is None:
            continue
        key = "data.meeting_day_off_sunday" if off == SUNDAY else "data.meeting_day_off_holiday"
        found.append(InputError(key, line=source.line_of(loc), field=dotted(loc),
                                date=numeric_date(day), weekday=weekday_said(day), day=off,
                                what=Phrase(what)))  # fmt: skip
    return tuple(found)


def _meeting_days(data: DocumentData) -> list[tuple[Path_, date, str]]:
    """(place, day, catalogue key of what it is) of each day the document holds something on."""
    if is_invitation(data):
        return [(("thoi_gian", "ngay"), data.thoi_gian.ngay, "data.what_invitation_day")]
    if is_notice(data):
        return [(("lich", index, "ngay"), row.ngay, "data.what_schedule_day")
                for index, row in enumerate(data.lich) if not on_duty(row.noi_dung)]  # fmt: skip
    if is_minutes(data):
        # An empty ngay is the minutes' own date, told as the document's (check_calendar).
        days = (("ngay", data.thoi_gian.ngay), ("den_ngay", data.thoi_gian.den_ngay))
        return [(("thoi_gian", field), day, "data.what_meeting_day")
                for field, day in days if day is not None]  # fmt: skip
    return []


def check_typed_weekdays(source: Source) -> None:
    """Refuse a weekday typed beside a date in any of the data's texts ("thứ Năm, ngày 12 tháng
    3 năm 2025" for a Wednesday), at its line and field, with the weekday to write: `vanthu
    verify` fails the printed document for it (rule noi_dung.thu, read alike: rules.dates), and
    check, render and build stop it before the register gives the document a number."""
    texts = source.texts()
    if not any_weekday_date(text for _, text in texts):
        return
    for loc, text in texts:
        for wrong in wrong_weekdays(text):
            fix = wrong.wanted
            if wrong.typed[:1].isupper():  # "Thứ Năm" opening a sentence: "Thứ Tư"
                fix = fix[:1].upper() + fix[1:]
            raise source.error("data.wrong_weekday", loc, typed=wrong.typed,
                               date=numeric_date(wrong.day), weekday=weekday_said(wrong.day),
                               fix=fix)  # fmt: skip


def check_repeated_recipients(
    data: DocumentData, agency: Agency, source: Source
) -> tuple[InputError, ...]:
    """A warning at each recipient typed a second time in Kính gửi or in Nơi nhận (a group of
    the profile counted line by line): the document would print it twice, while the register
    lists it once. Kính gửi and Nơi nhận naming one office is usual, and not compared."""
    found: list[InputError] = []

    def repeated(items: list[tuple[Path_, str, str | None]]) -> None:
        first: dict[str, tuple[Path_, str | None]] = {}
        for loc, name, group in items:
            key = recipient_key(name)
            if not key:
                continue
            if key not in first:
                first[key] = (loc, group)
                continue
            earlier, in_group = first[key]
            line = source.line_of(earlier)
            said = (Phrase("data.recipient_in_group", group=in_group) if in_group is not None
                    else Phrase("data.recipient_first_line", line=line) if line is not None
                    else Phrase("data.recipient_first_field", field=dotted(earlier)))
            found.append(InputError("data.recipient_twice", line=source.line_of(loc),
                                    field=dotted(loc), name=name.strip(), where=said))  # fmt: skip

    addressees = _addressee_lines(data)
    repeated([(loc, name, None) for loc, name in addressees])
    lines: list[tuple[Path_, str, str | None]] = []
    for index, recipient in enumerate(data.noi_nhan):
        if isinstance(recipient, RecipientGroup):
            members = agency.nhom_noi_nhan.get(recipient.nhom, [])
            lines += [(("noi_nhan", index), name, recipient.nhom) for name in members]
        else:
            lines.append((("noi_nhan", index), str(recipient), None))
    repeated(lines)
    if _prints_as_above(data, agency):
        found += _as_above_repeated(addressees, lines, source)
    return tuple(found)


def _addressee_lines(data: DocumentData) -> list[tuple[Path_, str]]:
    """(place, name) of each recipient the text addresses (Kính gửi, a Giấy mời's Kính mời)."""
    fields = type(data).__pydantic_fields__  # not getattr's miss: pydantic raises for it
    for field in ("kinh_gui", "kinh_moi"):
        value = getattr(data, field) if field in fields else None
        if isinstance(value, list):
            return [((field, index), str(name)) for index, name in enumerate(value)]
        if isinstance(value, str):
            return [((field,), value)]
    return []


def _prints_as_above(data: DocumentData, agency: Agency) -> bool:
    """Whether Nơi nhận opens with "Như trên" (câu chữ nhu_tren, unless the office or the
    document sets it to ""), which stands for every Kính gửi recipient."""
    if not data.addressees:
        return False
    phrases = {**phrase_overrides(agency.cau_chu), **phrase_overrides(data.cau_chu)}
    return phrases.get("nhu_tren", "Như trên") != ""


def _as_above_repeated(
    addressees: list[tuple[Path_, str]], lines: list[tuple[Path_, str, str | None]],
    source: Source,
) -> list[InputError]:
    """A warning at each Nơi nhận line (or group of the profile) naming a Kính gửi recipient:
    "- Như trên;" already sends the document there, so it would go (and print) twice."""
    first: dict[str, Path_] = {}
    for loc, name in addressees:
        first.setdefault(recipient_key(name), loc)
    found = []
    for loc, name, group in lines:
        earlier = first.get(recipient_key(name))
        if earlier is None:
            continue
        said = Phrase("data.recipient_of_group", group=group) if group is not None else ""
        advice = (Phrase("data.as_above_drop_group", group=group) if group is not None
                  else Phrase("data.as_above_drop_line"))
        found.append(InputError(
            "data.recipient_as_above", line=source.line_of(loc), field=dotted(loc),
            name=name.strip(), where=said, first=_place(source, earlier), advice=advice,
        ))  # fmt: skip
    return found


def _place(source: Source, loc: Path_) -> Phrase:
    """Where `loc` is in words: its line and field, or its field alone in a document with no
    lines (a form: pipeline.api), never 'line None'."""
    line = source.line_of(loc)
    if line is None:
        return Phrase("loc.field", field=dotted(loc))
    return Phrase("data.line_and_field", line=line, field=dotted(loc))


def own_warnings(
    warnings: tuple[InputError, ...], source: Source, inherited: Mapping[str, Any]
) -> tuple[InputError, ...]:
    """The warnings at fields written in the document's file: one at a field it takes from
    another document (`inherited`: a Giấy khen batch's date, signer, Nơi nhận, its decision's)
    would name a line and a field its file does not have ("dòng 1, trường 'ngay'"); the file
    that holds the field says it at its own line (certificates.decision_warnings)."""
    taken = {key for key in inherited if key not in source.data}
    if not taken:
        return warnings
    return tuple(warning for warning in warnings if _field_key(warning.field) not in taken)


def _field_key(field: str | None) -> str:
    """The key of the file's top a warning's field is under: 'noi_nhan' for 'noi_nhan[3]'."""
    return re.split(r"[.\[]", field or "", maxsplit=1)[0]


def check_year_folder(data: DocumentData, source: Source, folder: str) -> tuple[InputError, ...]:
    """A warning at `ngay` for a document kept in another year's folder than its date's, in
    either direction: a folder copied from last year, its dates not yet changed, or a year
    typed out of habit (05/01/2026 in 2027/), numbers and counts it in the date's year. Not
    for one whose nam or trích yếu names the folder's year and whose date is within half a
    year of it (a report of 2025 signed in January 2026 in 2025/, a plan for 2026 signed in
    December 2025 in 2026/); further off, it is the typo again ('kế hoạch ... năm 2027' dated
    05/01/2026 in 2027/), warned as one.
    `folder`: the year folder the output goes to (the date's year when it is in none)."""
    if folder == str(data.ngay.year) or not folder.isdigit():
        return ()
    said = getattr(data, "nam", None) == int(folder) or int(folder) in years_said(data.trich_yeu)
    if said and _near_year(data.ngay, int(folder)):
        return ()
    key = "data.date_far_from_year_folder" if said else "data.date_outside_year_folder"
    return (InputError(key, line=source.line_of(("ngay",)), field="ngay",
                       date=numeric_date(data.ngay), folder=folder,
                       year=data.ngay.year),)  # fmt: skip


# A document of a year signed before it (a plan) or after it (a report): within half a year.
_NEAR_MONTHS = 6


def _near_year(day: date, year: int) -> bool:
    """Whether `day` falls in `year` or within _NEAR_MONTHS months of it."""
    months = (day.year - year) * 12 + day.month - 1  # 0 to 11 inside the year
    return -_NEAR_MONTHS <= months < 12 + _NEAR_MONTHS


_ABSENT = object()  # a key the data leaves out (DocumentLoader._agency_named)
_PLACE = "\ufffc"  # where a placeholder goes in a path (_PathWith): no file name has it


class _PathWith(str):
    """A path with a placeholder among its parts (co-quan/<agency profile id>.yaml), said with
    the placeholder in the language an error's message is asked in."""

    shape: str
    part: Phrase

    def __new__(cls, shape: str, part: Phrase) -> _PathWith:
        path = super().__new__(cls, shape.replace(_PLACE, part))
        path.shape, path.part = shape, part
        return path

    def __getnewargs__(self) -> tuple[str, Phrase]:  # type: ignore[override]
        return self.shape, self.part

    def describe(self, lang: str | None = None) -> str:
        return self.shape.replace(_PLACE, self.part.describe(lang))


K = TypeVar("K")
V = TypeVar("V")


class Recent(Generic[K, V]):
    """The `size` most recently used values by key: a build streams through a year's documents,
    so the loader keeps what is met again soon (an agency profile, the decisions a report
    counts) without holding the whole year. Safe to share between threads: a lock around each
    look-up (an OrderedDict reordered by two threads at once loses keys or raises KeyError)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = ForkSafeLock()  # a build's forked workers inherit the loader

    def get(self, key: K) -> V | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: K, value: V) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


def _unless_changed(
    cache: Recent[Path, tuple[Stamp, V]],
    path: Path,
    make: Callable[[], V],
    info: os.stat_result | None = None,
) -> V:
    """What `make()` gave for file `path` while its stamp stays the same, else made
    again; a path that cannot be stat'ed is never kept (make() says what is wrong with it).
    Two threads missing the same file at once both make it (the later one is kept): no lock is
    held while a file is read, so one slow file does not hold up the others.

    `info`: the file's stat, when just taken (_stat: a document and its parse are kept apart,
    the file stat'ed once for both)."""
    if info is None:
        info = _stat(path)
        if info is None:
            return make()
    stamp = file_stamp(info)
    cached = cache.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    value = make()
    cache.put(path, (stamp, value))
    return value


# What keeps a file a document names from being looked at that is said as it is, not as a file
# missing (read_log.regular_file takes both for none, as Path.is_file does): a part of its path
# that is a file (a list named qd.yaml/ds.csv), a loop of symlinks.
_SAID_NOT_THERE = frozenset((errno.ENOTDIR, errno.ELOOP))


def _regular_file(path: Path) -> bool | None:
    """read_log.regular_file(path) for a file a document names (its load's look at it), its
    OSError raised (a folder above it this user may not enter, a name too long), and one
    raised too for a path no file can be at for a reason worth saying (_SAID_NOT_THERE)."""
    there = regular_file(path)
    if there is None:
        try:
            os.stat(path)  # asked again only when nothing is there: its error, not kept
        except OSError as exc:
            if exc.errno in _SAID_NOT_THERE:
                raise
        except ValueError:  # a NUL in the path: none, as regular_file says
            pass
    return there


def _stat(path: Path) -> os.stat_result | None:
    """The file's stat (as its document's load first took it: read_log.looked_once); None when
    it cannot be taken."""
    try:
        return file_stat(path)
    except OSError:
        return None


# A loaded document with the wording error it was kept without (lists.WordingGap), if any.
Loaded = tuple[LoadedDocument, InputError | None]

# The documents being loaded in this thread (or task), each with its loader: a document met
# again among them refers back to itself. Per thread: a loader shared by threads loads the same
# form path in several at once, which is no cycle.
_LOADING: ContextVar[tuple[tuple[DocumentLoader, Path], ...]] = ContextVar(
    "documents_loading", default=()
)
# The agency profiles read while a document loads, by loader and ref (DocumentLoader.agency):
# its load, its list and its wording checks each ask for the profile; one document's load reads
# it once (None: no load under way in this thread).
_AGENCIES_READ: ContextVar[dict[tuple[DocumentLoader, str], tuple[Agency, Path]] | None] = (
    ContextVar("agencies_read", default=None)
)


def _unless_gap(loaded: Loaded) -> LoadedDocument:
    """The document, unless its wording cannot be written (lists.WordingGap): that error then,
    except to a report counting its figures (lists.counting_figures). The document is kept
    either way, so that the report and the decision itself, loaded in either order by one
    build, each get what they need."""
    document, gap = loaded
    if gap is not None and not COUNTING_FIGURES.get():
        raise gap
    return document


class DocumentLoader:
    """Reads, validates and resolves documents of one workspace; InputError on any problem."""

    def __init__(self, locations: Locations) -> None:
        self.locations = locations
        self._agencies: Recent[Path, tuple[Stamp, Agency]] = Recent(16)
        # Each document kept with its wording error (lists.WordingGap), if it has one, and the
        # stamps of every file its load looked at (its list, its profile, what it attaches):
        # kept while none of them changed (a portal's loader lives while clerks edit them).
        self._documents: Recent[Path, tuple[LookedAt, Loaded]] = Recent(64)
        self._sources: Recent[Path, tuple[Stamp, Source]] = Recent(256)
        self._paths = RealPaths()

    def load(self, path: Path) -> LoadedDocument:
        """The document in data file `path` (parsed once per loader while it is unchanged).

        Each file the load reads is stat'ed once (read_log.looked_once): its path resolved (no
        symlink: its lstat is its stat), then whether it is a file, its stamp for the caches,
        its size for the reader, from that one look (a decision, its profile and list: three
        stats, from 14)."""
        with looked_once() as looked:
            key = self._paths.resolve(path)
            info = _stat(key)
            kept = self._documents.get(key) if info is not None else None
            if kept is not None and unchanged(kept[0]):
                loaded = kept[1]
            else:
                loaded = self._load_source(self._parse(path, key, info), key)
                if info is not None:  # one that cannot be stat'ed is never kept
                    self._documents.put(key, (looked.files(), loaded))
        return _unless_gap(loaded)

    def parse(self, path: Path) -> Source:
        """The parsed data file `path` (once per loader while it is unchanged)."""
        return self._parse(path, self._paths.resolve(path))

    def _parse(self, path: Path, key: Path, info: os.stat_result | None = None) -> Source:
        """parse(path) for `key`, its path resolved (the same for a profile Locations gave,
        resolved already: not asked of the system again); `info`: its stat, when just taken."""
        return _unless_changed(self._sources, key, lambda: load_yaml(path), info)

    def load_mapping(self, data: Mapping[str, Any], path: Path) -> LoadedDocument:
        """A document given as a dict (a form): validated like a file at `path`.

        `path` names the document in messages and places it in the workspace: the files it
        refers to are found relative to it. Messages name fields, not lines.
        """
        return self.load_source(source_of_mapping(data, path))

    def load_source(self, source: Source) -> LoadedDocument:
        """Validate and resolve a document already parsed (never kept: a form's data is its
        own, whichever path it is given, so a form does not change what `load` gives)."""
        with looked_once():  # as `load`
            return _unless_gap(self._load_source(source, self._paths.resolve(source.path)))

    def _load_source(self, source: Source, key: Path) -> Loaded:
        """The document in `source` and its wording error; a document that is being loaded
        in this thread already (one that refers back to itself) is refused."""
        loading = _LOADING.get()
        mark = (self, key)
        if mark in loading:
            raise source.error("ws.reference_cycle", (), name=source.path.name)
        token = _LOADING.set((*loading, mark))
        read = _AGENCIES_READ.set({}) if _AGENCIES_READ.get() is None else None
        gaps: list[InputError] = []
        try:
            document = self._resolve(source, gaps)
        finally:
            if read is not None:
                _AGENCIES_READ.reset(read)
            _LOADING.reset(token)
        return document, (gaps[0] if gaps else None)

    def load_inline(self, source: Source) -> LoadedDocument:
        """A document written inside another one's file (`source` is its part of that file):
        validated and resolved like a file of its own, its messages at that file's lines."""
        return self._resolve(source)

    def _resolve(self, source: Source, gaps: list[InputError] | None = None) -> LoadedDocument:
        """The document in `source`; a wording error (lists.WordingGap) goes to `gaps` when
        given (the document is then loaded without it), else it is raised."""
        code = source.data.get("loai")
        if code is None:
            raise source.error("data.missing_type", ("loai",))
        kind = kind_of(str(code))
        if kind is None:
            # `vanthu new cong-van` names its kinds with hyphens; loai: cong_van.
            written = str(code).strip().casefold().replace("-", "_").replace(" ", "_")
            raise source.error(
                "data.unknown_type", ("loai",), value=code, known=", ".join(sorted(KINDS)),
                hint=_hint(written, sorted(KINDS)),
            )  # fmt: skip
        inherited = kind.inherit(source, self) if kind.inherit else {}
        merged = {**source.data, **inherited} if inherited else None  # None: the file's own
        self._agency_named(source, source.data if merged is None else merged)
        data = validate(built(kind.model), source, merged)
        agency, profile = self.agency(data.co_quan, source)
        check_references(data, agency, source, profile)
        check_minutes_signers(data, agency, source)
        check_typed_weekdays(source)
        folder = self.locations.output_name(source.path, data.ngay.year).parts[0]
        # The profile as its file says (its parse, kept by the loader) only for a date from
        # which check_local_level can warn: before it, its stat and look-up are spared.
        local = (check_local_level(data, self._parse(profile, profile).data, source)
                 if data.ngay >= TWO_LEVELS_SINCE else ())  # fmt: skip
        warnings = (*check_signing_authority(data, agency, source, profile),
                    *check_year_folder(data, source, folder),
                    *local,
                    *check_calendar(data, source),
                    *check_repeated_recipients(data, agency, source),
                    *source_warnings(source),
                    *renumbered_warnings(data, source),
                    *paragraph_order_warnings(data, source))  # fmt: skip
        warnings = own_warnings(warnings, source, inherited)
        try:
            attached = (
                kind.attach(data, source, self) if kind.attach else Attached(kind.attachments())
            )
        except WordingGap as gap:
            if gaps is None:
                raise gap.error from None
            gaps.append(gap.error)
            attached = gap.attached
        if not isinstance(attached.attachments, kind.attachments):  # a kind's own contract
            raise TypeError(f"{kind.code} attached {type(attached.attachments).__name__}")
        warnings += (*check_cited_decree(data, source, attached.attachments),
                     *check_draft_cited(data, attached.attachments, source, self),
                     *attached.warnings)  # fmt: skip
        info = DocumentInfo(
            data=data, agency=agency, doc_type=document_type(kind.code),
            attachments=attached.attachments,
        )  # fmt: skip
        files = (source.path, profile, *attached.files)
        return LoadedDocument(
            path=source.path, kind=kind, info=info, files=files, folders=attached.folders,
            number_from=attached.number_from, warnings=warnings,
        )  # fmt: skip

    def _agency_named(self, document: Source, data: Mapping[str, Any]) -> None:
        """Refuse a document that names no agency profile (`co_quan` left out or empty), saying
        the line to write: with the workspace's one profile, `co_quan: <its id>`; with several,
        which they are; with none, that `vanthu init` makes one. A missing line is placed
        among the document's keys, after its `loai:` line (or at the top of the file)."""
        written = data.get("co_quan", _ABSENT)
        empty = written is None or (isinstance(written, str) and not written.strip())
        if written is not _ABSENT and not empty:
            return  # named (a value of another type is the model's to refuse)
        known = self.locations.agency_ids()
        placeholder = Phrase("data.agency_placeholder")
        ref = known[0] if len(known) == 1 else placeholder
        choices: str = ""
        if not known:
            expected = _PathWith(self.locations.agency_expected(_PLACE), placeholder)
            choices = Phrase("data.agency_none", expected=expected)
        elif len(known) > 1:
            choices = Phrase("data.agency_choices", refs=", ".join(known))
        if written is not _ABSENT:
            raise document.error("data.agency_empty", ("co_quan",), ref=ref, choices=choices)
        line = document.line_of(("loai",))
        where = (Phrase("data.keys_after_line", line=line, kind=data.get("loai"))
                 if line is not None else Phrase("data.keys_at_top"))  # fmt: skip
        raise InputError("data.agency_missing", file=document.path, field="co_quan", ref=ref,
                         where=where, choices=choices)  # fmt: skip

    def agency(self, ref: str, document: Source) -> tuple[Agency, Path]:
        """The agency profile a document names in `co_quan`, validated once per loader from
        the loader's own parse of it (`parse`): what else reads the profile's lines (a Giấy
        khen's signers, certificates.profile_source) is given that parse, not a second one.
        While a document loads, asked again for the same ref, the profile already given."""
        read = _AGENCIES_READ.get()
        if read is not None and (self, ref) in read:
            return read[self, ref]
        path = self.locations.agency_file(ref)
        if path is None:
            raise document.error(
                "data.unknown_agency", ("co_quan",), ref=ref,
                expected=self.locations.agency_expected(ref),
                hint=_hint(ref, self.locations.agency_ids()),
            )  # fmt: skip
        agency = _unless_changed(
            self._agencies, path, lambda: validate(built(Agency), self._parse(path, path))
        )
        if read is not None:
            read[self, ref] = agency, path
        return agency, path

    def all_documents(self) -> tuple[Path, list[Path]]:
        return self.locations.all_documents()

    def recorded_entry(self, data_file: Path, year: int) -> Entry | None:
        return self.locations.recorded_entry(data_file, year)

    def workspace(self) -> Locations:
        """The Locations this loader reads the files of: for render, check and build a
        pipeline.workspace.Workspace, whose register a Giấy khen batch's sổ vàng is in
        (load.certificates.book_register tells)."""
        return self.locations

    def referenced_file(self, source: Source, name: str, loc: Path_) -> Path:
        """A file the document names (a list, a plan), beside it; a located error otherwise."""
        path = self.locations.referenced_file(source.path, name)
        if path is None:
            raise source.error("ws.outside_workspace", loc, name=name)
        # A list (danh_sach) is said to be one; a decision, a plan, a draft by the field's name.
        named_list = loc[-1:] == ("danh_sach",)
        try:
            there = _regular_file(path)
        except OSError as exc:
            # Said where the document names it, in the message's language: the list's reader
            # would name only the list, and this look comes first.
            from pipeline.render.output import ReadReason

            key = "data.list_unreadable" if named_list else "data.file_unreadable_named"
            raise source.error(key, loc, name=name, reason=ReadReason(exc)) from None
        if there:
            return path
        if there is not None:  # a folder or a FIFO: never open it; said where it is named
            raise source.error("data.named_not_regular_file", loc, name=name)
        key = "data.list_missing" if named_list else "data.file_missing_named"
        if typed_as_yaml(source):
            raise source.error(key, loc, name=name)
        # A form has no file to put it beside: the folder its path places it in (its names are
        # taken from there, Workspace.load_mapping).
        raise source.error(f"{key}_plain", loc, name=name, folder=shown(source.path.parent))
