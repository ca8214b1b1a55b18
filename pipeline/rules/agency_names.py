"""An agency's name in running text from its name in capitals: SỞ GIÁO DỤC VÀ ĐÀO TẠO →
Sở Giáo dục và Đào tạo.

Nghị định 30/2020/NĐ-CP, Phụ lục II, I.3.b: in an agency's name, the first letter of the words
naming its kind (Sở, Chi cục, Trung tâm ...) and of each of its fields (Giáo dục, Đào tạo ...) is
a capital, the rest is not. The fields are told apart by "và", commas and dashes ("Văn hóa, Thể
thao và Du lịch", "Lao động - Thương binh và Xã hội"); abbreviations (UBND, HĐND) stay in
capitals. No library knows this rule; it is what `vanthu init` needs to suggest the running-text
name of an office given only in capitals (ô 1 of the header).
"""

from __future__ import annotations

from pipeline.text.legacy import is_vietnamese_syllable

# Kinds of agency of two syllables: the field begins after both ("Chi cục Thuế").
_TWO_SYLLABLE_KINDS = {("chi", "cục"), ("trung", "tâm"), ("văn", "phòng"), ("thanh", "tra")}
_FIELD_BREAKS = {"và", "-", "–"}
# Organs of State named by more words than a kind: nothing in them is a field's capital.
ORGANS = {("ủy", "ban", "nhân", "dân"), ("hội", "đồng", "nhân", "dân")}
# Levels of place: the words after one name a place, each written with a capital ("tỉnh Lào
# Cai", "huyện Mai Sơn"), up to the next field.
PLACE_LEVELS = {("tỉnh",), ("thành", "phố"), ("huyện",), ("quận",), ("thị", "xã"), ("xã",),
                 ("phường",), ("thị", "trấn")}  # fmt: skip


def running_text_name(name: str) -> str:
    """The name as running text writes it; a name not in capitals is returned as given."""
    words = name.split()
    if not words or name != name.upper():
        return " ".join(words)
    lowered = [word.lower() for word in words]
    kind = next((len(k) for k in ORGANS if tuple(lowered[: len(k)]) == k), 0)
    kind = kind or (2 if tuple(lowered[:2]) in _TWO_SYLLABLE_KINDS else 1)
    capital = {0, kind}  # the kind's first word, and the first word of the first field
    if _level_at(lowered, kind):  # "Ủy ban nhân dân tỉnh ...": a place, not a field
        capital.discard(kind)
    for index, word in enumerate(lowered):
        if word in _FIELD_BREAKS or word.endswith(","):
            capital.add(index + 1)
    capital |= _place_words(lowered, first=kind)
    out = []
    for index, (word, low) in enumerate(zip(words, lowered, strict=True)):
        bare = low.strip(",.;:()")
        if bare and not is_vietnamese_syllable(bare):
            out.append(word)  # UBND, HĐND, TP.HCM: as written
        elif index in capital:
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(low)
    return " ".join(out)


def _place_words(lowered: list[str], *, first: int) -> set[int]:
    """Indexes of the words naming a place after a level of place ("tỉnh" → "Lào", "Cai"),
    from word `first` on (the agency's kind is never one)."""
    found: set[int] = set()
    index = first
    while index < len(lowered):
        end = _level_at(lowered, index)
        if not end:
            index += 1
            continue
        while end < len(lowered) and lowered[end] not in _FIELD_BREAKS:
            found.add(end)
            if lowered[end].endswith(","):
                break
            end += 1
        index = end
    return found


def _level_at(lowered: list[str], index: int) -> int:
    """Where the place's name starts when a level of place stands at `index` ("tỉnh", "thành
    phố"; not the "xã" of "xã hội"), else 0."""
    for level in PLACE_LEVELS:
        end = index + len(level)
        if tuple(lowered[index:end]) == level and end < len(lowered):
            if level == ("xã",) and lowered[end].strip(",") == "hội":
                continue
            return end
    return 0
