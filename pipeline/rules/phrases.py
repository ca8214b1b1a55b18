"""Câu chữ: the sentences vanthu writes itself, as a phrase table with fields, from data.

The defaults are data/cau-chu.yaml (today's wording); an office overrides any of them in its
profile and a document in its own file (`cau_chu:`). A phrase names computed values as
`{{ so_tap_the }}`, filled with the same plain lookup the report uses (rules/placeholders): the
values stay text, and an unknown name is an error. A field with no text takes the space (and a
comma) before it along, so "cho {{ so_luong }} {{ thanh_tich }} (có ...)" reads well either way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from pipeline.patterns import lazy
from pipeline.rules.placeholders import PLACEHOLDER, names_in, stray_tags

PHRASE_FILE = "cau-chu.yaml"

# A proposal (the preamble's last line) typed as a whole sentence keeps its own opening.
PROPOSAL_OPENINGS = ("Theo đề nghị", "Xét đề nghị", "Theo đề xuất", "Xét đề xuất")

# Fields every phrase may use: the document's own number, date and issuer.
COMMON = frozenset({"so_ky_hieu", "ngay_thang", "loai_van_ban", "co_quan", "tham_quyen", "nam"})
AWARD_FIELDS = _AWARD = frozenset(
    {
        "hanh_dong", "thanh_tich", "so_luong", "so_luong_tap_the_truoc", "so_luong_theo_thu_tu",
        "so_ca_nhan",
        "so_tap_the", "tong_so",
        "tong_tien", "tong_tien_bang_chu", "nguon_kinh_phi", "luong_co_so", "dieu_khoan",
        "tien_ca_nhan", "tien_tap_the", "khen_thuong_chung",
    }
)  # fmt: skip
_ENTRY = frozenset({"ten", "ho_ten", "chuc_vu", "don_vi", "khen_thuong"})
_GROUP = frozenset({"so", "ten", "so_luong", "tong_tien"})
_ATTACHED: frozenset[str] = frozenset()
_PERSON = frozenset({"ho_ten", "chuc_vu"})
_ATTENDANCE = frozenset({"so_co_mat", "so_vang_mat", "so_thanh_vien"})
_VOTE = frozenset(
    {"tan_thanh", "khong_tan_thanh", "khong_bieu_quyet", "tong_so", "ty_le", "so_thanh_vien",
     "ty_le_thanh_vien"}
)  # fmt: skip
_CERTIFICATE = frozenset({"so_quyet_dinh", "ngay_quyet_dinh", "dia_danh", "thanh_tich"})
# A Báo cáo's table of figures: its number in the report and the year before its own ({{ nam }}
# is the report's year there).
_TABLE = frozenset({"so", "nam_truoc"})
# A Báo cáo's year-on-year change (figures.change), in its tables' "Tăng, giảm" cells and its
# text's {{ tong.tang_giam }}: the change in per cent ("12,5") and the difference ("3").
_CHANGE = frozenset({"ty_le", "chenh_lech"})
CHANGE_PHRASES = ("bao_cao_tang", "bao_cao_giam", "bao_cao_khong_doi", "bao_cao_moi")
# Column headings of a Báo cáo's tables that name no figure (bao_cao_cot_nam_truoc names one).
REPORT_HEADINGS = (
    "bao_cao_cot_stt", "bao_cao_cot_khen_thuong", "bao_cao_cot_don_vi", "bao_cao_cot_ca_nhan",
    "bao_cao_cot_tap_the", "bao_cao_cot_ca_nhan_luot", "bao_cao_cot_tap_the_luot",
    "bao_cao_cot_so_tien", "bao_cao_cot_tang_giam",
)  # fmt: skip
# Column headings of a Kế hoạch's appendix of tasks, and of a Thông báo's lịch công tác.
APPENDIX_HEADINGS = (
    "phu_luc_cot_stt", "phu_luc_cot_nhiem_vu", "phu_luc_cot_chu_tri", "phu_luc_cot_phoi_hop",
    "phu_luc_cot_thoi_gian",
)  # fmt: skip
SCHEDULE_HEADINGS = (
    "lich_cot_thoi_gian", "lich_cot_noi_dung", "lich_cot_chu_tri", "lich_cot_thanh_phan",
    "lich_cot_dia_diem",
)  # fmt: skip

# truong-cau-chu: the fields each phrase may name, besides COMMON.
FIELDS: dict[str, frozenset[str]] = {
    "luu": frozenset({"don_vi_soan_thao", "nguoi_soan_thao", "ten_don_vi_soan_thao", "so_ban"}),
    "phu_luc_ten": frozenset({"so"}),
    "phu_luc_kem_theo": _ATTACHED,
    **dict.fromkeys(APPENDIX_HEADINGS, frozenset()),
    **dict.fromkeys(SCHEDULE_HEADINGS, frozenset()),
    "theo_de_nghi": frozenset({"de_nghi"}),
    "nhu_dieu": frozenset({"dieu_thi_hanh"}),
    "hanh_dong_kem_khen_thuong": _AWARD,
    "dieu_1_danh_sach": _AWARD,
    "dieu_1_co_ten": _AWARD,
    "dieu_1_co_ten_khong_thanh_tich": _AWARD,
    "dong_co_ten": _AWARD | _ENTRY,
    "dong_co_ten_mot_loai": _AWARD | _ENTRY,
    "dieu_2_mo_dau": _AWARD,
    "dieu_2_mo_dau_muc_co_dinh": _AWARD,
    "dieu_2_muc": _AWARD | frozenset({"khen_thuong", "so_tien", "doi_tuong"}),
    "dieu_2_so_luong": frozenset({"so_luong", "doi_tuong"}),
    "dieu_2_sau": _AWARD,
    "doi_tuong_ca_nhan": frozenset(),
    "doi_tuong_tap_the": frozenset(),
    "danh_sach_ten": _ATTACHED,
    "danh_sach_kem_theo": _ATTACHED,
    "danh_sach_nhom": _GROUP,
    "danh_sach_doi_tuong": _GROUP,
    "ten_tap_the": frozenset(),
    "ten_ca_nhan": frozenset(),
    "danh_sach_tong_cong": _AWARD,
    "cot_stt": frozenset(),
    "cot_ten": frozenset(),
    "cot_ten_tap_the": frozenset(),
    "cot_chuc_vu": frozenset(),
    "cot_don_vi": frozenset(),
    "cot_so_tien": frozenset(),
    "hoi_dong_dieu_1": frozenset({"hanh_dong", "so_thanh_vien"}),
    "hoi_dong_thanh_vien": frozenset({"ho_ten", "chuc_vu", "vai_tro"}),
    "ban_hanh_dieu_1": frozenset({"trich_yeu_ke_hoach"}),
    "ban_hanh_kem_theo": _ATTACHED,
    "ban_hanh_phu_luc_kem_theo": _ATTACHED,
    "ban_hanh_quy_che_dieu_1": frozenset({"ten_van_ban", "trich_yeu_van_ban"}),
    "nhu_tren": frozenset(),
    "kinh_trinh": frozenset({"kinh_trinh"}),
    "tra_loi": frozenset({"so_den", "ngay_den", "noi_gui", "ve_viec_den"}),
    "kinh_moi": frozenset(),
    "thoi_gian": frozenset({"gio", "thu_ngay"}),
    "khoang_gio": frozenset({"bat_dau", "ket_thuc"}),
    "dia_diem": frozenset({"dia_diem"}),
    "noi_dung_moi": frozenset({"noi_dung"}),
    "thanh_phan": frozenset({"thanh_phan"}),
    "thanh_phan_danh_sach": frozenset(),
    "bien_ban_bat_dau": frozenset({"gio", "ngay", "dia_diem", "cuoc_hop"}),
    "bien_ban_chu_tri": _PERSON,
    "bien_ban_thu_ky": _PERSON,
    "bien_ban_co_mat": _ATTENDANCE,
    "bien_ban_vang_mat": _ATTENDANCE,
    "bien_ban_khong_vang": _ATTENDANCE,
    "bien_ban_khach_moi": frozenset(),
    "nguoi_du_hop": _PERSON,
    "nguoi_vang_mat": _PERSON | frozenset({"ly_do"}),
    "bien_ban_noi_dung": frozenset(),
    "bieu_quyet": _VOTE,
    "bien_ban_ket_luan": frozenset(),
    "bien_ban_ket_thuc": frozenset({"gio", "ngay"}),
    # A hội nghị's own wording of the four above (context.bien_ban.minutes_phrase).
    "bien_ban_co_mat_hoi_nghi": _ATTENDANCE,
    "bien_ban_vang_mat_hoi_nghi": _ATTENDANCE,
    "bien_ban_noi_dung_hoi_nghi": frozenset(),
    "bien_ban_ket_thuc_hoi_nghi": frozenset({"gio", "ngay"}),
    "cung_ngay": frozenset(),
    "ky_thu_ky": frozenset(),
    "ky_chu_toa": frozenset(),
    "giay_khen_thanh_tich": _CERTIFICATE,
    "giay_khen_ngay": _CERTIFICATE,
    "giay_khen_quyet_dinh": _CERTIFICATE,
    "giay_khen_so_vao_so": _CERTIFICATE | frozenset({"so_vao_so"}),
    "bao_cao_khong_so_sanh": frozenset(),
    "bao_cao_bang_khen_thuong": _TABLE,
    "bao_cao_bang_don_vi": _TABLE,
    **dict.fromkeys(REPORT_HEADINGS, frozenset()),
    "bao_cao_cot_nam_truoc": frozenset({"nam_truoc"}),
    "bao_cao_tong_cong": frozenset(),
    "bao_cao_tang": _CHANGE,
    "bao_cao_giam": _CHANGE,
    "bao_cao_khong_doi": frozenset(),
    # A figure of none the year before has no per cent of it: only the difference.
    "bao_cao_moi": frozenset({"chenh_lech"}),
}
# Per award, in the order of the list: {{ khen_thuong_1.ten }}, {{ khen_thuong_2.tap_the }} ...
_per_award = lazy(r"^khen_thuong_[1-9][0-9]?\.(ten|ca_nhan|tap_the|so_ca_nhan|so_tap_the)$")
# Phrases that hold several paragraphs.
LISTS = frozenset({"dieu_2_sau"})
# Phrases that must write something, by what their empty text would leave in the document.
# Others may be "": nhu_dieu and nhu_tren drop their Nơi nhận line, dieu_2_muc its lines,
# dieu_2_sau ([]) its paragraphs, as cau-chu.yaml and the README say.
REQUIRED: dict[str, str] = {
    # An article with its number and nothing else: "Điều 1. ".
    **dict.fromkeys(
        ("dieu_1_danh_sach", "dieu_1_co_ten", "dieu_1_co_ten_khong_thanh_tich", "dieu_2_mo_dau",
         "dieu_2_mo_dau_muc_co_dinh", "hoi_dong_dieu_1", "ban_hanh_dieu_1",
         "ban_hanh_quy_che_dieu_1"),
        "empty_article",
    ),
    # A line that is only its dash: "-" in Nơi nhận (luu: the archive line Nghị định 30
    # requires, so it is never dropped), in Điều 1's names, in the minutes' attendance.
    **dict.fromkeys(
        ("luu", "dong_co_ten", "dong_co_ten_mot_loai", "hoi_dong_thanh_vien", "nguoi_du_hop",
         "nguoi_vang_mat"),
        "lone_dash",
    ),
    # The document's own theo_de_nghi would vanish: a decision without a proposal omits it.
    "theo_de_nghi": "lost_proposal",
    # A heading of the Danh sách printed empty.
    **dict.fromkeys(
        ("danh_sach_ten", "cot_stt", "cot_ten", "cot_ten_tap_the", "cot_chuc_vu", "cot_don_vi",
         "cot_so_tien"),
        "empty_heading",
    ),
    # A report's table, a plan's appendix or a notice's schedule, printed without its name or a
    # column's heading.
    **dict.fromkeys(
        ("phu_luc_ten", "bao_cao_bang_khen_thuong", "bao_cao_bang_don_vi", *REPORT_HEADINGS,
         "bao_cao_cot_nam_truoc", *APPENDIX_HEADINGS, *SCHEDULE_HEADINGS),
        "empty_table_heading",
    ),
    # A report's change on the year before (figures.change) worded as nothing: its "Tăng, giảm"
    # cell printed blank, and the clause of its text that names it left out whole (fill_text),
    # with the other figures the clerk typed in it ("70 lượt khen thưởng, ...").
    **dict.fromkeys(CHANGE_PHRASES, "empty_change"),
}  # fmt: skip
# Closing punctuation an empty field must not be left hanging before.
_CLOSERS = ",.;:)"

Text = str | list[str]


_PER_AWARD_KEYS = frozenset(k for k, v in FIELDS.items() if _AWARD <= v)


def allowed(key: str, name: str) -> bool:
    """Whether phrase `key` may name the field `name`."""
    if name in COMMON or name in FIELDS.get(key, ()):
        return True
    return key in _PER_AWARD_KEYS and bool(_per_award().match(name))


def unknown_names(key: str, text: Text) -> list[str]:
    """The names in `text` phrase `key` cannot fill."""
    texts = [text] if isinstance(text, str) else text
    return [n for t in texts for n in names_in(t) if not allowed(key, n)]


def broken_tags(text: Text) -> list[str]:
    """The pieces of `text` that look like template tags but are not a plain `{{ name }}`."""
    texts = [text] if isinstance(text, str) else text
    return [piece for t in texts for piece in stray_tags(t)]


def empty_required(key: str, text: Text) -> str | None:
    """Why phrase `key` may not be empty, when `text` is empty; None when it may be (or isn't)."""
    if key not in REQUIRED or not isinstance(text, str) or text.strip():
        return None
    return REQUIRED[key]


def known_names(key: str) -> list[str]:
    """Names phrase `key` may use, for messages and the starters."""
    extra = ["khen_thuong_1.ten", "khen_thuong_1.tap_the", "khen_thuong_1.ca_nhan"]
    names = sorted(FIELDS.get(key, frozenset()) | COMMON)
    return names + (extra if key in _PER_AWARD_KEYS else [])


def fill_phrase(
    text: str, values: Mapping[str, str], defaults: Mapping[str, str] | None = None
) -> str:
    """`text` with its fields filled; an empty field takes its leading space (and comma) along,
    and a value's closing full stop ('… đồng.') gives way to the mark the text puts right after
    it ('({{ tong.tien_bang_chu }})' → '(… đồng)', not '(… đồng.)').

    A field missing from `values` is taken from `defaults`; KeyError names the first field
    neither has.
    """
    fields, end, end_closes = _parsed(text)
    if not fields:
        return text
    defaults = defaults or {}
    out: list[str] = []
    for before, bare, name, before_closes, bare_closes in fields:
        value = values[name] if name in values else defaults[name]
        piece, closes = (before, before_closes) if value else (bare, bare_closes)
        if closes and out and _ends_sentence(out[-1]):
            out[-1] = out[-1][:-1]
        out += (piece, value)
    if end_closes and _ends_sentence(out[-1]):
        out[-1] = out[-1][:-1]
    out.append(end)
    return "".join(out)


# A clause in parentheses, with the spaces before it: "đồng (tăng 5% so với năm 2021)".
_clause = lazy(r"[ \t]*\([^()]*\)")


def fill_text(text: str, values: Mapping[str, str]) -> str:
    """A clerk's text with its figures filled (a báo cáo's narrative, and the sentences its
    warnings quote: pipeline.load.report). A clause in parentheses naming a figure with
    nothing to print (a comparison when the year before has no decisions) is left out whole,
    and any other empty figure takes its leading space along, as in the phrase table."""

    def clause(match: re.Match[str]) -> str:
        return "" if any(not values[n] for n in names_in(match[0])) else match[0]

    return fill_phrase(_clause().sub(clause, text), values)


# Marks after which a value's own closing full stop would be doubled punctuation.
_CLOSING_MARKS = (".", ",", ";", ":", ")", "!", "?")


def _ends_sentence(value: str) -> bool:
    """Whether `value` closes with a sentence's full stop ('… đồng.'), not an abbreviation's
    ('TP.', 'v.v.') or a number's: only a lower-case word of 3 letters or more before it."""
    if not value.endswith("."):
        return False
    word = value[:-1].rsplit(None, 1)[-1] if value[:-1].strip() else ""
    return len(word) >= 3 and word.isalpha() and word.islower()


# A field of a phrase as _parsed gives it: the text before it, that text when the field is
# empty, its name, and whether each of those texts starts with a closing mark (fill_phrase asks
# for every field it fills, and the answer is the phrase's).
_Field = tuple[str, str, str, bool, bool]


@lru_cache(maxsize=1024)  # a document fills the same few phrases many times
def _parsed(text: str) -> tuple[tuple[_Field, ...], str, bool]:
    """Each field of `text` (_Field), the text after the last field, and whether that text
    starts with a closing mark."""
    fields = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        before = bare = text[position : match.start()]
        after = text[match.end() :]
        rest = after.lstrip(" ")
        if not rest or rest[0] in _CLOSERS:
            bare = before.rstrip(" ").rstrip(",").rstrip(" ")
        elif after.startswith(" "):
            bare = before.rstrip(" ")
        fields.append((before, bare, match[1], before.startswith(_CLOSING_MARKS),
                       bare.startswith(_CLOSING_MARKS)))  # fmt: skip
        position = match.end()
    end = text[position:]
    return tuple(fields), end, end.startswith(_CLOSING_MARKS)


def parse_phrases(text: str) -> dict[str, Text]:
    """The phrase table in `text` (YAML), every key known and every value text."""
    # libyaml (PyYAML's C loader), as for data/khen-thuong.yaml: ruamel's pure-Python loader
    # took 15-30 ms of every run's first document. The file is the package's own; a value
    # YAML 1.1 would read as anything but text (yes, 1:20) is refused below, not printed as
    # True or 80.
    data = yaml.load(text, Loader=yaml.CSafeLoader) or {}
    table: dict[str, Text] = {}
    for key, value in data.items():
        if key not in FIELDS:
            raise ValueError(f"{PHRASE_FILE}: unknown phrase {key!r}")
        texts = value if key in LISTS and isinstance(value, list) else [value]
        if not all(isinstance(v, str) for v in texts):
            raise ValueError(f"{PHRASE_FILE}: {key} is not text (quote it)")
        table[key] = list(texts) if key in LISTS else value
        bad = unknown_names(key, table[key])
        if bad:
            raise ValueError(f"{PHRASE_FILE}: {key} names unknown fields {bad}")
        if broken_tags(table[key]) or empty_required(key, table[key]):
            raise ValueError(f"{PHRASE_FILE}: {key} has broken tags or is empty")
    missing = set(FIELDS) - set(table)
    if missing:
        raise ValueError(f"{PHRASE_FILE}: phrases missing: {sorted(missing)}")
    return table


@cache
def default_phrases() -> dict[str, Text]:
    """The phrases vanthu writes when nobody overrides them (data/cau-chu.yaml)."""
    data = resources.files("pipeline.rules").joinpath(f"data/{PHRASE_FILE}")
    return parse_phrases(data.read_text("utf-8"))


class MissingField(Exception):
    """A phrase names a field this document has no value for."""

    def __init__(self, key: str, name: str) -> None:
        super().__init__(key, name)
        self.key = key
        self.name = name


@dataclass(frozen=True)
class Phrases:
    """The phrase table in force for one document: defaults, then the office's, then its own."""

    table: Mapping[str, Text]
    common: Mapping[str, str] = field(default_factory=dict)
    # The layer each overridden phrase comes from: 1 for the first override (the office's), 2
    # for the next (the document's); a phrase not here is vanthu's default.
    origins: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def layered(cls, *overrides: Mapping[str, Any] | None, common: Mapping[str, str]) -> Phrases:
        table: dict[str, Text] = dict(default_phrases())
        origins: dict[str, int] = {}
        for number, layer in enumerate(overrides, start=1):
            for key, value in (layer or {}).items():
                if value is not None:
                    table[key] = value
                    origins[key] = number
        return cls(table, dict(common), origins)

    def raw(self, key: str) -> Text:
        return self.table[key]

    def layer(self, key: str) -> int:
        """Which layer wrote phrase `key`: 0 for vanthu's default, then 1, 2 ... in the order of
        the overrides (office, document); a choice between two phrases may weigh who wrote them."""
        return self.origins.get(key, 0)

    def write(self, key: str, values: Mapping[str, str] | None = None) -> str:
        """Phrase `key` filled with `values` and the document's common fields."""
        text = self.table[key]
        assert isinstance(text, str), key
        return self._fill(key, text, values)

    def write_all(self, key: str, values: Mapping[str, str] | None = None) -> list[str]:
        """A phrase of several paragraphs, each filled."""
        texts = self.table[key]
        assert isinstance(texts, list), key
        return [self._fill(key, t, values) for t in texts]

    def _fill(self, key: str, text: str, values: Mapping[str, str] | None) -> str:
        try:
            return fill_phrase(text, values or {}, self.common)
        except KeyError as exc:
            raise MissingField(key, str(exc.args[0])) from None
