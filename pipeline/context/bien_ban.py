"""Context of a Biên bản: 'Vào lúc ...', chủ trì, thư ký, thành phần counted from its lists, the
items with their votes computed, kết luận, 'Cuộc họp kết thúc vào ...' (a hội nghị's: 'Hội nghị
kết thúc vào ...') and two signatures."""

from __future__ import annotations

from typing import Any

from pipeline.context.common import (
    DocumentInfo,
    block_context,
    closing_runs,
    common_context,
    listed,
    without_decree_mark,
)
from pipeline.load.attachments import NoAttachments
from pipeline.load.contract import Attached, Resolver
from pipeline.load.yaml_source import Source
from pipeline.model.agency import Agency, Signer
from pipeline.model.bien_ban import Absentee, MinutesData, Person
from pipeline.model.blocks import Block
from pipeline.render.fragments import paragraph_runs
from pipeline.render.styles import StyleSheet
from pipeline.rules.dates import date_phrase
from pipeline.rules.titles import join_title, own_title, running_title
from pipeline.rules.votes import vote_figures


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
        lines.append(info.sentence(key, values))
    return lines


def chair_title(signer: Signer, agency: Agency) -> str:
    """The chủ tọa's title as the sentence "Chủ trì (chủ tọa): đồng chí ..., <title>." writes
    it, from the signature of the signer who chairs: the signer's own position in running-text
    case, and, when it is a head's title alone ("Phó Chủ tịch"), of the agency ("Phó Chủ tịch
    Hội đồng Thi đua - Khen thưởng tỉnh ..."). The signature block itself ("TM. HỘI ĐỒNG, KT.
    CHỦ TỊCH, PHÓ CHỦ TỊCH") is no title a sentence can hold."""
    running, bare = running_title(own_title(signer.chuc_vu))
    return join_title(running, agency.ten_day_du) if bare else running


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
        info.sentence("bien_ban_chu_tri", {"ho_ten": chair.ho_ten, "chuc_vu": title}),
        info.sentence("bien_ban_thu_ky", _person(data.thu_ky)),
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
    opening = info.sentence(
        "bien_ban_bat_dau",
        {"gio": when.gio, "ngay": date_phrase(day), "dia_diem": data.dia_diem.rstrip(".,;"),
         "cuoc_hop": data.cuoc_hop.rstrip(".")},
    )  # fmt: skip
    present = len(data.thanh_phan.co_mat)
    members = present + len(data.thanh_phan.vang_mat)
    items = []
    for number, item in enumerate(data.noi_dung, start=1):
        blocks = [block_context(b, without_decree_mark) for b in item.doan]
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
        ket_luan=[block_context(b, without_decree_mark) for b in data.ket_luan],
        ket_thuc=closing_runs(last),
        chu_ky={"tham_quyen": [info.write("ky_chu_toa")], "ho_ten": info.signer.ho_ten},
        chu_ky_trai={"tham_quyen": [info.write("ky_thu_ky")], "ho_ten": data.thu_ky.ho_ten},
    )
    return context
