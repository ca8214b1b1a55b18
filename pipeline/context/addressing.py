"""Kính gửi and the Nơi nhận it implies: shared by the kinds addressed to someone."""

from __future__ import annotations

from typing import Any

from pipeline.context.common import DocumentInfo, clean_list_line, list_lines
from pipeline.model.addressing import as_list
from pipeline.model.blocks import PURPOSE, own_line_key


def addressee_names(value: str | list[str]) -> list[str]:
    """The recipients Kính gửi names, without a bullet or closing mark a clerk may have typed
    (clean_list_line: "– ", "• ", ';', '.', ',' ...), where the list writes its own."""
    return [clean_list_line(name) for name in as_list(value)]


def kinh_gui_context(value: str | list[str]) -> dict[str, Any]:
    """What khoi/kinh-gui prints: one recipient on the line, or '- ...;' lines ('.' last).

    A list of one recipient is the single form too: a clerk who deletes the other lines of the
    starter's list means "Kính gửi: X", exactly as `kinh_gui: X` prints, not a one-line list
    "Kính gửi: - X."; the '- ...;' lines are for several recipients."""
    names = addressee_names(value)
    if len(names) == 1:
        return {"mot": names[0], "danh_sach": []}
    return {"mot": None, "danh_sach": list_lines(names)}


def addressed_recipients(info: DocumentInfo, lines: list[str]) -> list[str]:
    """Nơi nhận of an addressed document: 'Như trên' (câu chữ nhu_tren; '' drops it) first."""
    first = info.write("nhu_tren")
    if not first:
        return lines
    return with_own_line(first, lines)


def with_own_line(own: str, lines: list[str]) -> list[str]:
    """Nơi nhận opening with the line vanthu writes itself (`own`: "Như trên", a decision's
    "Như Điều 3"), once: the same line typed by the clerk anywhere in the list (its purpose in
    brackets and its numbers aside: "Như trên (để thực hiện)", "như trên", an old decision's
    "Như Điều 4") is that line again, printed first in vanthu's words with the purpose the
    clerk gave it, if any, in place of the phrase's ("Như trên (b/c)")."""
    key = own_line_key(own)
    typed = [line for line in lines if own_line_key(line) == key]
    if not typed:
        return [own, *lines]
    rest = [line for line in lines if own_line_key(line) != key]
    purpose = next((found for line in typed if (found := PURPOSE.search(line))), None)
    if purpose is None:
        return [own, *rest]
    return [f"{PURPOSE.sub('', own)} {purpose.group().strip()}", *rest]
