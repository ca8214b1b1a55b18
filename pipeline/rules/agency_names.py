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


def running_text_name(name: str) -> str:
    """The name as running text writes it; a name not in capitals is returned as given."""
    words = name.split()
    if not words or name != name.upper():
        return " ".join(words)
    lowered = [word.lower() for word in words]
    kind = 2 if tuple(lowered[:2]) in _TWO_SYLLABLE_KINDS else 1
    capital = {0, kind}  # the kind's first word, and the first word of the first field
    for index, word in enumerate(lowered):
        if word in _FIELD_BREAKS or word.endswith(","):
            capital.add(index + 1)
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
