"""Context of a Quyết định: căn cứ, articles written from the lists, and the attached Danh sách."""

from __future__ import annotations

from typing import Any

from pipeline.awards import AwardList, Entry
from pipeline.context.common import DocumentInfo, block_context, closing, common_context
from pipeline.context.ke_hoach import task_appendices
from pipeline.context.sections import sections_context
from pipeline.load.attachments import DecisionAttachments, NoAttachments
from pipeline.load.spreadsheet import Table
from pipeline.model.blocks import DashList
from pipeline.model.ke_hoach import PlanData
from pipeline.model.quyet_dinh import DecisionData
from pipeline.render.fragments import rich_runs
from pipeline.render.styles import StyleSheet
from pipeline.rules.money import format_money
from pipeline.rules.numbering import roman

# Up to this many entries are named in Điều 1; more go to an attached Danh sách.
NAMED_IN_ARTICLE = 5
PREAMBLE_WORD = "Căn cứ"


def preamble(lines: list[str], proposal: str) -> tuple[list[str], str]:
    """Căn cứ lines ending ';' and the 'Theo đề nghị của ...' line ending '.'."""
    out = []
    for line in lines:
        text = line.strip().rstrip(";.").rstrip()
        if not text.startswith(PREAMBLE_WORD):
            text = f"{PREAMBLE_WORD} {text}"
        out.append(f"{text};")
    proposal = proposal.strip().rstrip(";.").rstrip()
    if not proposal.startswith("Theo đề nghị"):
        proposal = f"Theo đề nghị của {proposal}"
    return out, f"{proposal}."


def counted(awards: AwardList) -> str:
    """'44 cá nhân và 5 tập thể'."""
    parts = []
    people, groups = awards.count(collective=False), awards.count(collective=True)
    if people:
        parts.append(f"{people:02d} cá nhân" if people < 10 else f"{people} cá nhân")
    if groups:
        parts.append(f"{groups:02d} tập thể" if groups < 10 else f"{groups} tập thể")
    return " và ".join(parts)


def entry_line(entry: Entry, *, with_award: bool) -> str:
    parts = [p for p in (entry.name, entry.position, entry.unit) if p]
    text = ", ".join(parts)
    return f"{text}: {entry.award};" if with_award else f"{text};"


def cited_articles(awards: AwardList) -> str:
    """'Điều 69 và Điều 73 Nghị định 91/2017/NĐ-CP': titles and forms have their own articles."""
    by_decree: dict[str, list[str]] = {}
    for entry in awards.entries:
        award = entry.reward.award
        articles = by_decree.setdefault(award.source, [])
        if award.article and award.article not in articles:
            articles.append(award.article)
    return "; ".join(
        f"{' và '.join(articles)} {decree}" if articles else decree
        for decree, articles in by_decree.items()
    )


def award_articles(data: DecisionData, awards: AwardList) -> list[dict[str, Any]]:
    """Điều 1 (who receives what) and Điều 2 (the money and where it comes from)."""
    assert data.khen_thuong is not None
    section = data.khen_thuong
    merit = f" {section.thanh_tich.rstrip('.')}" if section.thanh_tich else ""
    if len(awards.entries) <= NAMED_IN_ARTICLE:
        several = len(awards.groups) > 1
        lead = (
            f"cho các cá nhân, tập thể{merit}, gồm:"
            if merit
            else "cho các cá nhân, tập thể có tên sau:"
        )
        first = {
            "mo_dau": f"{section.hanh_dong} {lead}",
            "doan": [DashList(gach=[entry_line(e, with_award=several) for e in awards.entries])],
        }
    else:
        first = {
            "mo_dau": f"{section.hanh_dong} cho {counted(awards)}{merit} (có danh sách kèm theo).",
            "doan": [],
        }
    rates: dict[tuple[str, bool], int] = {}
    for entry in awards.entries:
        rates.setdefault((entry.award, entry.collective), entry.amount)
    reward = awards.entries[0].reward  # one decision date: one base salary for every entry
    citations = cited_articles(awards)
    lines = [
        f"{award}: {format_money(amount)} đồng/{'tập thể' if collective else 'người'};"
        for (award, collective), amount in rates.items()
    ]
    money = {
        "mo_dau": (
            f"Tặng kèm tiền thưởng theo quy định tại {citations}, "
            f"mức lương cơ sở {format_money(reward.base_salary.amount)} đồng/tháng:"
        ),
        "doan": [
            DashList(gach=lines),
            f"Tổng số tiền thưởng: {format_money(awards.total)} đồng.",
            f"Bằng chữ: {awards.total_in_words}",
            f"Nguồn kinh phí: {section.nguon_kinh_phi.rstrip('.')}.",
        ],
    }
    return [first, money]


def council_articles(data: DecisionData, members: Table) -> list[dict[str, Any]]:
    """Điều 1: the council and its members with their roles."""
    assert data.hoi_dong is not None
    lines = [
        f"{row.values['ho_ten']}, {row.values['chuc_vu']} - {row.values['vai_tro']};"
        for row in members
    ]
    return [
        {"mo_dau": f"{data.hoi_dong.hanh_dong}, gồm các ông, bà có tên sau:",
         "doan": [DashList(gach=lines)]},
    ]  # fmt: skip


def issued_plan_articles(
    data: DecisionData, plan: DocumentInfo[NoAttachments]
) -> list[dict[str, Any]]:
    """Điều 1: 'Ban hành kèm theo Quyết định này Kế hoạch ...'."""
    subject = " ".join(plan.data.trich_yeu.split())
    subject = subject[:1].lower() + subject[1:]  # it continues the sentence after "Kế hoạch"
    return [{"mo_dau": f"Ban hành kèm theo Quyết định này Kế hoạch {subject}.", "doan": []}]


def issued_plan_context(info: DocumentInfo, plan: DocumentInfo[NoAttachments]) -> dict[str, Any]:
    """The plan printed after the decision: its title, 'Ban hành kèm theo ...' and its body."""
    data = info.data
    assert isinstance(data, DecisionData)
    body = plan.data
    assert isinstance(body, PlanData)
    issuer = data.tham_quyen
    return {
        "ten_loai": plan.doc_type.title,
        "trich_yeu": rich_runs(body.trich_yeu),
        "kem_theo": info.attached_line(issuer, lead="Ban hành kèm theo"),
        "mo_dau": [block_context(b) for b in body.mo_dau],
        "cac_muc": sections_context(body.muc),
        "ket_thuc": rich_runs(closing(body.ket_thuc)),
        "cac_phu_luc": task_appendices(
            body,
            plan.agency.don_vi,
            info.attached_line(issuer, lead="Kèm theo Kế hoạch ban hành kèm theo"),
        ),  # fmt: skip
    }


def award_list_context(info: DocumentInfo, awards: AwardList, title: str) -> dict[str, Any]:
    """The attached Danh sách: groups by title, numbered within groups, and the total."""
    data = info.data
    assert isinstance(data, DecisionData)
    return {
        "tieu_de": title.upper(),
        "kem_theo": info.attached_line(issuer=data.tham_quyen),
        "nhom": [
            {
                "so": roman(number),
                "ten": group.award.upper(),
                "so_luong": len(group.entries),
                "muc": [
                    {
                        "stt": index,
                        "ho_ten": entry.name,
                        "chuc_vu": entry.position,
                        "don_vi": entry.unit,
                        "so_tien": format_money(entry.amount),
                    }
                    for index, entry in enumerate(group.entries, start=1)
                ],
            }
            for number, group in enumerate(awards.groups, start=1)
        ],
        "tong_cong": format_money(awards.total),
    }


def last_part(danh_sach: dict[str, Any] | None, issued: dict[str, Any] | None) -> str | None:
    """What stands last after the signature: an appendix of the issued plan, the plan, the list."""
    if issued is not None:
        return "ngang" if issued["cac_phu_luc"] else "doc"
    return "doc" if danh_sach is not None else None


def decision_context(info: DocumentInfo[DecisionAttachments], styles: StyleSheet) -> dict[str, Any]:
    """Everything templates/quyet-dinh.docx prints."""
    data = info.data
    assert isinstance(data, DecisionData)
    context = common_context(info, styles)
    attached = info.attachments
    assert isinstance(attached, DecisionAttachments)
    awards, members, plan = attached.awards, attached.members, attached.plan
    generated: list[dict[str, Any]] = []
    if awards is not None:
        generated = award_articles(data, awards)
    elif members is not None:
        generated = council_articles(data, members)
    elif plan is not None:
        generated = issued_plan_articles(data, plan)
    written = [
        {
            "mo_dau": (f"**{a.tieu_de}** " if a.tieu_de else "") + a.noi_dung,
            "doan": a.doan,
        }
        for a in data.dieu
    ]
    articles = generated + written
    last = articles[-1]
    if last["doan"]:
        *head, tail = last["doan"]
        last["doan"] = [*head, closing(tail) if isinstance(tail, str) else tail]
    else:
        last["mo_dau"] = closing(last["mo_dau"])
    can_cu, theo_de_nghi = preamble(data.can_cu, data.theo_de_nghi)
    issued = issued_plan_context(info, plan) if plan is not None else None
    danh_sach = None
    if awards is not None and len(awards.entries) > NAMED_IN_ARTICLE:
        assert data.khen_thuong is not None
        danh_sach = award_list_context(info, awards, data.khen_thuong.tieu_de_danh_sach)
    context.update(
        tham_quyen=data.tham_quyen.upper(),
        can_cu=can_cu,
        theo_de_nghi=theo_de_nghi,
        cac_dieu=[
            {
                "so": number,
                "mo_dau": rich_runs(article["mo_dau"]),
                "doan": [block_context(b) for b in article["doan"]],
            }
            for number, article in enumerate(articles, start=1)
        ],
        # Those who execute the decision are named in its last article: "Như Điều 3".
        noi_nhan=[f"Như Điều {len(articles)}", *context["noi_nhan"]],
        danh_sach=danh_sach,
        ke_hoach=issued,
        phan_cuoi=last_part(danh_sach, issued),
    )
    return context
