"""Context of a Quyết định: căn cứ, articles written from the lists, and the attached Danh sách."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress
from pathlib import Path
from typing import Any

from markupsafe import Markup

from pipeline.awards import AwardList, Entry, Group
from pipeline.context.addressing import with_own_line
from pipeline.context.articles import Written, articles_context, chapters_context, closed, written
from pipeline.context.common import (
    DocumentInfo,
    common_context,
    ended,
    literal_values,
    missing_field,
    office_overrides,
    phrase_overrides,
    unmarked,
    without_decree_mark,
)
from pipeline.context.ke_hoach import plan_body, task_appendices
from pipeline.context.signature_room import recipients_context
from pipeline.context.title_lines import title_lines
from pipeline.errors import InputError
from pipeline.load.attachments import DecisionAttachments, NoAttachments
from pipeline.load.read_log import Stamp
from pipeline.load.read_log import stamp as file_stamp
from pipeline.load.spreadsheet import Table
from pipeline.load.yaml_source import Path_, Source, dotted, load_yaml
from pipeline.model.agency import Agency
from pipeline.model.blocks import Block
from pipeline.model.ke_hoach import Item, PlanData
from pipeline.model.quyet_dinh import Article, AwardSection, DecisionData, Regulation
from pipeline.model.wording import ListLayout
from pipeline.patterns import lazy
from pipeline.render.fragments import in_run_lines, literal_markup, rich_runs
from pipeline.render.styles import StyleSheet
from pipeline.rules.doc_types import document_type
from pipeline.rules.metrics import PORTRAIT_TEXT_WIDTH_PT
from pipeline.rules.money import format_money
from pipeline.rules.numbering import roman
from pipeline.rules.phrases import (
    AWARD_FIELDS,
    COMMON,
    FIELDS,
    PROPOSAL_OPENINGS,
    MissingField,
    Phrases,
    Text,
    default_phrases,
    fill_phrase,
)
from pipeline.rules.placeholders import PLACEHOLDER, names_in
from pipeline.text.normalize import nfc
from pipeline.text.person_names import trimmed

# Up to this many entries are named in Điều 1; more go to an attached Danh sách.
NAMED_IN_ARTICLE = 5
PREAMBLE_WORD = "Căn cứ"
# Danh sách split by tập thể / cá nhân within an award: the kinds in order.
KIND_ORDER = {"tap_the_truoc": (True, False), "ca_nhan_truoc": (False, True)}
Kinds = tuple[bool, bool] | None  # (first kind, second kind), True for tập thể; None: no split
# The order a decision counts and prices the kinds in when the office sets none (danh_sach.nhom):
# cá nhân, then tập thể ("08 cá nhân và 02 tập thể", "450.000 đồng/người, 900.000 đồng/tập
# thể"), whichever row of the list comes first: one order in Điều 1 and on every line of Điều 2.
STATED_ORDER = KIND_ORDER["ca_nhan_truoc"]


def preamble(info: DocumentInfo, lines: list[str], proposal: str) -> tuple[list[str], str]:
    """Căn cứ lines ending ';' and the closing 'Theo đề nghị của ...' line (phrase theo_de_nghi).
    A proposal typed with its own opening in any case ("theo đề nghị của ...") is the clerk's
    sentence: its opening is not written twice, and opens it as a sentence does (as the model
    writes a căn cứ line's "căn cứ" typed: model.quyet_dinh._basis_opening)."""
    out = []
    for line in lines:
        text = line.strip().rstrip(";.").rstrip()
        if not text.startswith(PREAMBLE_WORD):
            text = f"{PREAMBLE_WORD} {text}"
        out.append(f"{text};")
    text = proposal.strip()
    sentence = _opened(text.rstrip(";").rstrip(), PROPOSAL_OPENINGS)
    if sentence is not None:
        return out, sentence if sentence.endswith((".", ",")) else f"{sentence}."
    return out, info.write("theo_de_nghi", {"de_nghi": text.rstrip(";.,").rstrip()})


def _opened(text: str, openings: tuple[str, ...]) -> str | None:
    """`text` with the opening of `openings` it starts with, in any case, written as there
    ("theo đề nghị của ..." → "Theo đề nghị của ..."); None when it starts with none."""
    text = nfc(text)
    folded = text.casefold()
    for opening in openings:
        if folded.startswith(opening.casefold()):
            return opening + text[len(opening) :]
    return None


def two_digits(count: int) -> str:
    """A count as decisions print it: below 10 with a leading zero (05 tập thể), from 1000 in
    groups of three as amounts are (1.002 cá nhân)."""
    return f"{count:02d}" if count < 10 else format_money(count)


def count_text(count: int) -> str:
    """A count as a phrase's field prints it: two_digits, and none as a plain 0 (the Danh
    sách's "0 tập thể"), not "00"."""
    return two_digits(count) if count else "0"


def counted(awards: AwardList, *, collectives_first: bool = False) -> str:
    """'44 cá nhân và 05 tập thể' (or '05 tập thể và 44 cá nhân'); only the kinds it has.
    Persons and collectives are counted, not awards: one given two titles is one cá nhân."""
    parts = []
    people, groups = awards.recipients(collective=False), awards.recipients(collective=True)
    if people:
        parts.append(f"{two_digits(people)} cá nhân")
    if groups:
        parts.append(f"{two_digits(groups)} tập thể")
    return " và ".join(reversed(parts) if collectives_first else parts)


# A document named by its type and số/ký hiệu with no "số" between ("Nghị định 91/2017/NĐ-CP").
_UNNUMBERED_CITATION = re.compile(r"^(\S.*?) (?<!\bsố )(\d+/\d{4}/\S+)$")


@lru_cache(maxsize=256)  # a handful of decrees, cited once per list entry of every decision
def with_number_word(document: str) -> str:
    """A document cited in running text as Phụ lục I of Nghị định 30 writes it: 'Nghị định số
    91/2017/NĐ-CP' from the rates' 'Nghị định 91/2017/NĐ-CP'; anything else as it is."""
    return _UNNUMBERED_CITATION.sub(r"\1 số \2", document.strip())


def cited_articles(awards: AwardList) -> str:
    """'Điều 69 và Điều 73 Nghị định số 91/2017/NĐ-CP': titles and forms have their own
    articles. A decree one of whose awards has no known article (khen-thuong.yaml leaves it
    empty) is cited alone: an article named beside it would be credited with that award too
    ("khoản 1 Điều 54" is the money of Bằng khen, not of Lao động tiên tiến)."""
    by_decree: dict[str, list[str]] = {}
    unknown: set[str] = set()
    # Each award once (the rows of one award share its object; another object of the same
    # award adds nothing either), in the order the rows first name it.
    seen: set[int] = set()
    for entry in awards.entries:
        if entry.reward is None:
            continue
        award = entry.reward.award
        if id(award) in seen:
            continue
        seen.add(id(award))
        decree = with_number_word(award.source)
        articles = by_decree.setdefault(decree, [])
        if not award.article:
            unknown.add(decree)
        elif award.article not in articles:
            articles.append(award.article)
    return "; ".join(
        f"{' và '.join(articles)} {decree}" if articles and decree not in unknown else decree
        for decree, articles in by_decree.items()
    )


def award_values(data: DecisionData, awards: AwardList, *, kinds: Kinds = None) -> dict[str, str]:
    """The named fields of an award decision's phrases: counts, amounts, total, funding;
    {{ so_luong }} counts tập thể first when the office lists them first (`kinds`).

    Worked out once per list and decision fields (AwardList.phrase_values): the load's checks
    and the render ask for the same; only the counts in the office's order depend on `kinds`."""
    assert data.khen_thuong is not None
    section = data.khen_thuong
    key = (section.hanh_dong, section.thanh_tich, section.nguon_kinh_phi)
    kept = awards.phrase_values.get(key)
    if kept is None:
        kept = _award_values(section, awards)
        if len(awards.phrase_values) < _PHRASE_VALUES_KEPT:
            awards.phrase_values[key] = kept
    values = dict(kept)  # the caller's own: it may add to it
    if kinds is not None:
        values["so_luong"], values["so_luong_theo_thu_tu"] = _ordered_counts(awards, kinds)
    return values


# award_values kept per list: one decision reads a list (another one's fields, a form's edits
# rendered again with the same list, are few).
_PHRASE_VALUES_KEPT = 4


def _ordered_counts(awards: AwardList, kinds: Kinds) -> tuple[str, str]:
    """{{ so_luong }} and {{ so_luong_theo_thu_tu }} for the office's order of kinds: tập thể
    first when it lists them first, else cá nhân first (STATED_ORDER). Both alike: Điều 1's
    lines follow the office's order when it has one, and without one they follow the list's
    rows, whose kinds may alternate; counting by whichever row came first put "02 tập thể và
    02 cá nhân" above a Điều 2 that prices người first."""
    count = counted(awards, collectives_first=kinds == KIND_ORDER["tap_the_truoc"])
    return count, count


def _award_values(section: AwardSection, awards: AwardList) -> dict[str, str]:
    """award_values without the office's order of kinds (kinds None)."""
    # Distinct recipients (counted); the per-award counts below are per award, where no one
    # appears twice.
    people, groups = awards.recipients(collective=False), awards.recipients(collective=True)
    # _ordered_counts(awards, None): cá nhân first, in Điều 1 as in Điều 2.
    in_order, collectives_first = counted(awards), counted(awards, collectives_first=True)
    values = {
        "hanh_dong": section.hanh_dong,
        "thanh_tich": (section.thanh_tich or "").rstrip("."),
        "so_luong": in_order,
        "so_luong_tap_the_truoc": collectives_first,
        "so_luong_theo_thu_tu": in_order,
        "so_ca_nhan": count_text(people),
        "so_tap_the": count_text(groups),
        "tong_so": two_digits(people + groups),
    }
    priced = awards.priced
    # Award by award (the groups hold every entry, each once): each award's count of each kind
    # and the amount of its first entry of each, and every amount of each kind in the list
    # (tien_ca_nhan, tien_tap_the: when there is one). The entries' kinds and amounts are read
    # by two comprehensions (Entry.amount, a property of a property, costs five times as much),
    # then counted and sorted by kind by list and compress: every decision reads its list.
    amounts: dict[bool, set[int]] = {False: set(), True: set()}
    for number, group in enumerate(awards.groups, start=1):
        prefix = f"khen_thuong_{number}."
        values[prefix + "ten"] = group.award
        entries = group.entries
        kinds = [entry.collective for entry in entries]
        collectives = kinds.count(True)
        counts = (len(kinds) - collectives, collectives)
        # With money every entry has its reward, whose rounded amount is Entry.amount.
        paid = [entry.reward.rounded_amount for entry in entries] if priced else None  # type: ignore[union-attr]
        for collective, word in ((False, "ca_nhan"), (True, "tap_the")):
            count = counts[collective]
            values[f"{prefix}so_{word}"] = count_text(count)
            if paid is None or not count:
                continue
            # The amounts of this kind: all of them when the award is given to it alone.
            of_kind = paid if count == len(paid) else list(
                compress(paid, kinds if collective else map(operator.not_, kinds))
            )
            amounts[collective].update(of_kind)
            # One amount of the kind, or (a ceiling award paid at the rates its rows state)
            # none to name: gap_error says why.
            if of_kind.count(of_kind[0]) == len(of_kind):
                values[prefix + word] = format_money(of_kind[0])
    # The groups are the list's awards, one per name.
    if len(awards.groups) == 1:
        values["khen_thuong_chung"] = awards.groups[0].award
    if not priced:
        return values
    reward = awards.entries[0].reward  # one decision date: one base salary for every entry
    assert reward is not None
    values.update(
        tong_tien=format_money(awards.total),
        tong_tien_bang_chu=awards.total_in_words,
        nguon_kinh_phi=(section.nguon_kinh_phi or "").rstrip("."),
        luong_co_so=format_money(reward.base_salary.amount),
        dieu_khoan=cited_articles(awards),
    )
    for collective, word in ((False, "ca_nhan"), (True, "tap_the")):
        if len(amounts[collective]) == 1:
            values[f"tien_{word}"] = format_money(amounts[collective].pop())
    return values


# The style of the attached Danh sách's title (templates/quyet-dinh.docx).
LIST_TITLE_STYLE = "PhuLucTieuDe"
# Điều 2's opening when every award is a fixed sum: no mức lương cơ sở to state.
FIXED_SUM_OPENING = "dieu_2_mo_dau_muc_co_dinh"


def priced_by_base_salary(awards: AwardList) -> bool:
    """Whether an award of the list is a hệ số × mức lương cơ sở (a decree's, or an office's own
    with he_so), so that Điều 2 states the base salary; an office's own fixed sum in đồng
    (khen_thuong_rieng) owes nothing to it."""
    return any(e.reward is not None and e.reward.award.fixed_amount is None for e in awards.entries)


def money_opening(phrases: Phrases, awards: AwardList) -> str:
    """The phrase that opens Điều 2: dieu_2_mo_dau, or dieu_2_mo_dau_muc_co_dinh when every
    award is a fixed sum and the wording in force does not say otherwise."""
    if priced_by_base_salary(awards):
        return "dieu_2_mo_dau"
    # A clerk who wrote the office's (or this document's) own dieu_2_mo_dau expects to read it
    # in every decision, as before the fixed-sum phrase existed: it is kept unless it states
    # the base salary ({{ luong_co_so }}), which a fixed sum makes wrong, or a phrase for fixed
    # sums was written in the same place or a nearer one (the document over the office).
    own = phrases.layer("dieu_2_mo_dau")
    if own > phrases.layer(FIXED_SUM_OPENING) and "luong_co_so" not in names_in(
        str(phrases.raw("dieu_2_mo_dau"))
    ):
        return "dieu_2_mo_dau"
    return FIXED_SUM_OPENING


def award_phrases_used(
    awards: AwardList, *, naming_award: bool = False, opening: str = "dieu_2_mo_dau"
) -> list[str]:
    """The phrases an award decision with this list writes, in the order it writes them;
    `naming_award`: Điều 1 names the one award itself (award_left_unnamed); `opening`: the
    phrase that opens Điều 2 (money_opening)."""
    named = ["hanh_dong_kem_khen_thuong"] if naming_award else []
    if len(awards.entries) <= NAMED_IN_ARTICLE:
        keys = [*named, "dieu_1_co_ten", "dieu_1_co_ten_khong_thanh_tich", "dong_co_ten",
                "dong_co_ten_mot_loai"]  # fmt: skip
    else:
        keys = [*named, "dieu_1_danh_sach", *(["danh_sach_tong_cong"] if awards.priced else [])]
    return keys + ([opening, "dieu_2_muc", "dieu_2_sau"] if awards.priced else [])


def list_layout(data: DecisionData, agency: Agency) -> ListLayout:
    """Trình bày of the Danh sách: the decision's own, else the office's, else the default."""
    assert data.khen_thuong is not None
    return data.khen_thuong.trinh_bay or agency.danh_sach or _default_layout()


@cache
def _default_layout() -> ListLayout:
    """The default trình bày: one record (frozen, as every Record), not one made for each of
    the four times a decision asks."""
    return ListLayout()


def kind_order(layout: ListLayout) -> Kinds:
    """The office's order of tập thể and cá nhân (danh_sach.nhom), None when it keeps the list's.

    One order for the whole decision: Điều 1's count and names, Điều 2's amounts, the Danh sách.
    """
    return KIND_ORDER.get(layout.nhom)


def ordered_groups(awards: AwardList, kinds: Kinds) -> list[Group]:
    """The awards in the order the list prints them: as they first appear, or, split into tập
    thể and cá nhân (`kinds`, first kind first), the awards of only the first kind first, then
    those of both, then the others: "tập thể trước" puts every tập thể before the cá nhân."""
    if kinds is None:
        return list(awards.groups)

    def rank(group: Group) -> int:
        present = {entry.collective for entry in group.entries}
        return 0 if present == {kinds[0]} else 2 if present == {kinds[1]} else 1

    return sorted(awards.groups, key=rank)


def kinds_in(group: Group, kinds: Kinds) -> list[bool]:
    """The kinds (True: tập thể) one award is given to, in the office's order, else as they
    first appear in the list."""
    # Two kinds at most: a set (cheaper than dict.fromkeys over a generator, and every award
    # of every decision asks), the first entry's kind first when both are there.
    present = {entry.collective for entry in group.entries}
    if kinds is not None:
        return [kind for kind in kinds if kind in present]
    if len(present) < 2:
        return list(present)
    first = group.entries[0].collective
    present.discard(first)
    return [first, *present]


def in_listed_order(awards: AwardList, kinds: Kinds) -> list[Entry]:
    """Every entry in the order the Danh sách prints it, which Điều 1 follows when it names them
    itself: award after award, each split by kind in the office's order (`kinds`), or whole."""
    if kinds is None:
        return [entry for group in awards.groups for entry in group.entries]
    return list(_listed(awards, kinds))


def _listed(awards: AwardList, kinds: Kinds) -> Iterator[Entry]:
    """in_listed_order one entry at a time."""
    if kinds is None:
        for group in awards.groups:
            yield from group.entries
        return
    for group in ordered_groups(awards, kinds):
        for kind in kinds:
            for entry in group.entries:
                if entry.collective == kind:
                    yield entry


def award_headings(layout: ListLayout, awards: AwardList) -> bool:
    """Whether the Danh sách has a heading row per award: with one award and a split by kind,
    the kinds are the only level of headings."""
    return layout.nhom not in KIND_ORDER or len(awards.groups) > 1


def article_one_key(data: DecisionData, awards: AwardList) -> str:
    """The phrase that opens Điều 1: the list attached, or the names below, with or without
    thành tích."""
    assert data.khen_thuong is not None
    if len(awards.entries) > NAMED_IN_ARTICLE:
        return "dieu_1_danh_sach"
    return "dieu_1_co_ten" if data.khen_thuong.thanh_tich else "dieu_1_co_ten_khong_thanh_tich"


@lru_cache(maxsize=1024)  # an award's name and a decision's hanh_dong, asked of every decision
def _folded(text: str) -> str:
    """Text as a reader compares it: NFC, case and spacing ignored."""
    return " ".join(nfc(text).casefold().split())


def award_left_unnamed(
    data: DecisionData, layout: ListLayout, awards: AwardList, table: Mapping[str, Text]
) -> bool:
    """Whether a decision giving one award would print its name nowhere.

    With one award the lines of Điều 1 are names only (dong_co_ten_mot_loai), as the award is
    expected in hanh_dong ("Tặng Giấy khen của Giám đốc Sở"); the Danh sách split by tập thể /
    cá nhân has no award heading either. A generic hanh_dong ("Công nhận danh hiệu thi đua năm
    2025") would then leave the award out of the decision. Several awards are always named:
    each line of Điều 1 (dong_co_ten) or each group of the Danh sách carries its own.
    """
    assert data.khen_thuong is not None
    # The groups are the list's awards, one per name.
    if len(awards.groups) != 1:
        return False
    section = data.khen_thuong
    award = _folded(awards.groups[0].award)
    listed = len(awards.entries) > NAMED_IN_ARTICLE
    written = [section.hanh_dong, section.thanh_tich or ""]
    if listed and section.tieu_de_danh_sach:
        written.append(section.tieu_de_danh_sach)
    if any(award in _folded(text) for text in written):
        return False

    def names_field(key: str, *fields: str) -> bool:
        texts = table[key]
        return any(n in fields for t in ([texts] if isinstance(texts, str) else texts)
                   for n in names_in(t))  # fmt: skip

    # An office's own wording may already print it.
    if names_field(article_one_key(data, awards), "khen_thuong_chung", "khen_thuong_1.ten"):
        return False
    if listed:
        return not (award_headings(layout, awards) and names_field("danh_sach_nhom", "ten"))
    return not names_field("dong_co_ten_mot_loai", "khen_thuong", "khen_thuong_chung",
                           "khen_thuong_1.ten")  # fmt: skip


def award_phrase_gap(
    data: DecisionData,
    awards: AwardList,
    phrases: Phrases,
    *,
    naming_award: bool = False,
) -> tuple[str, str] | None:
    """The first (phrase, field) whose field this list has no value for: money fields in a
    list without money, {{ tien_ca_nhan }} with several amounts, {{ khen_thuong_3.ten }} with
    two awards. Checked when the list is read, so the error can name its file and line."""
    values = award_values(data, awards)
    opening = money_opening(phrases, awards)
    for key in award_phrases_used(awards, naming_award=naming_award, opening=opening):
        texts = phrases.raw(key)
        for text in [texts] if isinstance(texts, str) else texts:
            for name in _list_fields(key, text):
                if name not in values:
                    return key, name
    return None


@lru_cache(maxsize=256)  # the office's few phrases, checked against every decision's list
def _list_fields(key: str, text: str) -> tuple[str, ...]:
    """The fields `text` (phrase `key`) names that the list must give, in its order: not the
    document's common fields, nor those of one entry or one amount line, always there."""
    own = FIELDS[key] - AWARD_FIELDS
    return tuple(name for name in names_in(text) if name not in own and name not in COMMON)


def profile_source(profile: Path) -> Source:
    """The office's profile as parsed, for the line of a phrase it writes: parsed once while the
    file is unchanged, not once for each decision warned of its fixed sum."""
    return _parsed_profile(profile, file_stamp(profile.stat()))


@lru_cache(maxsize=16)  # one profile per office, a few offices per workspace
def _parsed_profile(profile: Path, stamp: Stamp) -> Source:
    """load_yaml(profile), kept by the file's stamp (size, inode, times): an edit parses again."""
    return load_yaml(profile)


@cache
def _defaults_only() -> Phrases:
    """The phrases of a decision whose office and file override none, as Phrases.layered
    makes them (vanthu's defaults): one table for every such decision's check, which only
    reads it, not a copy of the defaults for each."""
    return Phrases.layered(common={})


def check_award_phrases(
    data: DecisionData, agency: Agency, awards: AwardList, source: Source, profile: Path
) -> tuple[InputError, ...]:
    """Every field the decision's phrases name has a value for this list; else an error at the
    line of the phrase (in the document, or in the office's profile), saying why this list has
    none. Returns the warnings worth a word (fixed_sum_fallback)."""
    overrides = office_overrides(agency), phrase_overrides(data.cau_chu)
    phrases = Phrases.layered(*overrides, common={}) if any(overrides) else _defaults_only()

    def written_in(key: str) -> Source:
        """The file that writes phrase `key`: the document's own, else the office's profile."""
        if data.cau_chu and getattr(data.cau_chu, key) is not None:
            return source
        return profile_source(profile)

    unnamed = award_left_unnamed(data, list_layout(data, agency), awards, phrases.table)
    gap = award_phrase_gap(data, awards, phrases, naming_award=unnamed)
    if gap is not None:
        raise gap_error(written_in(gap[0]), *gap, awards)
    told: list[InputError] = []
    if fixed_sum_fallback(phrases, awards):
        told.append(fixed_sum_warning(written_in("dieu_2_mo_dau"), phrases))
    used = award_phrases_used(
        awards, naming_award=unnamed, opening=money_opening(phrases, awards)
    )
    told += typed_figure_warnings(data, awards, source, [
        (written_in(key), key, phrases.raw(key)) for key in used if phrases.layer(key) > 0
    ])  # fmt: skip
    if dropped := dropped_money_lines(data, awards, phrases, used):
        told.append(dropped_lines_warning(written_in("dieu_2_sau"), source, dropped))
    return tuple(told)


# A count typed in a decision's own words ("03 tập thể", "08 cá nhân", "10 người") and a total
# typed as "Tổng số tiền thưởng: 9.100.000 đồng": a number as clerks type it, grouped by threes
# with dots from 1000 (format_money).
_TYPED_NUMBER = r"(?P<number>\d{1,3}(?:\.\d{3})+|\d+)(?![.,]?\d)"
_TYPED_COUNT = re.compile(
    rf"(?<![\w.,/]){_TYPED_NUMBER}\s+(?P<kind>tập\s+thể|cá\s+nhân|người)(?!\w)", re.IGNORECASE
)
_TYPED_TOTAL = re.compile(
    rf"tổng\s+(?:cộng|(?:số\s+)?tiền(?:\s+thưởng)?)\s*(?:là\s*)?:?\s*{_TYPED_NUMBER}"
    r"\s*(?:đồng|đ)(?!\w)",
    re.IGNORECASE,
)
# The field a phrase names for each kind of figure, so that vanthu fills it from the list.
_FIGURE_FIELDS = {"tap_the": "so_tap_the", "ca_nhan": "so_ca_nhan", "nguoi": "so_ca_nhan",
                  "tien": "tong_tien"}  # fmt: skip
# Data fields of the decision printed in Điều 1 (and on each Giấy khen) as typed.
_TYPED_TEXTS = ("hanh_dong", "thanh_tich", "tieu_de_danh_sach")


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class TypedFigure:
    """A figure typed in a decision's text that its list does not give: as typed ("08 cá
    nhân"), as the list gives it ("07 cá nhân"), and the field that would print the list's."""

    typed: str
    listed: str
    name: str


def _kind_of(word: str) -> str:
    """'tap_the', 'ca_nhan' or 'nguoi' for the word after a typed count."""
    folded = " ".join(nfc(word).casefold().split())
    return {"tập thể": "tap_the", "cá nhân": "ca_nhan"}.get(folded, "nguoi")


def listed_counts(awards: AwardList, kind: str) -> set[int]:
    """The counts of `kind` a decision may rightly type for this list: distinct recipients or
    awards (a person given two titles is one cá nhân, two lượt), of the whole list or of one
    award; for người, the cá nhân or every recipient (clerks count a tập thể as one too), as a
    list's own Tổng cộng row is read."""
    kinds = {"tap_the": (True,), "ca_nhan": (False,), "nguoi": (False, True)}[kind]
    counts = {awards.recipients(collective=k) for k in kinds}
    counts |= {awards.count(collective=k) for k in kinds}
    counts |= {sum(1 for e in g.entries if e.collective == k) for g in awards.groups for k in kinds}
    if kind == "nguoi":
        counts |= {awards.recipients(collective=False) + awards.recipients(collective=True),
                   len(awards.entries), *(len(g.entries) for g in awards.groups)}  # fmt: skip
    return counts


def listed_figure(awards: AwardList, kind: str) -> str:
    """What the list gives for a kind of figure, as the decision prints it: '07 cá nhân',
    '07 cá nhân và 03 tập thể' (for người), '9.200.000 đồng'."""
    if kind == "tien":
        return f"{format_money(awards.total)} đồng"
    if kind == "nguoi":
        return counted(awards) or "0 cá nhân"
    count = awards.recipients(collective=kind == "tap_the")
    word = "tập thể" if kind == "tap_the" else "cá nhân"
    return f"{count_text(count)} {word}"


_DIGIT = re.compile(r"\d")


def typed_figures(text: str, awards: AwardList, *, people: bool = True) -> list[TypedFigure]:
    """The counts and totals typed in `text` that the list does not give; its {{ fields }} are
    the list's own and are skipped. `people`: read 'NN người' too (not in a clerk's thành
    tích, where it is as often the people helped: 'hiến máu cứu 150 người')."""
    counts, totals = _typed_in(text)
    if not counts and not totals:  # most texts: no figure typed at all
        return []
    found = []
    for typed, kind, number in counts:
        if kind == "nguoi" and not people:
            continue
        if number not in listed_counts(awards, kind):
            found.append(TypedFigure(typed, listed_figure(awards, kind), _FIGURE_FIELDS[kind]))
    if awards.priced and totals:
        listed = {awards.total, *(g.total for g in awards.groups)}
        for typed, number in totals:
            if number not in listed:
                found.append(TypedFigure(typed, listed_figure(awards, "tien"), "tong_tien"))
    return found


@lru_cache(maxsize=256)  # the same hanh_dong, thanh_tich and phrases in every decision
def _typed_in(text: str) -> tuple[tuple[tuple[str, str, int], ...], tuple[tuple[str, int], ...]]:
    """The counts (as typed, kind, number) and the totals (as typed, number) typed in `text`,
    its {{ fields }} skipped: what typed_figures compares with a list, read once per text."""
    if _DIGIT.search(text) is None:
        return (), ()
    text = PLACEHOLDER.sub("\ufffc", nfc(text))
    counts = tuple(
        (match[0], _kind_of(match["kind"]), int(match["number"].replace(".", "")))
        for match in _TYPED_COUNT.finditer(text)
    )
    totals = tuple(
        (match[0], int(match["number"].replace(".", ""))) for match in _TYPED_TOTAL.finditer(text)
    )
    return counts, totals


def typed_figure_warnings(
    data: DecisionData,
    awards: AwardList,
    source: Source,
    own_phrases: list[tuple[Source, str, Text]],
) -> list[InputError]:
    """A warning at each figure typed in the decision's own text (khen_thuong.hanh_dong,
    thanh_tich, tieu_de_danh_sach) or in a phrase the office or the document wrote
    (`own_phrases`: where, key, text) that the list does not give: vanthu counts and totals
    the list itself, and a typed figure beside its own would print two numbers (r13b F2)."""
    assert data.khen_thuong is not None
    section = data.khen_thuong
    listed = section.danh_sach
    told = []
    for name in _TYPED_TEXTS:
        text = getattr(section, name)
        for figure in typed_figures(text or "", awards, people=False):
            told.append(warned_at(
                source, source, "wording.typed_figure.text", ("khen_thuong", name),
                typed=figure.typed, listed=figure.listed, list=listed,
            ))  # fmt: skip
    for where, key, texts in own_phrases:
        several = not isinstance(texts, str)
        for index, text in enumerate(_texts(texts)):
            loc: tuple[str | int, ...] = ("cau_chu", key, *((index,) if several else ()))
            for figure in typed_figures(text, awards):
                told.append(warned_at(
                    where, source, "wording.typed_figure.phrase", loc, typed=figure.typed,
                    listed=figure.listed, list=listed, name=figure.name,
                ))  # fmt: skip
    return told


def warned_at(where: Source, document: Source, key: str, loc: Path_, **params: Any) -> InputError:
    """A warning at `loc` of `where`: in the document itself by line and field only (its name
    is said before its warnings), in the office's profile with the profile's file."""
    if where is document:
        return InputError(key, line=document.line_of(loc), field=dotted(loc) or None, **params)
    return where.error(key, loc, **params)


def _texts(text: Text) -> list[str]:
    """The paragraphs of a phrase: one, or those of a list phrase (dieu_2_sau)."""
    return [text] if isinstance(text, str) else list(text)


def dropped_money_lines(
    data: DecisionData, awards: AwardList, phrases: Phrases, used: list[str]
) -> list[tuple[str, list[str]]]:
    """The lines of vanthu's own dieu_2_sau (the total, in words, the nguồn kinh phí), as they
    would print and with the fields that print them, that an office's or document's dieu_2_sau
    replaced and that no phrase of this decision prints otherwise (`used`:
    award_phrases_used), neither by its field nor typed out: figures printed nowhere.

    A dieu_2_sau left empty ([]) drops them on purpose (the office's Điều 2 opening then says
    what it wants): only the nguồn kinh phí, which a decision paying money must type, is then
    said lost."""
    if not awards.priced or phrases.layer("dieu_2_sau") == 0:
        return []
    values = award_values(data, awards)
    texts = [text for key in used for text in _texts(phrases.raw(key))]
    named = {name for text in texts for name in names_in(text)}
    written = _folded(" ".join(texts))
    emptied = not any(text.strip() for text in _texts(phrases.raw("dieu_2_sau")))
    lost = []
    for line in _texts(default_phrases()["dieu_2_sau"]):
        fields = names_in(line)
        if any(n in named or (values.get(n) and _folded(values[n]) in written) for n in fields):
            continue
        if not emptied or "nguon_kinh_phi" in fields:
            lost.append((fill_phrase(line, values), fields))
    return lost


def dropped_lines_warning(
    where: Source, document: Source, lost: list[tuple[str, list[str]]]
) -> InputError:
    """A warning at the own dieu_2_sau (written in `where`, for the decision `document`):
    vanthu's lines of Điều 2 it replaced, as they would print, are printed nowhere; and the
    fields that print them."""
    fields = ", ".join(f"{{{{ {name} }}}}" for _, names in lost for name in names)
    return warned_at(
        where, document, "wording.money_lines_dropped", ("cau_chu", "dieu_2_sau"),
        lines=" ".join(line for line, _ in lost), fields=fields,
    )  # fmt: skip


# Fields a list without money has no value for.
MONEY_FIELDS = frozenset(
    {"tong_tien", "tong_tien_bang_chu", "nguon_kinh_phi", "luong_co_so", "dieu_khoan",
     "tien_ca_nhan", "tien_tap_the"}
)  # fmt: skip
_award_field = lazy(r"^khen_thuong_([0-9]+)\.(\w+)$")


def gap_error(where: Source, key: str, name: str, awards: AwardList) -> InputError:
    """The error for phrase `key` (written in `where`) naming the field `name` that this list
    has no value for, with the reason read from the list itself: several awards for the one
    {{ khen_thuong_chung }}, no money, several amounts (or none of a kind) for {{ tien_ca_nhan }},
    fewer awards than {{ khen_thuong_3.ten }} counts."""
    loc = ("cau_chu", key)
    award = _award_field().match(name)
    if name == "khen_thuong_chung":
        names = [group.award for group in awards.groups]
        return where.error(
            "wording.no_value.several_awards", loc, phrase=key, name=name, count=len(names),
            awards="; ".join(f"«{n}»" for n in names),
        )  # fmt: skip
    if not awards.priced and (name in MONEY_FIELDS or (award and award[2] != "ten")):
        return where.error("wording.no_value.no_money", loc, phrase=key, name=name)
    if name in ("tien_ca_nhan", "tien_tap_the"):
        collective = name == "tien_tap_the"
        amounts = sorted({e.amount for e in awards.entries if e.collective == collective})
        if not amounts:
            return where.error("wording.no_value.no_kind." + name, loc, phrase=key, name=name)
        several = _several_rates(awards, collective)
        if several is not None:
            return several_rates_error(where, key, name, several, collective)
        shown = ", ".join(format_money(a) for a in amounts)
        return where.error(
            "wording.no_value.several_amounts", loc, phrase=key, name=name, amounts=shown
        )
    if award and award[2] in ("ca_nhan", "tap_the") and int(award[1]) <= len(awards.groups):
        group = awards.groups[int(award[1]) - 1]
        collective = award[2] == "tap_the"
        if len(kind_rates(group).get(collective, ())) > 1:
            return several_rates_error(where, key, name, group, collective)
    if award and int(award[1]) > len(awards.groups):
        return where.error(
            "wording.no_value.no_such_award", loc, phrase=key, name=name,
            count=len(awards.groups),
        )  # fmt: skip
    return where.error("wording.no_value", loc, phrase=key, name=name)


def _several_rates(awards: AwardList, collective: bool) -> Group | None:
    """The first award of the list paying the kind (True: tập thể) at several rates."""
    return next((g for g in awards.groups if len(kind_rates(g).get(collective, ())) > 1), None)


def several_rates_error(
    where: Source, key: str, name: str, group: Group, collective: bool
) -> InputError:
    """The error for a phrase naming one amount (`name`) where an award (`group`, a ceiling
    award) pays the kind at the several rates its rows state."""
    shown = ", ".join(format_money(amount) for amount, _ in kind_rates(group)[collective])
    return where.error(
        "wording.no_value.several_rates", ("cau_chu", key), phrase=key, name=name,
        award=group.award, amounts=shown,
    )  # fmt: skip


def fixed_sum_fallback(phrases: Phrases, awards: AwardList) -> bool:
    """Whether a decision paying only fixed sums opens Điều 2 with vanthu's own
    dieu_2_mo_dau_muc_co_dinh while the office (or the document) wrote its own dieu_2_mo_dau:
    that one states the base salary, so it gives way (money_opening), and the decision would
    print vanthu's wording beside the office's without a word."""
    if not awards.priced or money_opening(phrases, awards) != FIXED_SUM_OPENING:
        return False
    return phrases.layer("dieu_2_mo_dau") > 0 and phrases.layer(FIXED_SUM_OPENING) == 0


# The clause of an opening that states the base salary: ", mức lương cơ sở {{ luong_co_so }}
# đồng/tháng" (from the comma before it to the next mark).
_base_salary_clause = lazy(r",?[^,:;.]*\{\{\s*luong_co_so\s*\}\}[^,:;.]*")


def fixed_sum_warning(where: Source, phrases: Phrases) -> InputError:
    """A warning at the office's (or document's) dieu_2_mo_dau: this decision's Điều 2 opens
    with vanthu's default for fixed sums, and the key to set for the office's own; with the
    office's sentence less its base-salary clause as an example when that leaves no
    {{ luong_co_so }}."""
    own = str(phrases.raw("dieu_2_mo_dau"))
    example = " ".join(_base_salary_clause().sub("", own).split())
    key = "wording.fixed_sum_default" + ("" if "luong_co_so" in example else ".example")
    return where.error(
        key, ("cau_chu", "dieu_2_mo_dau"), phrase=FIXED_SUM_OPENING,
        default=str(default_phrases()[FIXED_SUM_OPENING]), example=example,
    )  # fmt: skip


def generated_article(
    opening: str, lines: Sequence[str] = (), paragraphs: Sequence[str] = ()
) -> Written:
    """An article vanthu writes itself from what a decision attaches (a list, a council, a plan
    or a Quy chế it issues): its opening, the '- ...;' lines it names (ended) and the paragraphs
    after them, each without a typed "./." (without_decree_mark; ended takes it off a line
    before it ends the line): the decree's mark closes the last article only (closed)."""
    listed: list[Block] = [ended(list(lines))] if lines else []
    return Written(without_decree_mark(opening), [*listed, *map(without_decree_mark, paragraphs)])


def entry_line(
    info: DocumentInfo, entry: Entry, values: dict[str, str], *, with_award: bool
) -> str:
    """One person or collective named in Điều 1 (phrase dong_co_ten)."""
    # List cells are data, not markup: "Nguyễn *Đức* Thọ" prints as typed.
    parts = [literal_markup(p) for p in (entry.name, entry.position, entry.unit) if p]
    fields = {
        **values,
        "ten": ", ".join(parts),
        "ho_ten": literal_markup(entry.name),
        "chuc_vu": literal_markup(entry.position or ""),
        "don_vi": literal_markup(entry.unit or ""),
        "khen_thuong": literal_markup(entry.award),
    }
    return info.write("dong_co_ten" if with_award else "dong_co_ten_mot_loai", fields)


def award_articles(info: DocumentInfo, awards: AwardList, values: dict[str, str]) -> list[Written]:
    """Điều 1 (who receives what) and, with money, Điều 2 (the money and where it comes from);
    `values`: the list's award_values. Written like every article vanthu writes itself
    (generated_article)."""
    data = info.data
    assert isinstance(data, DecisionData) and data.khen_thuong is not None
    # Filled into sentences printed as runs: the list's names and the decision's words print
    # as typed, never read as markup (DocumentInfo.sentence).
    values = literal_values(values)
    key = article_one_key(data, awards)
    opening = values
    layout = list_layout(data, info.agency)
    if award_left_unnamed(data, layout, awards, info.phrases.table):
        # A clerk reads the award in Điều 1 itself, next to what is done ("Công nhận danh
        # hiệu thi đua năm 2025 (Lao động tiên tiến) cho ..."), not repeated on every line
        # nor only in a list: phrase hanh_dong_kem_khen_thuong stands for {{ hanh_dong }}.
        opening = {**values, "hanh_dong": info.write("hanh_dong_kem_khen_thuong", values)}
    kinds = kind_order(layout)
    if len(awards.entries) <= NAMED_IN_ARTICLE:
        several = len(awards.groups) > 1
        named = in_listed_order(awards, kinds)
        lines = [entry_line(info, e, values, with_award=several) for e in named]
        first = generated_article(info.write(key, opening), lines)
    else:
        first = generated_article(info.write(key, opening))
    if not awards.priced:
        return [first]
    rate_lines = [
        line
        for group in ordered_groups(awards, kinds)
        for line in rate_line(info, values, group, kinds)
    ]
    has_rates = bool(info.phrases.raw("dieu_2_muc"))
    money = generated_article(
        info.write(money_opening(info.phrases, awards), values),
        rate_lines if has_rates else [],
        info.write_all("dieu_2_sau", values),
    )
    return [first, money]


# The part of a dieu_2_muc line that is said once per kind: "{{ so_tien }} đồng/{{ doi_tuong }}".
_PER_KIND = ("so_tien", "doi_tuong")


@lru_cache(maxsize=64)  # the office's one dieu_2_muc, asked for each award of every decision
def per_kind_span(phrase: str) -> tuple[int, int] | None:
    """Where in `phrase` the amount and its kind are written (from the first of those fields to
    the last); None when it does not say whom an amount is for ({{ doi_tuong }}), or names the
    award among them: the amounts then cannot share one line."""
    found = [m for m in PLACEHOLDER.finditer(phrase) if m[1] in _PER_KIND]
    if "doi_tuong" not in (m[1] for m in found):
        return None
    start, end = found[0].start(), found[-1].end()
    inside = (m[1] for m in PLACEHOLDER.finditer(phrase, start, end))
    return None if "khen_thuong" in inside else (start, end)


def _numbered(text: str, number: int, fields: tuple[str, ...] = _PER_KIND) -> str:
    """`text` with its amount fields (`fields`) renamed for copy `number`
    ("{{ muc_2.so_tien }}")."""

    def rename(match: re.Match[str]) -> str:
        return f"{{{{ muc_{number}.{match[1]} }}}}" if match[1] in fields else match[0]

    return PLACEHOLDER.sub(rename, text)


def rate_line(info: DocumentInfo, values: dict[str, str], group: Group, kinds: Kinds) -> list[str]:
    """Điều 2's line for one award (phrase dieu_2_muc): the award named once, then its amount
    for each kind in the office's order, else cá nhân first (STATED_ORDER, whichever row comes
    first): "Giấy khen: 710.000 đồng/người, 1.410.000 đồng/tập thể;". A phrase that names the
    award between its amount fields gets a line per kind.

    A kind paid at several rates (a ceiling award, toi_da, whose rows state their own hệ số or
    amount below the maximum) has its amount part once per rate, the highest first, each with
    the number paid at it: "Kỷ niệm chương của tỉnh: 1.410.000 đồng/người (02 người),
    1.170.000 đồng/người (03 người);".
    """
    rates = kind_rates(group)
    order = [kind for kind in kinds or STATED_ORDER if kind in rates]
    per_kind = []
    for kind in order:
        word = info.write("doi_tuong_tap_the" if kind else "doi_tuong_ca_nhan")
        several = len(rates[kind]) > 1
        for amount, count in rates[kind]:
            fields = {"so_tien": format_money(amount), "doi_tuong": word}
            if several:
                fields["so_luong"] = two_digits(count)
            per_kind.append(fields)
    # One copy of the list's values for the award's lines (its fields written over in turn).
    filled = {**values, "khen_thuong": literal_markup(group.award)}
    phrase = info.phrases.raw("dieu_2_muc")
    assert isinstance(phrase, str)
    span = per_kind_span(phrase)
    if len(per_kind) == 1 or span is None:
        lines = []
        for fields in per_kind:
            if "so_luong" in fields:
                filled.update({f"muc_1.{name}": value for name, value in fields.items()})
                lines.append(_fill_rate(info, counted_rate(info, phrase, 1), filled))
                continue
            filled.update(fields)
            lines.append(info.write("dieu_2_muc", filled))
        return list(dict.fromkeys(lines))  # a phrase without amounts: the award once
    start, end = span
    # The amount part repeated, each copy with fields of its own kind ("muc_1.so_tien", ...).
    copies = []
    for number, fields in enumerate(per_kind, start=1):
        copy = _numbered(phrase[start:end], number)
        copies.append(copy + _count_clause(info, number) if "so_luong" in fields else copy)
        filled.update({f"muc_{number}.{name}": value for name, value in fields.items()})
    text = phrase[:start] + ", ".join(copies) + phrase[end:]
    return [_fill_rate(info, text, filled)]


def kind_rates(group: Group) -> dict[bool, list[tuple[int, int]]]:
    """The amounts one award pays each kind (True: tập thể), the highest first, each with the
    number of entries paid it: one amount for an award of a fixed rate, several for a ceiling
    award whose rows state lower rates."""
    counts: dict[bool, dict[int, int]] = {}
    for entry in group.entries:
        paid = counts.setdefault(entry.collective, {})
        paid[entry.amount] = paid.get(entry.amount, 0) + 1
    return {kind: sorted(paid.items(), reverse=True) for kind, paid in counts.items()}


# The fields of the phrase dieu_2_so_luong, said for one rate of several.
_PER_RATE = ("so_luong", "doi_tuong")


def _count_clause(info: DocumentInfo, number: int) -> str:
    """What follows an amount paid at one of several rates (phrase dieu_2_so_luong): the number
    paid it, counted in the word that amount is per ("1.170.000 đồng/người (03 người)"); its
    fields those of copy `number`. Nothing when the office's phrase is ""."""
    clause = info.phrases.raw("dieu_2_so_luong")
    assert isinstance(clause, str)  # one line (phrases.LISTS holds the phrases of several)
    return " " + _numbered(clause, number, _PER_RATE) if clause else ""


# The words after an amount's last field that belong to it ("đồng", "đồng/người"): up to the
# next mark or field.
_AMOUNT_WORDS = lazy(r"[^;,.:(){]*")


def counted_rate(info: DocumentInfo, phrase: str, number: int) -> str:
    """`phrase` (a dieu_2_muc with no shared amount part: per_kind_span None) for one of several
    rates: its amount fields those of copy `number`, the count of that rate after the last of
    them and the words that go with it ("{{ so_tien }} đồng (03 người);"). A phrase naming no
    amount is left as it is (its lines are then one)."""
    found = [m for m in PLACEHOLDER.finditer(phrase) if m[1] in _PER_KIND]
    if not found:
        return phrase
    words = _AMOUNT_WORDS().match(phrase, found[-1].end())
    end = found[-1].end() + (len(words[0].rstrip()) if words else 0)
    clause = _count_clause(info, number)
    return _numbered(phrase[:end], number) + clause + _numbered(phrase[end:], number)


def _fill_rate(info: DocumentInfo, text: str, filled: dict[str, str]) -> str:
    """A dieu_2_muc line made of the phrase (amount parts repeated or counted), filled."""
    try:
        return fill_phrase(text, filled, info.phrases.common)
    except KeyError as exc:
        raise missing_field(MissingField("dieu_2_muc", str(exc.args[0]))) from None


def council_articles(info: DocumentInfo, members: Table) -> list[Written]:
    """Điều 1: the council and its members with their roles, each cell read as an award list's
    cells are (trimmed: a "./." or "." typed after a role, pasted from an old decision, would
    print inside the line: "Chủ tịch Hội đồng./.;")."""
    data = info.data
    assert isinstance(data, DecisionData) and data.hoi_dong is not None
    lines = [
        info.write(
            "hoi_dong_thanh_vien",
            {
                name: literal_markup(trimmed(row.values.get(name, "")))
                for name in ("ho_ten", "chuc_vu", "vai_tro")
            },
        )
        for row in members
    ]
    values = {"hanh_dong": data.hoi_dong.hanh_dong, "so_thanh_vien": two_digits(len(lines))}
    return [generated_article(info.sentence("hoi_dong_dieu_1", values), lines)]


def continued(subject: str) -> str:
    """A trích yếu continuing a sentence after the type's name: 'Kế hoạch tổ chức ...'."""
    subject = " ".join(subject.split())
    return subject[:1].lower() + subject[1:]


def issued_plan_articles(info: DocumentInfo, plan: DocumentInfo[NoAttachments]) -> list[Written]:
    """Điều 1: 'Ban hành kèm theo Quyết định này Kế hoạch ...'."""
    subject = continued(plan.data.trich_yeu)
    return [generated_article(info.write("ban_hanh_dieu_1", {"trich_yeu_ke_hoach": subject}))]


def issued_regulation_articles(info: DocumentInfo, regulation: Regulation) -> list[Written]:
    """Điều 1: 'Ban hành kèm theo Quyết định này Quy chế ...' (phrase ban_hanh_quy_che_dieu_1)."""
    values = {
        "ten_van_ban": document_type(regulation.loai_van_ban).name,
        "trich_yeu_van_ban": continued(regulation.trich_yeu),
    }
    return [generated_article(info.write("ban_hanh_quy_che_dieu_1", values))]


def unmarked_item(item: Item) -> Item:
    """A khoản whose texts end without a typed "./." (common.without_decree_mark)."""
    return item.model_copy(update={
        "tieu_de": item.tieu_de and without_decree_mark(item.tieu_de),
        "noi_dung": item.noi_dung and without_decree_mark(item.noi_dung),
        "doan": [unmarked(b) for b in item.doan],
    })  # fmt: skip


def unmarked_article(article: Article) -> Article:
    """An Điều of the data whose texts end without a typed "./.": the decree's mark closes the
    last article only, where articles.closed writes it ("... kể từ ngày ký./." copied into
    Điều 2 of a decision of three would print mid-document)."""
    return article.model_copy(update={
        "noi_dung": article.noi_dung and without_decree_mark(article.noi_dung),
        "doan": [unmarked(b) for b in article.doan],
        "khoan": [unmarked_item(item) for item in article.khoan],
        "doan_sau": [unmarked(b) for b in article.doan_sau],
    })  # fmt: skip


def unmarked_regulation(regulation: Regulation) -> Regulation:
    """A Quy chế whose articles are unmarked_article: "./." closes its last one only."""
    return regulation.model_copy(update={
        "chuong": [
            chapter.model_copy(update={"dieu": [unmarked_article(a) for a in chapter.dieu]})
            for chapter in regulation.chuong
        ],
        "dieu": [unmarked_article(a) for a in regulation.dieu],
    })  # fmt: skip


def issued_regulation_context(info: DocumentInfo, regulation: Regulation) -> dict[str, Any]:
    """The Quy chế printed after the decision: the header again (without Số and date), its
    title, '(Ban hành kèm theo Quyết định số ... ngày ... của ...)' and its Chương and Điều."""
    return {
        "ten_loai": document_type(regulation.loai_van_ban).title,
        "trich_yeu": rich_runs(" ".join(regulation.trich_yeu.split())),
        "kem_theo": info.write("ban_hanh_kem_theo"),
        "cac_chuong": chapters_context(unmarked_regulation(regulation)),
    }


def issued_plan_context(info: DocumentInfo, plan: DocumentInfo[NoAttachments]) -> dict[str, Any]:
    """The plan printed after the decision, in the Quy chế's form: the header again (without
    Số and date; the template's dau-kem-theo block), its title, '(Ban hành kèm theo Quyết định
    số ... ngày ... của ...)' and its body."""
    body = plan.data
    assert isinstance(body, PlanData)
    return {
        "ten_loai": plan.doc_type.title,
        "trich_yeu": rich_runs(body.trich_yeu),
        "kem_theo": info.write("ban_hanh_kem_theo"),
        **plan_body(body),
        # Named and headed as the plan words them printed alone (its own and its office's
        # phu_luc_ten, phu_luc_cot_*).
        "cac_phu_luc": task_appendices(
            body, plan.agency.don_vi, info.write("ban_hanh_phu_luc_kem_theo"), plan.write
        ),
    }


def award_list_context(
    info: DocumentInfo, awards: AwardList, title: Markup, values: dict[str, str]
) -> dict[str, Any]:
    """The attached Danh sách: groups by award (and by tập thể / cá nhân), numbers, the total.

    Rows are flat, a group heading or an entry, so one table row of the template serves each
    layout: headings on one or two levels, numbering per group or through the list.
    """
    data = info.data
    assert isinstance(data, DecisionData) and data.khen_thuong is not None
    layout = list_layout(data, info.agency)
    kinds = kind_order(layout)
    by_award = award_headings(layout, awards)
    rows: list[dict[str, Any]] = []
    counter = 0

    def heading(key: str, number: str, name: str, entries: Sequence[Entry], total: int) -> None:
        text = info.write(key, {
            "so": number, "ten": name, "so_luong": format_money(len(entries)),
            "tong_tien": format_money(total),
        })  # fmt: skip
        rows.append({"nhom": text, "muc": None})

    # Each amount written once (format_money): a list's rows share the few amounts of its awards.
    amounts: dict[int, str] = {}

    def entries_rows(entries: Sequence[Entry]) -> None:
        nonlocal counter
        if layout.so_thu_tu == "theo_nhom":
            counter = 0
        append = rows.append
        number = counter
        for number, entry in enumerate(entries, start=counter + 1):  # noqa: B007
            # Entry.amount, without its two properties (a reward's rounded amount, 0 unpriced).
            reward = entry.reward
            amount = reward.rounded_amount if reward is not None else 0
            written = amounts.get(amount)
            if written is None:
                written = amounts[amount] = format_money(amount)
            append({"nhom": None, "muc": {
                "stt": number, "ho_ten": entry.name, "chuc_vu": entry.position,
                "don_vi": entry.unit, "so_tien": written,
            }})  # fmt: skip
        counter = number

    kind_number = 0
    for number, group in enumerate(ordered_groups(awards, kinds), start=1):
        if by_award:
            # The award's total is its group's, worked out once for the list's.
            heading("danh_sach_nhom", roman(number), group.award.upper(), group.entries,
                    group.total)  # fmt: skip
        if kinds is None:
            entries_rows(group.entries)
            continue
        if by_award:
            kind_number = 0
        for collective in kinds_in(group, kinds):
            part = [e for e in group.entries if e.collective == collective]
            kind_number += 1
            name = info.write("ten_tap_the" if collective else "ten_ca_nhan")
            label = str(kind_number) if by_award else roman(kind_number)
            heading("danh_sach_doi_tuong", label, name, part, sum(e.amount for e in part))
            entries_rows(part)
    headings = {
        key: info.write(f"cot_{key}") for key in ("stt", "ten", "chuc_vu", "don_vi", "so_tien")
    }
    if all(entry.collective for entry in awards.entries):
        headings["ten"] = info.write(name_heading(info.phrases))
    return {
        "ten": info.write("danh_sach_ten"),
        "cot": headings,
        # A list none of whose entries has a chức vụ (tập thể only, as a rule) prints no such
        # column: a column empty from top to bottom reads as data left out.
        "co_chuc_vu": any(entry.position for entry in awards.entries),
        # In capitals, broken between its phrases where it is too wide (title_lines).
        "tieu_de": title,
        "kem_theo": info.write("danh_sach_kem_theo"),
        "dong": rows,
        "co_tien": awards.priced,
        "tong_cong_chu": info.write("danh_sach_tong_cong", values),
        "tong_cong": format_money(awards.total),
    }


# The name column's heading of a Danh sách of tập thể only ("Tên tập thể", not "Họ và tên").
COLLECTIVE_NAME_HEADING = "cot_ten_tap_the"


def name_heading(phrases: Phrases) -> str:
    """The phrase heading the name column of a Danh sách of tập thể only: cot_ten_tap_the,
    unless the office (or the document) wrote its own cot_ten and not this one as near: its
    heading ("Tên tập thể, cá nhân") was written for every list, and is kept."""
    if phrases.layer("cot_ten") > phrases.layer(COLLECTIVE_NAME_HEADING):
        return "cot_ten"
    return COLLECTIVE_NAME_HEADING


@lru_cache(maxsize=256)  # a title and the office's danh_sach_ten, typed alike in every decision
def without_list_name(typed: str, name: str) -> str:
    """The Danh sách's title without the list's name typed again at its start: the clerk writes
    "Danh sách cá nhân, tập thể được tặng Giấy khen" as one says it, and the template already
    prints `name` (danh_sach_ten, "DANH SÁCH") on the line above, so it would print twice. A title
    that is the name alone is kept as typed."""
    words = name.split()
    if not words:
        return typed
    pattern = r"\s*" + r"\s+".join(map(re.escape, words)) + r"(?:\s*[:\-–]\s*|\s+)(?=\S)"
    found = re.match(pattern, typed, re.IGNORECASE)
    return typed[found.end() :] if found else typed


def executors(info: DocumentInfo, last_article: int) -> list[str]:
    """The first Nơi nhận line, 'Như Điều 3' (phrase nhu_dieu; none when it is empty)."""
    line = info.write("nhu_dieu", {"dieu_thi_hanh": str(last_article)})
    return [line] if line else []


def printed_articles(info: DocumentInfo) -> int:
    """How many articles the decision prints (the N of its "Như Điều N"), without writing them
    (the sổ's Nơi nhận needs it, not the text): those decision_context writes from what it
    attaches (award_articles: Điều 1, and Điều 2 when the list has money; a council, a plan or
    a Quy chế it issues: Điều 1), then those of the data. Kept beside the writers it counts:
    a test holds it to len(articles) for every example decision."""
    data = info.data
    assert isinstance(data, DecisionData)
    attached = info.attachments
    generated = 0
    if isinstance(attached, DecisionAttachments):
        if attached.awards is not None:
            generated = 2 if attached.awards.priced else 1
        elif any(part is not None
                 for part in (attached.members, attached.plan, attached.regulation)):
            generated = 1
    return generated + len(data.dieu)


def with_executors(info: DocumentInfo, last_article: int, lines: list[str]) -> list[str]:
    """Nơi nhận with 'Như Điều N' first, counted from the articles: one the clerk typed
    anywhere (its number the old document's, maybe; "Như Điều 3 (để thực hiện)") is that line
    again, printed once in its place with the purpose the clerk gave it
    (context.addressing.with_own_line, as a Công văn's "Như trên")."""
    first = executors(info, last_article)
    if not first:
        return lines
    return with_own_line(first[0], lines)


def last_part(
    danh_sach: dict[str, Any] | None, issued: dict[str, Any] | None, regulation: Regulation | None
) -> str | None:
    """What stands last after the signature: an appendix of the issued plan, the plan, the
    Quy chế, the list."""
    if issued is not None:
        return "ngang" if issued["cac_phu_luc"] else "doc"
    return "doc" if danh_sach is not None or regulation is not None else None


def decision_context(info: DocumentInfo[DecisionAttachments], styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/quyet-dinh.docx prints."""
    data = info.data
    assert isinstance(data, DecisionData)
    # Its Nơi nhận are set below, "Như Điều N" first: not worked out for the data's lines.
    context = common_context(info, styles, recipients=False)
    attached = info.attachments
    assert isinstance(attached, DecisionAttachments)
    awards, members, plan = attached.awards, attached.members, attached.plan
    regulation = attached.regulation
    generated: list[Written] = []
    values: dict[str, str] = {}
    if awards is not None:
        # Counted in the order the list prints them ("02 tập thể và 04 cá nhân").
        values = award_values(data, awards, kinds=kind_order(list_layout(data, info.agency)))
        generated = award_articles(info, awards, values)
    elif members is not None:
        generated = council_articles(info, members)
    elif plan is not None:
        generated = issued_plan_articles(info, plan)
    elif regulation is not None:
        generated = issued_regulation_articles(info, regulation)
    # "./." closes the last article only (closed): one typed in another is left out, by the
    # articles written here (generated_article) as by those of the data (unmarked_article).
    articles = closed([*generated, *(written(unmarked_article(a)) for a in data.dieu)])
    can_cu, theo_de_nghi = preamble(info, data.can_cu, data.theo_de_nghi)
    issued = issued_plan_context(info, plan) if plan is not None else None
    danh_sach = None
    if awards is not None and len(awards.entries) > NAMED_IN_ARTICLE:
        assert data.khen_thuong is not None
        # Asked for when the list was read (load.lists.require_list_title).
        assert data.khen_thuong.tieu_de_danh_sach is not None
        run = styles.paragraph_style_run(LIST_TITLE_STYLE)
        typed = without_list_name(data.khen_thuong.tieu_de_danh_sach, info.write("danh_sach_ten"))
        title = in_run_lines(title_lines(typed, run.size or 14, PORTRAIT_TEXT_WIDTH_PT,
                                         bold=bool(run.bold)))  # fmt: skip
        danh_sach = award_list_context(info, awards, title, values)
    context.update(
        tham_quyen=data.tham_quyen.upper(),
        can_cu=can_cu,
        theo_de_nghi=theo_de_nghi,
        cac_dieu=articles_context(articles),
        # Those who execute the decision are named in its last article: "Như Điều 3".
        **recipients_context(
            with_executors(info, len(articles), context["noi_nhan"]), context, styles
        ),
        danh_sach=danh_sach,
        ke_hoach=issued,
        quy_che=issued_regulation_context(info, regulation) if regulation is not None else None,
        phan_cuoi=last_part(danh_sach, issued, regulation),
    )
    return context
