"""Biên bản's own rules: the thư ký signs on the left and the chủ tọa on the right, each name under
its title, two people; the sentence saying when the meeting (or hội nghị) ended; a vote's
percentage that is its count's; the attendance naming people by their titles, not by the lines
of a signature block."""

from __future__ import annotations

import re
from fractions import Fraction

from pipeline.rules.votes import percent_text
from pipeline.verify.document import Document, Paragraph
from pipeline.verify.layout import Layout, flat
from pipeline.verify.report import DOCUMENT, Report, literal, msg
from pipeline.verify.specs import check_format

SECRETARY = ("THƯ KÝ", "NGƯỜI GHI BIÊN BẢN")
CHAIR = ("CHỦ TỌA", "CHỦ TRÌ")
# "Cuộc họp kết thúc vào ...", "Hội nghị kết thúc vào ..." (or "Phiên họp ..."): what ended is
# the minutes' own word.
ENDED = re.compile(r"\bkết thúc vào\b", re.IGNORECASE)
# "tán thành 7/8, đạt 87,5%": the share written must be the share counted.
SHARE = re.compile(
    r"tán thành (?P<part>\d+)/(?P<whole>\d+)[^\d%;]*?đạt (?P<pct>\d+(?:[,.]\d+)?)\s*%",
    re.IGNORECASE,
)

# A signature's authority and what follows it in capitals ("TM. HỘI ĐỒNG", "KT. CHỦ TỊCH"):
# Phụ lục I's form above a signer's name (ô 7a), never a person's title in a sentence.
AUTHORITY = re.compile(r"\b(?:TM|KT|TL|TUQ|Q)\.\s*")
# The first item of the minutes' content ("1. Đánh giá ..."): the attendance stands above it.
FIRST_ITEM = re.compile(r"^\d+\.\s")


def _title(lines: list[Paragraph]) -> str:
    return flat(lines[0].text).upper() if lines else ""


def check_minutes(doc: Document, layout: Layout, report: Report) -> None:
    """THƯ KÝ left and CHỦ TỌA right with their names, 'Cuộc họp (Hội nghị) kết thúc vào ...',
    votes."""
    if layout.template or layout.type_code != "bien_ban":
        return
    left, right = layout.chu_ky_trai_tham_quyen, layout.chu_ky_tham_quyen
    if _title(left) not in SECRETARY:
        found = literal(left[0].text) if left else msg("absent")
        place = left[0].where if left else DOCUMENT
        report.add("bien_ban.thu_ky", place, found, literal(SECRETARY[0]))
    elif layout.chu_ky_trai_ho_ten is None:
        report.add("bien_ban.thu_ky_ho_ten", left[-1].where, msg("absent"), msg("signer"))
    else:
        for p in left:
            check_format(report, "chu_ky_tham_quyen", p)
        check_format(report, "chu_ky_ho_ten", layout.chu_ky_trai_ho_ten)
    if _title(right) not in CHAIR:
        found = literal(right[0].text) if right else msg("absent")
        place = right[0].where if right else DOCUMENT
        report.add("bien_ban.chu_toa", place, found, literal(CHAIR[0]))
    _two_signers(layout, report)
    if not any(ENDED.search(flat(p.text)) for p in layout.body):
        last = layout.body[-1] if layout.body else None
        report.add(
            "bien_ban.ket_thuc", last.where if last else DOCUMENT, msg("absent"),
            literal("Cuộc họp (Hội nghị) kết thúc vào ... giờ ... cùng ngày"),
        )  # fmt: skip
    _attendance_titles(layout.body, report)
    for p in layout.body:
        for match in SHARE.finditer(flat(p.text)):
            part, whole = int(match["part"]), int(match["whole"])
            if whole == 0 or part > whole:
                continue  # not a count of votes
            if not same_share(match["pct"], part, whole):
                wanted = percent_text(part, whole)
                report.add("bien_ban.ty_le", p.where, literal(f"{match['pct']}%"),
                           literal(f"{wanted}%"))  # fmt: skip


def _attendance_titles(body: list[Paragraph], report: Report) -> None:
    """Chủ trì, thư ký and the lists of those present name each person with a title a sentence
    holds ("Phó Chủ tịch Hội đồng"), not the signature block printed above a name ("TM. HỘI
    ĐỒNG, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH"): one finding a paragraph, its first such form."""
    for p in body:
        text = flat(p.text)
        if FIRST_ITEM.match(text):
            return
        for match in AUTHORITY.finditer(text):
            words = []
            for word in text[match.end() :].split():
                bare = word.rstrip(",.;:")
                if not bare.isupper() or len(bare) < 2:
                    break
                words.append(bare)
                if bare != word:
                    break  # the form ends at its punctuation
            if words:
                found = match.group().rstrip() + " " + " ".join(words)
                report.add("bien_ban.chuc_vu", p.where, literal(found), msg("title_in_sentence"))
                break


def _two_signers(layout: Layout, report: Report) -> None:
    """One name under THƯ KÝ and CHỦ TỌA: minutes are signed by two people, the one who took
    them and the one who chaired (case and spacing aside)."""
    secretary, chair = layout.chu_ky_trai_ho_ten, layout.chu_ky_ho_ten
    if secretary is None or chair is None:
        return  # a missing name is its own rule's
    name = flat(secretary.text)
    if name and name.casefold() == flat(chair.text).casefold():
        report.add("bien_ban.hai_nguoi_ky", secretary.where, literal(name), msg("other_signer"))


def same_share(written: str, part: int, whole: int) -> bool:
    """Whether `written` (87,5 or 88,89 or 89) is part/whole in per cent, to its own decimals."""
    text = written.replace(",", ".")
    decimals = len(text.split(".")[1]) if "." in text else 0
    exact = Fraction(part * 100, whole)
    return abs(Fraction(text) - exact) <= Fraction(1, 2 * 10**decimals)
