"""Context of a Biên bản: 'Vào lúc ...', chủ trì, thư ký, thành phần counted from its lists, the
items with their votes computed, kết luận, 'Cuộc họp kết thúc vào ...' (a hội nghị's: 'Hội nghị
kết thúc vào ...') and two signatures."""

from __future__ import annotations

import re
from typing import Any

from pipeline.context.common import (
    DocumentInfo,
    block_context,
    closing_runs,
    common_context,
    listed,
)
from pipeline.load.attachments import NoAttachments
from pipeline.load.contract import Attached, Resolver
from pipeline.load.yaml_source import Source
from pipeline.model.agency import Agency, Signer
from pipeline.model.bien_ban import Absentee, MinutesData, Person
from pipeline.model.blocks import Block
from pipeline.patterns import lazy
from pipeline.render.fragments import paragraph_runs
from pipeline.render.styles import StyleSheet
from pipeline.rules.agency_names import HEAD_TITLES, running_text_name
from pipeline.rules.dates import date_phrase
from pipeline.rules.votes import vote_figures
from pipeline.text.syllables import is_vietnamese_syllable
from pipeline.text.tones import same_spelling


def minutes_attachments(data: MinutesData, source: Source, resolver: Resolver) -> Attached:
    """No attachments; checks while the Biên bản loads that its chủ tọa, the signer named in the
    agency profile, is among the members present (the counts and the signature depend on it)."""
    agency, _ = resolver.agency(data.co_quan, source)
    chair = agency.nguoi_ky[data.nguoi_ky]
    if not data.thanh_phan.present(chair.ho_ten):
        raise source.error(
            "data.chair_absent", ("nguoi_ky",), name=chair.ho_ten, signer=data.nguoi_ky
        )
    return Attached(NoAttachments())


# The phrases a hội nghị words its own way: the key + CONFERENCE_SUFFIX (cau-chu.yaml).
CONFERENCE_PHRASES = ("bien_ban_co_mat", "bien_ban_vang_mat", "bien_ban_noi_dung",
                      "bien_ban_ket_thuc")  # fmt: skip
CONFERENCE_SUFFIX = "_hoi_nghi"


def minutes_phrase(info: DocumentInfo, key: str) -> str:
    """The phrase the minutes write for `key`: a hội nghị's own (MinutesData.conference) speaks
    of đại biểu and of the hội nghị, not of thành viên and a cuộc họp; unless the office or the
    document wrote the meeting's phrase nearer than the hội nghị's (the tester's document-level
    bien_ban_ket_thuc "Hội nghị kết thúc vào ..." is printed as written)."""
    data = info.data
    assert isinstance(data, MinutesData)
    if key not in CONFERENCE_PHRASES or not data.conference:
        return key
    own = key + CONFERENCE_SUFFIX
    return own if info.phrases.layer(own) >= info.phrases.layer(key) else key


def _person(person: Person) -> dict[str, str]:
    return {"ho_ten": person.ho_ten, "chuc_vu": person.chuc_vu or ""}


def _people(info: DocumentInfo, people: list[Person], key: str) -> list[str]:
    lines = []
    for person in people:
        values = _person(person)
        if isinstance(person, Absentee):
            values["ly_do"] = person.ly_do.rstrip(".;")
        lines.append(info.write(key, values))
    return lines


# The authority a signature line opens with (Phụ lục I, ô 7a: TM., KT., TL., TUQ., Q.): the
# signature's, no part of the person's title.
_AUTHORITY = lazy(r"^\s*(?:T\.?\s?M|KT|TL|TUQ|Q)\.\s*", re.IGNORECASE)
# Words before a title that make another of it, written with their own capital ("Phó Chủ tịch").
_TITLE_PREFIXES = {"phó": "Phó", "quyền": "Quyền"}
# Heads' titles (rules.agency_names.HEAD_TITLES) whose words after the first are not all small
# in running text: the agency's kind a title names keeps its capital ("Chánh Văn phòng"), as
# the presets of `vanthu init` write them; any other opens with a capital alone ("Chủ tịch").
_TITLE_SPELLINGS = {"CHÁNH VĂN PHÒNG": "Chánh Văn phòng", "CHÁNH THANH TRA": "Chánh Thanh tra",
                    "TỔNG GIÁM ĐỐC": "Tổng Giám đốc"}  # fmt: skip
_UNIT_KINDS = {same_spelling("phòng"), same_spelling("ban")}


def chair_title(signer: Signer, agency: Agency) -> str:
    """The chủ tọa's title as the sentence "Chủ trì (chủ tọa): đồng chí ..., <title>." writes
    it, from the signature of the signer who chairs: the signer's own position (the last line
    under any TM., KT. ... line), in running-text case, and, when it is a head's title alone
    ("Phó Chủ tịch"), of the agency ("Phó Chủ tịch Hội đồng Thi đua - Khen thưởng tỉnh ...").
    The signature block itself ("TM. HỘI ĐỒNG, KT. CHỦ TỊCH, PHÓ CHỦ TỊCH") is no title a
    sentence can hold."""
    lines = [line.strip() for line in signer.chuc_vu.splitlines() if line.strip()]
    own = [line for line in lines if not _AUTHORITY().match(line)]
    title = " ".join((own[-1] if own else _AUTHORITY().sub("", lines[-1])).split())
    running, bare = running_title(title)
    return _of_agency(running, agency.ten_day_du) if bare else running


def running_title(title: str) -> tuple[str, bool]:
    """A title in running-text case ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch"; one typed in small
    letters is kept as typed), and whether it is a head's title alone, naming no body."""
    words = title.split()
    prefix = []
    while words and words[0].casefold() in _TITLE_PREFIXES:
        prefix.append(words.pop(0))
    head = _head_title(words)
    rest = words[head:]
    bare = head > 0 and not rest
    if title != title.upper():
        return title, bare
    if not head:
        return _opening_capital(" ".join([*prefix, *words])), bare
    spelt = " ".join(words[:head])
    opening = [_TITLE_PREFIXES[word.casefold()] for word in prefix]
    opening.append(_TITLE_SPELLINGS.get(spelt, _opening_capital(spelt)))
    if rest:  # the body named after the title: an agency's or a place's name ("UBND TỈNH ...")
        # Read with the unit's kind the title ends with ("TRƯỞNG PHÒNG" + "TỔ CHỨC CÁN BỘ" as
        # "Phòng Tổ chức cán bộ"), whose own word the title has already written.
        kind = [words[head - 1]] if same_spelling(words[head - 1]) in _UNIT_KINDS else []
        named = running_text_name(" ".join([*kind, *rest])).split()
        opening.append(" ".join(named[len(kind) :]))
    return " ".join(opening), bare


def _head_title(words: list[str]) -> int:
    """How many of `words` make the head's title they open with (HEAD_TITLES), else 0."""
    keys = [same_spelling(word) for word in words]
    titles = [same_spelling(title).split() for title in HEAD_TITLES]
    return max((len(title) for title in titles if keys[: len(title)] == title), default=0)


def _opening_capital(text: str) -> str:
    """Text in capitals as a sentence writes it: the first letter a capital, the rest small;
    an abbreviation (UBND, HĐND: no Vietnamese syllable) stays as written."""
    words = [
        word.lower() if is_vietnamese_syllable(word.lower().strip(",.;:()")) else word
        for word in text.split()
    ]
    joined = " ".join(words)
    return joined[:1].upper() + joined[1:]


def _of_agency(title: str, agency: str) -> str:
    """'Chánh Văn phòng' of 'Văn phòng UBND tỉnh Sơn La' → 'Chánh Văn phòng UBND tỉnh Sơn La':
    the words the title ends with and the name opens with said once ('Trưởng phòng' of 'Phòng
    Kinh tế' → 'Trưởng phòng Kinh tế')."""
    words, names = title.split(), agency.split()
    for size in range(min(len(words), len(names)), 0, -1):
        if [same_spelling(w) for w in words[-size:]] == [same_spelling(n) for n in names[:size]]:
            return " ".join([*words, *names[size:]])
    return " ".join([*words, *names])


def attendance_blocks(info: DocumentInfo) -> list[Block]:
    """Chủ trì, thư ký, then those present, absent and invited, counted from the lists."""
    data = info.data
    assert isinstance(data, MinutesData)
    chair = info.signer
    title = data.chu_toa or chair_title(chair, info.agency)
    present, absent = data.thanh_phan.co_mat, data.thanh_phan.vang_mat
    counts = {
        "so_co_mat": str(len(present)),
        "so_vang_mat": str(len(absent)),
        "so_thanh_vien": str(len(present) + len(absent)),
    }
    blocks: list[Block] = [
        info.write("bien_ban_chu_tri", {"ho_ten": chair.ho_ten, "chuc_vu": title}),
        info.write("bien_ban_thu_ky", _person(data.thu_ky)),
        info.write(minutes_phrase(info, "bien_ban_co_mat"), counts),
        listed(_people(info, list(present), "nguoi_du_hop")),
    ]
    if absent:
        blocks += [
            info.write(minutes_phrase(info, "bien_ban_vang_mat"), counts),
            listed(_people(info, list(absent), "nguoi_vang_mat")),
        ]
    else:
        blocks.append(info.write("bien_ban_khong_vang", counts))
    if data.thanh_phan.khach_moi:
        guests = _people(info, data.thanh_phan.khach_moi, "nguoi_du_hop")
        blocks += [info.write("bien_ban_khach_moi"), listed(guests)]
    return blocks


def minutes_context(info: DocumentInfo, styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/bien-ban.docx prints; the thư ký signs on the left, the chủ tọa
    (nguoi_ky) on the right; Nơi nhận, when given, below them."""
    data = info.data
    assert isinstance(data, MinutesData)
    context = common_context(info, styles)
    when = data.thoi_gian
    day = when.ngay or data.ngay
    opening = info.write(
        "bien_ban_bat_dau",
        {"gio": when.gio, "ngay": date_phrase(day), "dia_diem": data.dia_diem.rstrip(".,;"),
         "cuoc_hop": data.cuoc_hop.rstrip(".")},
    )  # fmt: skip
    present = len(data.thanh_phan.co_mat)
    members = present + len(data.thanh_phan.vang_mat)
    items = []
    for number, item in enumerate(data.noi_dung, start=1):
        blocks = [block_context(b) for b in item.doan]
        if item.bieu_quyet is not None:
            vote = item.bieu_quyet
            figures = vote_figures(vote.tan_thanh, vote.khong_tan_thanh, present, members)
            blocks.append(block_context(info.write("bieu_quyet", figures)))
        items.append({"so": number, "tieu_de": paragraph_runs(item.tieu_de), "doan": blocks})
    ended = when.den_ngay if when.den_ngay not in (None, day) else None
    end_day = date_phrase(ended) if ended is not None else info.write("cung_ngay")
    last = info.write(minutes_phrase(info, "bien_ban_ket_thuc"), {"gio": when.den, "ngay": end_day})
    context.update(
        mo_dau=[block_context(b) for b in [opening, *attendance_blocks(info)]],
        nhan_noi_dung=info.write(minutes_phrase(info, "bien_ban_noi_dung")),
        cac_noi_dung=items,
        nhan_ket_luan=info.write("bien_ban_ket_luan") if data.ket_luan else None,
        ket_luan=[block_context(b) for b in data.ket_luan],
        ket_thuc=closing_runs(last),
        chu_ky={"tham_quyen": [info.write("ky_chu_toa")], "ho_ten": info.signer.ho_ten},
        chu_ky_trai={"tham_quyen": [info.write("ky_thu_ky")], "ho_ten": data.thu_ky.ho_ten},
    )
    return context
