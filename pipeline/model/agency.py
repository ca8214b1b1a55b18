"""Hồ sơ cơ quan: the office described once, referenced by every document it issues."""

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from pipeline.model.base import Date, PersonName, Record, new_dict, new_list
from pipeline.model.document import filing_line_typed
from pipeline.model.wording import Lines, ListLayout, PhraseOverrides, invalid, located
from pipeline.patterns import lazy
from pipeline.phrase import Phrase
from pipeline.rules.agency_names import authority_kind, capitalised_place, signs_on_behalf
from pipeline.rules.award_names import name_key
from pipeline.rules.money import (
    MAX_AMOUNT,
    MAX_BASE_SALARY,
    MAX_COEFFICIENT,
    Award,
    AwardKind,
    BaseSalary,
    OfficeRules,
    Recipient,
    awarded_by,
    base_salaries,
    format_money,
    is_name,
    unknown_award,
)
from pipeline.rules.numbering import MIXED_CASE_AGENCIES
from pipeline.rules.titles import typed_lines
from pipeline.text.tones import same_spelling

Authority = Literal["TM.", "KT.", "TL.", "TUQ.", "Q."]
AUTHORITIES: tuple[str, ...] = get_args(Authority)
# Ký hiệu of an agency as real offices write it: UBND, VPUBND, TTg, HĐTĐKT (letters and digits).
ABBREVIATION = re.compile(r"^[^\W_]+$")
# The "TM." that opens a signature line written in chuc_vu ("TM. ỦY BAN NHÂN DÂN").
_on_behalf_prefix = lazy(r"^\s*T\.?\s?M\.\s*", re.I)


def _in_capitals(value: str) -> bool:
    """Whether a ký hiệu is written as Nghị định 30 and `vanthu verify` (so_ky_hieu.case) want
    it: in capitals, or one of the few agencies' own mixed-case forms (TTg)."""
    return value == value.upper() or value in MIXED_CASE_AGENCIES


def _unit_key(key: str) -> str:
    """A đơn vị's key is its ký hiệu: a Công văn prints it in Số, ký hiệu (01/PGDĐT-GDTRH), so a
    mixed-case "GDTrH" is refused here, before a number is taken, rather than by verify after;
    so is one with a hyphen, space or dot ("TC-HC"), which the hyphen before it cannot tell
    from the agency's part (01/PGDĐT-TC-HC reads as the unit HC of an agency PGDĐT-TC)."""
    if not ABBREVIATION.match(key):
        fixed = "".join(char for char in key if char.isalnum())
        if not fixed:
            raise invalid("wording.bad_abbreviation", value=key)
        fixed = fixed if _in_capitals(fixed) else fixed.upper()
        raise invalid(
            "wording.unit_abbreviation_letters", value=key, fixed=fixed,
            also=Phrase("wording.abbreviation_case_unit_also", upper=fixed),
        )  # fmt: skip
    if not _in_capitals(key):
        raise invalid(
            "wording.abbreviation_case", value=key, upper=key.upper(),
            where=Phrase("wording.abbreviation_case_unit", value=key),
            also=Phrase("wording.abbreviation_case_unit_also", upper=key.upper()),
        )  # fmt: skip
    return key


def _not_filing_member(value: Any) -> Any:
    """A recipient of a group, not the filing line "Lưu: VT, TH.": vanthu writes that line for
    each document, so in a group it would print twice (as model.document refuses in noi_nhan)."""
    typed = filing_line_typed(value)
    if typed is not None:
        raise invalid("data.filing_line_in_group", line=typed)
    return value


UnitKey = Annotated[str, AfterValidator(_unit_key)]
GroupMember = Annotated[str, BeforeValidator(_not_filing_member)]


class Unit(Record):
    """Đơn vị: a phòng, ban or trung tâm of the agency."""

    ten: str = Field(min_length=1)


def _decree_award(name: str) -> str:
    """A decree's award that an office name stands for: one the money tables know, else the
    office's list would be refused at a row that is right, for a typo made here."""
    closest = unknown_award(name)
    if closest is not None and not is_name(name):  # an amount written where a name belongs
        raise invalid("data.decree_award_not_a_name", name=name)
    if closest is not None:
        raise invalid("wording.unknown_decree_award", name=name, suggestion=closest)
    return name


# A sum of money as clerks write it: 200000, 200.000 or 1.410.000 (dots group thousands).
_money_text = lazy(r"^\d{1,3}(\.\d{3})+$|^\d+$")


def _money(value: Any, *, rate: bool = False, limit: int = MAX_AMOUNT) -> Any:
    """Số tiền in whole đồng from 200000 or "200.000", at most `limit`; a fraction is refused
    (for an award's `rate`, pointing to he_so: "ca_nhan: 0.3" means a coefficient)."""
    if isinstance(value, bool):
        return value  # pydantic refuses it as a number
    suffix = "_rate" if rate else ""
    if isinstance(value, float):  # YAML's reading of an unquoted 200.000 (or of 0.3)
        raise invalid(f"data.money_float{suffix}", value=value)
    text = str(value).strip()
    if isinstance(value, int) or _money_text().match(text):
        amount = int(text.replace(".", ""))
        if amount > limit:  # said as typed: format_money cannot print every such sum
            raise invalid("data.money_too_large", value=text[:60], limit=format_money(limit))
        return amount
    raise invalid(f"data.money_bad{suffix}", value=text)


def _rate_money(value: Any) -> Any:
    return _money(value, rate=True)


def _salary_money(value: Any) -> Any:
    return _money(value, limit=MAX_BASE_SALARY)


def _coefficient(value: Any) -> Any:
    """Hệ số from 0.3, "0,3" or "1.5"; positive."""
    text = str(value).strip().replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = Decimal(0)
    if isinstance(value, bool) or not number.is_finite() or number <= 0:
        raise invalid("data.own_award_bad_coefficient", value=str(value).strip())
    if number > MAX_COEFFICIENT:
        raise invalid("data.coefficient_too_large", value=str(value).strip()[:60],
                      limit=MAX_COEFFICIENT)  # fmt: skip
    return number


SalaryMoney = Annotated[int, BeforeValidator(_salary_money), Field(gt=0)]
RateMoney = Annotated[int, BeforeValidator(_rate_money), Field(gt=0)]
Coefficient = Annotated[Decimal, BeforeValidator(_coefficient)]


class OwnRate(Record):
    """Mức thưởng of an office's own award for cá nhân or tập thể: a fixed sum or a hệ số."""

    so_tien: RateMoney | None = Field(default=None, description="đồng: 200000 or 200.000")
    he_so: Coefficient | None = Field(default=None, description="× mức lương cơ sở: 0,3")

    @model_validator(mode="before")
    @classmethod
    def _bare_amount(cls, value: Any) -> Any:
        # "ca_nhan: 200000" is the short form of "ca_nhan: {so_tien: 200000}".
        return value if isinstance(value, dict) else {"so_tien": value}

    @model_validator(mode="after")
    def _one_rate(self) -> "OwnRate":
        if (self.so_tien is None) == (self.he_so is None):
            raise invalid("data.own_award_rate_one")
        return self


class OwnAward(Record):
    """Khen thưởng riêng: an award the office pays under its own rules (quy chế thi đua, khen
    thưởng of the unit), with the rule cited in Điều 2."""

    ca_nhan: OwnRate | None = None
    tap_the: OwnRate | None = None
    nguon: str = Field(min_length=1, description="Quy chế thi đua, khen thưởng của Trường ...")
    dieu: str = Field(default="", description="the article of nguon: Điều 12")
    loai: Literal["danh_hieu", "hinh_thuc"] = Field(
        default="hinh_thuc", description="danh hiệu thi đua or hình thức khen thưởng (reports)"
    )

    @model_validator(mode="after")
    def _some_recipient(self) -> "OwnAward":
        if self.ca_nhan is None and self.tap_the is None:
            raise invalid("data.own_award_no_recipient")
        return self

    def awards(self, name: str) -> tuple[Award, ...]:
        """The award as the money rules price it: one per recipient, each with its rate."""
        out = []
        for recipient, rate in ((Recipient.INDIVIDUAL, self.ca_nhan),
                                (Recipient.COLLECTIVE, self.tap_the)):  # fmt: skip
            if rate is None:
                continue
            out.append(
                Award(
                    name=name,
                    kind=AwardKind(self.loai),
                    recipients=frozenset({recipient}),
                    coefficient=rate.he_so or Decimal(0),
                    source=self.nguon,
                    article=self.dieu,
                    regime="khen_thuong_rieng",
                    fixed_amount=rate.so_tien,
                    office=True,
                )
            )
        return tuple(out)


def _own_award_name(name: str, info: ValidationInfo) -> str:
    """An own award's name is not also an office name of a decree award (ten_khen_thuong): the
    money of a row would then depend on which table was read first."""
    for other in info.data.get("ten_khen_thuong") or {}:
        if name_key(other) == name_key(name):
            raise invalid("data.own_award_twice", name=name, other="ten_khen_thuong")
    # A decree's award by its own name ("Lao động tiên tiến", "Giấy khen") is paid as the decree
    # says: an own amount would silently re-price it. An award named with its giver ("Giấy khen
    # của Ban Chấp hành Đoàn trường") may be a body's own, paid under its own rules.
    if unknown_award(name) is None and awarded_by(name) is None:
        raise invalid("data.own_award_is_decree", name=name)
    return name


class SalaryRow(Record):
    """Mức lương cơ sở from a date, as the decree or decision that set it says; extends the
    built-in table (pipeline/rules/data/luong-co-so.csv)."""

    tu_ngay: Date
    muc_luong: SalaryMoney
    nguon: str = Field(min_length=1, description="Nghị định .../NĐ-CP that sets it")

    @model_validator(mode="after")
    def _agrees_with_the_table(self) -> "SalaryRow":
        in_force = None
        for row in base_salaries():
            if row.since == self.tu_ngay and row.amount != self.muc_luong:
                raise invalid(
                    "data.salary_conflict",
                    date=row.since, amount=format_money(row.amount), source=row.source,
                )  # fmt: skip
            if row.since <= self.tu_ngay:
                in_force = row
        # A base salary only rises: one below half the row it follows is a sum typed in
        # thousands ("2.530" for 2.530.000), which would print 1.000 times too little.
        if in_force is not None and self.muc_luong * 2 < in_force.amount:
            raise invalid(
                "data.salary_too_low", amount=format_money(self.muc_luong),
                before=format_money(in_force.amount), date=in_force.since,
            )  # fmt: skip
        return self


class Signer(Record):
    """Người ký: a usual signer, with how they sign (thẩm quyền ký)."""

    # A name of punctuation alone ("...": not yet known) would sign every document: refused.
    # One typed in capitals prints in title case (base.printed_name), as Phụ lục I writes it.
    ho_ten: PersonName = Field(min_length=1)
    chuc_vu: Lines = Field(
        min_length=1,
        description="the signer's own title; or every line above the name, as a list: "
        "[TM. ỦY BAN NHÂN DÂN, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH]",
    )
    tham_quyen: Authority | None = None
    thay_cho: str | None = Field(
        default=None,
        description="TM.: the collective body; KT., TL., TUQ., Q.: the head's title",
    )

    @field_validator("tham_quyen")
    @classmethod
    def _authority_once(cls, value: Any, info: ValidationInfo) -> Any:
        # chuc_vu as lines is every line above the name (README), its own authority line
        # included: tham_quyen/thay_cho would print that line a second time.
        titles = typed_lines(str(info.data.get("chuc_vu") or ""))
        written = next((t for t in titles if t.upper().startswith(AUTHORITIES)), None)
        if value and written:
            raise invalid("wording.authority_twice", line=written, authority=value)
        return value

    @model_validator(mode="after")
    def _authority_needs_whom(self) -> "Signer":
        if self.tham_quyen and not self.thay_cho:
            raise invalid("wording.authority_needs_whom")
        return self

    @model_validator(mode="after")
    def _acting_title_printed(self) -> "Signer":
        # Q. (Quyền): the signature is "Q. <head's title>" and the name, no line of the signer's
        # own (Nghị định 30, Phụ lục I, ô 7a). A chuc_vu that is not that title would be left
        # out of the signature in silence while a Biên bản still names its chair by it.
        if self.tham_quyen != "Q." or not self.thay_cho:
            return self
        acting = f"Quyền {_as_words(self.thay_cho)}"
        lines = typed_lines(self.chuc_vu)
        if " ".join(lines).casefold() != acting.casefold():
            raise invalid(
                "wording.acting_title",
                title=" / ".join(lines),
                head=_as_words(self.thay_cho).upper(),
                acting=acting,
            )
        return self

    @model_validator(mode="after")
    def _own_title_last(self) -> "Signer":
        # The line right above the name is the signer's own title (Nghị định 30, Phụ lục I,
        # ô 7a): a chuc_vu ending "KT. CHỦ TỊCH" would sign every document for the head
        # without saying as whom. "Q. <head's title>" alone is the acting head's whole title.
        # A line broken with '|' ("TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH") is two lines, as printed;
        # the place reported is the profile's own: its list's last item.
        typed = typed_lines(self.chuc_vu)
        last = typed[-1] if typed else ""
        authority = _authority_of(last)
        if authority is None or (authority == "Q." and last[len(authority) :].strip()):
            return self
        items = self.chuc_vu.splitlines()
        loc: tuple[str | int, ...] = ("chuc_vu", len(items) - 1) if len(items) > 1 else ("chuc_vu",)
        raise located(
            loc, "wording.signer_title_missing", last, line=last, authority=authority,
            lines=", ".join(typed),
        )  # fmt: skip

    @property
    def on_behalf_of(self) -> tuple[str, str] | None:
        """(field, name) of what a "TM." signer signs on behalf of: thay_cho after tham_quyen
        TM., or the rest of a first chuc_vu line "TM. ..."; None for a signer without TM."""
        if self.tham_quyen == "TM.":
            return "thay_cho", self.thay_cho or ""
        first = next(iter(typed_lines(self.chuc_vu)), "")
        if signs_on_behalf(first):
            return "chuc_vu", _on_behalf_prefix().sub("", first).strip()
        return None

    @property
    def own_title(self) -> str:
        """The signer's own title: the chuc_vu lines (typed_lines) that are no "TM." line, on
        one line."""
        return " ".join(line for line in typed_lines(self.chuc_vu) if not signs_on_behalf(line))


def _names_a_person(name: str, titles: set[str]) -> bool:
    """Whether `name`, after a TM., is a person's title: a head's title vanthu knows
    (rules.agency_names: Giám đốc, Trưởng phòng, Chủ tịch ...) or one of the profile's."""
    kind = authority_kind(name)
    return (kind is not None and kind[0] == "head") or same_spelling(name) in titles


def _authority_of(line: str) -> str | None:
    """The authority ("KT.", "TM." ...) a title line opens with, as Phụ lục I writes it."""
    opening = line.strip().upper()
    return next((a for a in AUTHORITIES if opening.startswith(a)), None)


def _as_words(text: str) -> str:
    """Text on one line with single spaces ("Quyền  Hiệu trưởng" → "Quyền Hiệu trưởng")."""
    return " ".join(text.split())


class Agency(Record):
    """Cơ quan ban hành with its chủ quản, abbreviation, place, units, signers, recipient groups."""

    co_quan_chu_quan: Lines | None = Field(
        default=None, description="ô 2, upper line(s); a list for several lines"
    )
    ten_co_quan: Lines = Field(
        min_length=1, description="as printed in the header: VĂN PHÒNG; a list for several lines"
    )
    ten_day_du: str = Field(min_length=1, description="in running text: Văn phòng UBND tỉnh ...")
    viet_tat: str = Field(description="in ký hiệu, in capitals: VPUBND, UBND (TTg: its own)")
    dia_danh: str = Field(min_length=1, description="place name of the date line: Sơn La")
    don_vi: dict[UnitKey, Unit] = Field(default_factory=new_dict)
    nguoi_ky: dict[str, Signer] = Field(default_factory=new_dict)
    nhom_noi_nhan: dict[str, list[GroupMember]] = Field(default_factory=new_dict)
    cau_chu: PhraseOverrides | None = Field(  # type: ignore[valid-type]
        default=None, description="the office's own wording of the phrases vanthu writes"
    )
    ten_khen_thuong: dict[str, Annotated[str, AfterValidator(_decree_award)]] = Field(
        default_factory=new_dict,
        description="the office's award names → the decree's award they are paid as",
    )
    khen_thuong_rieng: dict[Annotated[str, AfterValidator(_own_award_name)], OwnAward] = Field(
        default_factory=new_dict,
        description="the office's own awards, paid under its own rules: amount and source",
    )
    luong_co_so: list[SalaryRow] = Field(
        default_factory=new_list, description="mức lương cơ sở rows added to the built-in table"
    )
    danh_sach: ListLayout | None = Field(default=None, description="how its lists are laid out")

    @field_validator("khen_thuong_rieng")
    @classmethod
    def _own_names_once(cls, value: dict[str, OwnAward]) -> dict[str, OwnAward]:
        seen: dict[str, str] = {}
        for name in value:
            first = seen.setdefault(name_key(name), name)
            if first != name:  # "Học sinh Xuất sắc" and "Học sinh xuất sắc"
                raise invalid("data.own_award_twice", name=name, other="khen_thuong_rieng")
        return value

    @field_validator("luong_co_so")
    @classmethod
    def _one_row_a_date(cls, value: list[SalaryRow]) -> list[SalaryRow]:
        seen: set[date] = set()
        for row in value:
            if row.tu_ngay in seen:
                raise invalid("data.salary_same_date", date=row.tu_ngay)
            seen.add(row.tu_ngay)
        return value

    @cached_property  # the profile is read once a build: its rules are built once, not per list
    def money_rules(self) -> OfficeRules | None:
        """The office's own money data for pricing its lists; None when it has none."""
        if not self.khen_thuong_rieng and not self.luong_co_so:
            return None
        return OfficeRules(
            awards=tuple(
                a for name, own in self.khen_thuong_rieng.items() for a in own.awards(name)
            ),
            base_salaries=tuple(
                BaseSalary(row.muc_luong, row.tu_ngay, row.nguon)
                for row in sorted(self.luong_co_so, key=lambda r: r.tu_ngay)
            ),
        )

    @field_validator("dia_danh")
    @classmethod
    def _place_capitalised(cls, value: str) -> str:
        """The place as the date line prints it (ô 4), each word with its capital, as `vanthu
        verify` requires (dia_danh_ngay.place, rules.agency_names.capitalised_place): "sơn la",
        "Sơn la" → "Sơn La"; the words after the first of a level opening it stay as typed
        ("Thành phố Hồ Chí Minh"). Changed here, where the profile is read: every document of
        the office prints it, its Giấy khen as well."""
        return capitalised_place(value)

    @field_validator("viet_tat")
    @classmethod
    def _abbreviation(cls, value: str) -> str:
        if not ABBREVIATION.match(value):
            raise invalid("wording.bad_abbreviation", value=value)
        if not _in_capitals(value):  # printed in every Số, ký hiệu: verify would fail each one
            raise invalid(
                "wording.abbreviation_case", value=value, upper=value.upper(),
                where=Phrase("wording.abbreviation_case_agency", value=value), also="",
            )  # fmt: skip
        return value

    @model_validator(mode="after")
    def _tm_for_a_body(self) -> "Agency":
        """TM. (thay mặt) stands only before a collective body (Ủy ban nhân dân, Hội đồng, Ban
        Thường vụ: Nghị định 30, Phụ lục I, ô 7a), never before a person's title: "TM. TRƯỞNG
        PHÒNG" above a deputy's name is a KT. written wrong, in every document the signer
        signs. Refused at the signer's line, as the profile's other signer checks are."""
        titles = self._person_titles()
        for key, signer in self.nguoi_ky.items():
            found = signer.on_behalf_of
            if found is None or not _names_a_person(found[1], titles):
                continue
            field, title = found
            own = not signer.own_title or same_spelling(signer.own_title) == same_spelling(title)
            advice = "own" if own else "deputy"
            advice += "_lines" if field == "chuc_vu" else ""
            shown = " ".join(title.split()).upper()
            raise located(
                ("nguoi_ky", key, field), "wording.tm_for_a_person", title, signer=key,
                title=shown, advice=Phrase(f"wording.tm_advice_{advice}", title=shown),
            )  # fmt: skip
        return self

    def _person_titles(self) -> set[str]:
        """The persons' titles this profile gives (same_spelling): each signer's chuc_vu with no
        authority line (its lines, typed_lines, one title), and the head a KT., TL., TUQ. or Q.
        signer signs for; never a collective."""
        titles = set()
        for signer in self.nguoi_ky.values():
            lines = typed_lines(signer.chuc_vu)
            if lines and not any(line.upper().startswith(AUTHORITIES) for line in lines):
                titles.add(same_spelling(" ".join(lines)))
            if signer.tham_quyen not in (None, "TM.") and signer.thay_cho:
                titles.add(same_spelling(signer.thay_cho))
        return titles
