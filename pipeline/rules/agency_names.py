"""An agency's name in running text from its name in capitals: SỞ GIÁO DỤC VÀ ĐÀO TẠO →
Sở Giáo dục và Đào tạo; TRƯỜNG TRUNG HỌC PHỔ THÔNG CHU VĂN AN → Trường Trung học phổ thông Chu
Văn An.

Nghị định 30/2020/NĐ-CP, Phụ lục II, I.3.b: in an agency's name, the first letter of the words
naming its kind (Sở, Chi cục, Trung tâm ...) and of each of its fields (Giáo dục, Đào tạo ...) is
a capital, the rest is not; names of people and places keep a capital on every word (Phụ lục
II, I.1-2). The fields are told apart by "và", commas and dashes ("Văn hóa, Thể thao và Du
lịch", "Lao động - Thương binh và Xã hội"), but for a dash inside the place that ends a name
("tỉnh Bà Rịa - Vũng Tàu"); abbreviations (UBND, HĐND) stay in capitals.

Words are compared with their tone marks placed one way (pipeline.text.tones.same_spelling):
"UỶ BAN NHÂN DÂN", typed with the old placement, is the organ "ỦY BAN NHÂN DÂN", "HOÀ" is "HÒA".

Which words are a proper name cannot be seen in capitals, so the name is read against the words
that agencies' names are made of (_COMMON_WORDS): a word none of them covers is taken for part of
a proper name ("CHU VĂN AN", "THẢO NGUYÊN MỘC CHÂU") and keeps its capital. The same reading
tells `vanthu init` where a header line breaks well (workspace.header_name) and whether a name
already holds its place or a proper name (so that no province is appended to it).

Two rules of the names themselves live here too, shared by loading and `vanthu verify`: an
issuing agency's own name is written in full (no "UBND ..."), and a thẩm quyền ban hành naming a
collective body is signed "TM." while one naming a head's title is not (signing_mismatch).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from pipeline.patterns import lazy
from pipeline.text.legacy import is_vietnamese_syllable
from pipeline.text.tones import same_spelling

# Kinds of agency of two syllables: the field begins after both ("Chi cục Thuế").
_TWO_SYLLABLE_KINDS = {("chi", "cục"), ("trung", "tâm"), ("văn", "phòng"), ("thanh", "tra"),
                       ("bệnh", "viện"), ("hội", "đồng"), ("học", "viện"), ("kho", "bạc"),
                       ("tổng", "cục"), ("liên", "đoàn"), ("công", "ty"), ("ủy", "ban"),
                       ("chi", "nhánh")}  # fmt: skip
# Kinds whose following words are no field of theirs ("Công an tỉnh", "Bảo hiểm xã hội tỉnh").
_WHOLE_KINDS = {("công", "an"), ("bảo", "hiểm", "xã", "hội")}
# Levels of school a field follows, capitalised with the kind ("Trường Cao đẳng Y tế").
_SCHOOL_LEVELS = {("đại", "học"), ("cao", "đẳng"), ("trung", "cấp")}
_FIELD_BREAKS = {"và", "-", "–"}
# Organs of State named by more words than a kind: nothing in them is a field's capital.
ORGANS = {("ủy", "ban", "nhân", "dân"), ("hội", "đồng", "nhân", "dân"),
          ("tòa", "án", "nhân", "dân"), ("viện", "kiểm", "sát", "nhân", "dân")}  # fmt: skip
# Levels of place: the words after one name a place, each written with a capital ("tỉnh Lào
# Cai", "huyện Mai Sơn"), up to the next field.
PLACE_LEVELS = {("tỉnh",), ("thành", "phố"), ("huyện",), ("quận",), ("thị", "xã"), ("xã",),
                 ("phường",), ("thị", "trấn"), ("đặc", "khu")}  # fmt: skip
# Levels of place of several words ("Thành phố", "Thị xã"): a date line may open with one, the
# words after its first in lower case as Phụ lục II writes the level ("Thành phố Hồ Chí Minh").
LEVEL_PHRASES = tuple(level for level in PLACE_LEVELS if len(level) > 1)


def capitalised_place(place: str) -> str:
    """`place` with every word opening in a capital, as Phụ lục II writes a place's name (Sơn
    La, Thành phố Hồ Chí Minh): the words after the first of a level opening it keep their case
    ("phố" of "Thành phố"); a word opening with no letter stays (Phường 1, Quận 10)."""
    words = place.split(" ")
    lowered = tuple(word.lower() for word in words)
    level = next((len(x) for x in LEVEL_PHRASES if lowered[: len(x)] == x), 1)
    return " ".join(
        word if 0 < n < level else word[:1].upper() + word[1:] for n, word in enumerate(words)
    )


# Levels whose body signs with the place's own name on the date line (Nghị định 30/2020,
# Phụ lục I, mục II.4: cấp xã writes the name of its xã, phường).
COMMUNE_LEVELS = {("xã",), ("phường",), ("thị", "trấn"), ("đặc", "khu")}
# Words that join, never capitals of their own.
_JOINING = {"và", "-", "–", "các", "của", "về", "thuộc", "trực", "cho", "tại", "số", "với"}

# The words (and set phrases) agencies' names are made of, lower-cased in running text unless
# they begin a field. Longer phrases win; a phrase with "và" is one field ("Giáo dục và Đào
# tạo"), never broken between lines at its "và".
_COMMON_WORDS = """
sở ban phòng cục vụ viện trường trạm đội đài hội quỹ đoàn ty tổ
trung học phổ thông | trung học cơ sở | trung học | tiểu học | mầm non | mẫu giáo | phổ thông
dân tộc nội trú | dân tộc bán trú | nội trú | bán trú | đại học | cao đẳng | trung cấp | chuyên
liên cấp | sư phạm | giáo dục | đào tạo | giáo dục và đào tạo | giáo dục thường xuyên
giáo dục nghề nghiệp | nghề nghiệp | thường xuyên | nghề | dạy nghề | bồi dưỡng | chính trị
ngoại ngữ | tin học | hướng nghiệp | kỹ thuật | kỹ thuật tổng hợp | năng khiếu
đa khoa | y tế | y học | y học cổ truyền | cổ truyền | sản | nhi | sản nhi | y | dược | y dược
phục hồi chức năng | chức năng | tâm thần | lao | bệnh phổi | phổi | nội tiết | mắt | da liễu
ung bướu | kiểm soát bệnh tật | bệnh tật | thú y | dân số | kế hoạch hóa gia đình | thực phẩm
an toàn thực phẩm | vệ sinh an toàn thực phẩm | kiểm nghiệm | giám định | pháp y | y khoa
cấp cứu | điều dưỡng | nhân văn | hữu nghị | truyền nhiễm | nhiệt đới | răng hàm mặt
phong | dịch bệnh
khu vực | khu | vùng | nhà nước | nhân dân | hành chính | hành chính công | dịch vụ | phục vụ
công | quản lý | dự án | đầu tư | xây dựng | công trình | giao thông | dân dụng | công nghiệp
khu công nghiệp | khu kinh tế | kinh tế | cửa khẩu | nông nghiệp | lâm nghiệp | phát triển
nông thôn | nông thôn mới | môi trường | nông nghiệp và môi trường | tài nguyên
tài nguyên và môi trường | tài chính | hạ tầng
kế hoạch | kế hoạch và đầu tư | nội vụ | ngoại vụ | tư pháp | thương mại | du lịch
văn hóa | thể thao | thông tin | truyền thông | thông tin và truyền thông | khoa học
công nghệ | khoa học và công nghệ | công nghệ thông tin | lao động | thương binh | xã hội
dân tộc | tôn giáo | dân tộc và tôn giáo | thanh tra | thuế | hải quan | kho bạc | thống kê
kiểm lâm | thủy lợi | thủy sản | chăn nuôi | trồng trọt | bảo vệ | thực vật | khuyến nông
quỹ đất | đất đai | đăng ký | đăng ký đất đai | bồi thường | hỗ trợ | tái định cư
giải phóng mặt bằng | việc làm | bảo trợ | công tác xã hội | trợ giúp pháp lý | pháp lý
công chứng | đấu giá | tài sản | thi hành án | dân sự | lưu trữ | lịch sử | tiếp công dân
thi đua | khen thưởng | tổ chức | cán bộ | nhân sự | văn thư | tổng hợp | phát thanh
truyền hình | phát thanh và truyền hình | báo chí | xuất bản | xúc tiến | quy hoạch | kiến trúc
đô thị | nhà ở | vận tải | giao thông vận tải | cấp nước | thoát nước | chiếu sáng | vệ sinh
thị trường | quản lý thị trường | đo lường | chất lượng | tiêu chuẩn | kiểm định
phòng cháy | chữa cháy | cứu nạn | cứu hộ | phòng chống | thiên tai | an ninh | quốc phòng
quân sự | chỉ huy | biên phòng | công an | cảnh sát | kiểm sát | tòa án | thường trực | đại biểu
mặt trận | liên hiệp | phụ nữ | nông dân | cựu chiến binh | thanh niên | chữ thập đỏ
người cao tuổi | khuyến học | chỉ đạo | điều phối | giảm nghèo | bền vững | an toàn | ứng dụng
nghiên cứu | kiểm tra | giám sát | điều tra | đánh giá | tư vấn | thẩm định | kiểm toán | ngân sách
bảo hiểm | bảo hiểm xã hội | nội bộ | đối ngoại | hợp tác | quốc tế | ngoại giao | chuyển đổi số
di tích | bảo tàng | thư viện | nghệ thuật | biểu diễn | điện ảnh | mỹ thuật | nhiếp ảnh
sự nghiệp | đơn vị | chi cục | trung tâm | văn phòng | bệnh viện | học viện | liên đoàn | công ty
hội đồng | ủy ban | chi nhánh | doanh nghiệp | hợp tác xã | nhà xuất bản | tổng cục | cơ sở
"""
# Set phrases written with capitals wherever they stand.
_FIXED = {("trung", "ương"): "Trung ương", ("việt", "nam"): "Việt Nam",
          ("tổ", "quốc"): "Tổ quốc", ("quốc", "hội"): "Quốc hội",
          ("chính", "phủ"): "Chính phủ", ("hồ", "chí", "minh"): "Hồ Chí Minh",
          ("liên", "hiệp", "phụ", "nữ"): "Liên hiệp Phụ nữ",
          ("công", "thương"): "Công Thương"}  # fmt: skip
_PHRASES = {
    tuple(phrase.split())
    for line in _COMMON_WORDS.splitlines()
    for phrase in (line.split("|") if "|" in line else line.split())  # a line without "|": words
    if phrase.strip()
} | set(PLACE_LEVELS)
_LONGEST = max(len(p) for p in (*_PHRASES, *_FIXED, *ORGANS))


def _keyed(phrases: Iterable[tuple[str, ...]]) -> frozenset[tuple[str, ...]]:
    """The phrases as their words' comparison keys (same_spelling), as names are read."""
    return frozenset(tuple(same_spelling(word) for word in phrase) for phrase in phrases)


# The tables above as names are compared with them: "uỷ ban" is "ủy ban", "toà án" "tòa án".
_TWO_SYLLABLE_KEYS = _keyed(_TWO_SYLLABLE_KINDS)
_WHOLE_KEYS = _keyed(_WHOLE_KINDS)
_ORGAN_KEYS = _keyed(ORGANS)
_SCHOOL_KEYS = _keyed(_SCHOOL_LEVELS)
_PLACE_KEYS = _keyed(PLACE_LEVELS)
_PHRASE_KEYS = _keyed(_PHRASES)
_FIXED_KEYS = {tuple(same_spelling(word) for word in words): spelled
               for words, spelled in _FIXED.items()}  # fmt: skip
_BREAK_KEYS = frozenset(same_spelling(word) for word in _FIELD_BREAKS)
_DASH_KEYS = frozenset(same_spelling(word) for word in ("-", "–"))
_JOINING_KEYS = frozenset(same_spelling(word) for word in _JOINING)
_XA, _HOI = same_spelling("xã"), same_spelling("hội")


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class Part:
    """Words [start, end) of a name and what they are: "kind" (Sở, Ủy ban nhân dân), "word"
    (a common word or set phrase: "trung học phổ thông"), "fixed" (Trung ương), "join" (và,
    các, "-"), "level" (tỉnh, xã), "place" (Sơn La), "name" (a proper name: Chu Văn An),
    "abbreviation" (UBND, THPT, 1)."""

    start: int
    end: int
    role: str


def _bare(word: str) -> str:
    return word.lower().strip(",.;:()")


def _keys(words: Sequence[str]) -> list[str]:
    """Each word's comparison key: without the marks around it, case and tone place folded."""
    return [same_spelling(word.strip(",.;:()")) for word in words]


def name_parts(words: list[str]) -> list[Part]:
    """The parts of an agency's name, in order, covering every word once."""
    if not words:
        return []
    lowered, keys = [_bare(word) for word in words], _keys(words)
    parts = [Part(0, _kind_length(keys), "kind")]
    index = parts[0].end
    # After an organ, its abbreviation or a kind with no field ("ỦY BAN NHÂN DÂN", "UBND",
    # "CÔNG AN") a level stands: "XÃ HỘI AN" there is the xã Hội An, not the field "xã hội".
    kind = tuple(keys[:index])
    level_stands = kind in _ORGAN_KEYS | _WHOLE_KEYS or kind in _ORGAN_SHORT_KEYS
    while index < len(words):
        level_end = _level_at(keys, index, stands=level_stands and index == parts[0].end)
        if level_end:
            parts.append(Part(index, level_end, "level"))
            end = _place_end(words, lowered, keys, level_end)
            parts.append(Part(level_end, end, "place"))
            index = end
            continue
        if tuple(keys[index:]) in _PLACE_KEYS:
            # A level ending the name is the level, not a field: "Thanh tra tỉnh".
            parts.append(Part(index, len(words), "level"))
            break
        part = _word_part(lowered, keys, index)
        parts.append(part)
        index = part.end
    return _merge_names(parts)


def _place_end(words: list[str], lowered: list[str], keys: list[str], start: int) -> int:
    """Where the place whose name starts at `start` ends: before the next "và" or dash, or
    after a word closing with a comma. A dash followed by a proper name that ends the name is
    the place's own ("Bà Rịa - Vũng Tàu", "Thừa Thiên - Huế", "Phan Rang - Tháp Chàm"); one
    followed by a field's words or another place ends it, as in "Văn hóa - Xã hội"."""
    end = start
    while end < len(words) and keys[end] not in _BREAK_KEYS:
        end += 1
        if words[end - 1].endswith(","):
            return end
    rest = range(end + 1, len(words))
    if end == start or not rest or keys[end] not in _DASH_KEYS:
        return end
    last = len(words) - 1
    if any(keys[i] in _BREAK_KEYS or _level_at(keys, i) or (words[i].endswith(",") and i < last)
           for i in rest):  # fmt: skip
        return end
    tail, index = [Part(start, end, "name")], end + 1
    while index < len(words):
        tail.append(_word_part(lowered, keys, index))
        index = tail[-1].end
    # One proper name with the place before the dash: "Vũng Tàu", not "Bệnh viện ...".
    return len(words) if len(_merge_names(tail)) == 1 else end


def organ_length(words: Sequence[str]) -> int:
    """How many of `words` (a name, split) name an organ of State it starts with: 4 for "Ủy
    ban nhân dân ..." and "UỶ BAN NHÂN DÂN ..." alike (ORGANS, tone place folded), else 0."""
    return _opening(_keys(words[:_LONGEST]), _ORGAN_KEYS)


def _opening(keys: Sequence[str], phrases: Iterable[tuple[str, ...]]) -> int:
    """The length of the phrase of `phrases` (keyed) that `keys` start with, else 0."""
    start = tuple(keys[:_LONGEST])
    return next((len(phrase) for phrase in phrases if start[: len(phrase)] == phrase), 0)


def _kind_length(keys: list[str]) -> int:
    whole = _opening(keys, _ORGAN_KEYS) or _opening(keys, _WHOLE_KEYS)
    return whole or (2 if tuple(keys[:2]) in _TWO_SYLLABLE_KEYS else 1)


def _field_start(keys: list[str], parts: list[Part]) -> int | None:
    """The index of the first field's first word, a capital: None after an organ ("Ủy ban nhân
    dân tỉnh ..."), a kind that has no field, or when a place or joining word comes first."""
    kind = parts[0].end
    whole = tuple(keys[:kind]) in _ORGAN_KEYS | _WHOLE_KEYS
    if whole or len(parts) < 2 or parts[1].role in ("level", "join"):
        return None
    if tuple(keys[kind : kind + 2]) in _SCHOOL_KEYS and kind + 2 < len(keys):
        return kind + 2  # "Trường Cao đẳng" + "Y tế"; "Đại" is a capital as the kind's
    return kind


def _word_part(lowered: list[str], keys: list[str], index: int) -> Part:
    """The part starting at `index`: `lowered` says whether a word is a syllable at all, its
    `keys` which phrase it begins."""
    word = lowered[index]
    if keys[index] in _JOINING_KEYS:
        return Part(index, index + 1, "join")
    if word and not is_vietnamese_syllable(word):
        return Part(index, index + 1, "abbreviation")
    for size in range(min(_LONGEST, len(keys) - index), 0, -1):
        phrase = tuple(keys[index : index + size])
        if phrase in _FIXED_KEYS:
            return Part(index, index + size, "fixed")
        if phrase in _PHRASE_KEYS:
            return Part(index, index + size, "word")
    return Part(index, index + 1, "name")


def _merge_names(parts: list[Part]) -> list[Part]:
    """Runs of proper-name words as one name, with the one-syllable common words next to them
    ("ĐIỆN BIÊN", "CHUYÊN LAM SƠN": "điện", "chuyên" are words of agencies' names too)."""
    merged: list[Part] = []
    for part in parts:
        single = part.role == "word" and part.end - part.start == 1
        previous = merged[-1] if merged else None
        if previous and previous.role == "name" and (part.role == "name" or single):
            merged[-1] = Part(previous.start, part.end, "name")
        elif previous and part.role == "name" and previous.role == "word" and (
            previous.end - previous.start == 1 and previous.start > 0
        ):  # fmt: skip
            merged[-1] = Part(previous.start, part.end, "name")
        else:
            merged.append(part)
    return merged


def running_text_name(name: str) -> str:
    """The name as running text writes it; a name not in capitals is returned as given."""
    words = name.split()
    if not words or name != name.upper():
        return " ".join(words)
    parts = name_parts(words)
    keys = _keys(words)
    capital: set[int] = {0}
    field = _field_start(keys, parts)
    if field is not None:
        capital |= {parts[0].end, field}  # the kind's level of school, the first field
    for index, word in enumerate(words):
        if keys[index] in _BREAK_KEYS or word.endswith(","):
            capital.add(index + 1)
    # A level opens no field, after a comma too: "xã Chiềng Mung, tỉnh Sơn La".
    capital -= {part.start for part in parts[1:] if part.role == "level"}
    fixed: dict[int, str] = {}
    for part in parts:
        if part.role in ("place", "name"):
            capital |= set(range(part.start, part.end))
        elif part.role == "fixed":
            spelled = _FIXED_KEYS[tuple(keys[part.start : part.end])].split()
            fixed.update(zip(range(part.start, part.end), spelled, strict=True))
    out = []
    for index, word in enumerate(words):
        low = word.lower()
        bare = _bare(word)
        if bare and not is_vietnamese_syllable(bare):
            out.append(word)  # UBND, HĐND, TP.HCM: as written
        elif index in fixed:
            out.append(word.lower().replace(bare, fixed[index], 1))
        elif index in capital:
            out.append(low[:1].upper() + low[1:])
        else:
            out.append(low)
    return " ".join(out)


def names_itself(name: str) -> bool:
    """Whether a name holds a place ("... tỉnh Lào Cai") or a proper name ("Trường THPT Chu
    Văn An") and so needs no place after it in running text; "Sở Tư pháp" does not."""
    return any(part.role in ("place", "name") for part in name_parts(name.split()))


def place_in_name(name: str) -> tuple[str, str] | None:
    """The last place a name holds, as its level and running-text name ("xã", "Chiềng Mung"),
    or None."""
    words = name.split()
    parts = name_parts(words)
    places = [(a, b) for a, b in zip(parts, parts[1:], strict=False)
              if a.role == "level" and b.role == "place"]  # fmt: skip
    if not places:
        return None
    level, place = places[-1]
    spelled = " ".join(w.strip(",.;:()") for w in words[place.start : place.end])
    if spelled == spelled.upper():
        spelled = " ".join(w[:1] + w[1:].lower() for w in spelled.split())
    return " ".join(_bare(w) for w in words[level.start : level.end]), spelled


def _level_at(keys: list[str], index: int, *, stands: bool = False) -> int:
    """Where the place's name starts when a level of place stands at `index` ("tỉnh", "thành
    phố"; not the "xã" of "xã hội", unless a level `stands` there: the xã Hội An of "ỦY BAN NHÂN
    DÂN XÃ HỘI AN"), else 0."""
    for level in _PLACE_KEYS:
        end = index + len(level)
        if tuple(keys[index:end]) == level and end < len(keys):
            if level == (_XA,) and (keys[end] == "" or (keys[end] == _HOI and not stands)):
                continue
            if keys[end] in _BREAK_KEYS:
                continue
            return end
    return 0


# Nghị định 30/2020, Phụ lục I, ô 2: only the name of the cơ quan chủ quản may shorten these
# common words; the issuing agency's own name is its full official name. The abbreviations an
# office may type at the start of its own name, and the words they stand for (longest first,
# so that UBMTTQVN is not read as UBMTTQ).
ORGAN_ABBREVIATIONS = {
    "UBMTTQVN": "ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM",
    "UBMTTQ": "ỦY BAN MẶT TRẬN TỔ QUỐC",
    "UBND": "ỦY BAN NHÂN DÂN",
    "HĐND": "HỘI ĐỒNG NHÂN DÂN",
    "TAND": "TÒA ÁN NHÂN DÂN",
    "VKSND": "VIỆN KIỂM SÁT NHÂN DÂN",
}
_ORGAN_SHORT_KEYS = frozenset((same_spelling(short),) for short in ORGAN_ABBREVIATIONS)
# The short forms a name is written with in running text or a list ("UBND tỉnh Sơn La", "Ban Thi
# đua - Khen thưởng TW"), by the words they stand for.
NAME_SHORT_FORMS = {**ORGAN_ABBREVIATIONS, "TW": "TRUNG ƯƠNG"}


def spelt_out(words: Iterable[str]) -> list[str]:
    """`words` with each short form of NAME_SHORT_FORMS written in full, so that a name written
    short and one written in full compare alike (case folded by the caller)."""
    return [NAME_SHORT_FORMS.get(word.upper(), word) for word in words]


_leading_abbreviation = lazy(
    r"^\s*(" + "|".join(ORGAN_ABBREVIATIONS) + r")(?=$|[\s|.,])", re.IGNORECASE
)


def leading_abbreviation(name: str) -> tuple[str, str] | None:
    """The abbreviation an agency's name starts with ("UBND XÃ CHIỀNG MUNG" → ("UBND", "ỦY BAN
    NHÂN DÂN")), as typed and the words it stands for in capitals; None for a name in full."""
    found = _leading_abbreviation().match(name)
    if found is None:
        return None
    return found[1], ORGAN_ABBREVIATIONS[found[1].upper()]


def full_agency_name(name: str) -> str:
    """The name with the abbreviation it starts with written in full, in capitals ("UBND XÃ
    CHIỀNG MUNG" → "ỦY BAN NHÂN DÂN XÃ CHIỀNG MUNG"); any other name as it is."""
    found = leading_abbreviation(name)
    if found is None:
        return name
    start = name.index(found[0])
    return f"{name[:start]}{found[1]}{name[start + len(found[0]):]}"


# Kinds of body an issuing agency under a cơ quan chủ quản is named by, as its name opens (Sở ...,
# Phòng ..., Văn phòng ...): the line opening one is where the agency's own name starts.
AGENCY_KINDS = """
sở | phòng | văn phòng | ban | ban quản lý | chi cục | cục | tổng cục | vụ | viện | học viện
trung tâm | trường | bệnh viện | hội đồng | ủy ban | thanh tra | kho bạc | đội | trạm | đài
bảo hiểm xã hội | công an | bộ chỉ huy | ban chỉ huy | đại học | liên đoàn | công ty
tổng công ty | chi nhánh | quỹ | nhà xuất bản | bảo tàng | thư viện | hạt kiểm lâm
"""
# Bodies a cơ quan chủ quản is named by besides those (UBND, Bộ, Tỉnh ủy ...); organs of State
# (Ủy ban nhân dân ...) and their abbreviations are ORGANS and ORGAN_ABBREVIATIONS here.
PARENT_KINDS = "bộ | tỉnh ủy | thành ủy | huyện ủy | đảng ủy | ban chấp hành"

# Ô 7a: "TM." before the collective body's name when a person signs on its behalf.
_ON_BEHALF = re.compile(r"^T\.?\s?M\.")
# Thẩm quyền ban hành (ô 5b) naming a collective body: its decisions are signed "TM. ...".
COLLECTIVE_BODIES = ("ỦY BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG", "CHÍNH PHỦ")
# ... naming a person's title: decisions in that person's own authority, no TM. line.
HEAD_TITLES = (
    "CHỦ TỊCH", "GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "CHÁNH THANH TRA", "CHÁNH ÁN",
    "THỦ TƯỚNG", "BỘ TRƯỞNG", "CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG", "VIỆN TRƯỞNG", "HIỆU TRƯỞNG",
    "TRƯỞNG BAN", "TRƯỞNG PHÒNG", "CHỦ NHIỆM", "THỦ TRƯỞNG",
)  # fmt: skip


def _one_line(text: str) -> str:
    return " ".join(text.split()).upper()


def signs_on_behalf(line: str) -> bool:
    """Whether a signature line is a "TM." (on behalf of a collective body) line."""
    return bool(_ON_BEHALF.match(_one_line(line)))


def authority_kind(text: str) -> tuple[str, str] | None:
    """('body', prefix) for a thẩm quyền naming a collective body, ('head', title) for one
    naming a person's title; None when it is neither of the known shapes."""
    folded = same_spelling(text)
    for kind, name, known in _known_authorities():
        if folded == known or folded.startswith(known + " "):
            return kind, name
    return None


@functools.cache
def _known_authorities() -> tuple[tuple[str, str, str], ...]:
    """(kind, name, folded name) of the collective bodies, then of the heads' titles."""
    return tuple(
        (kind, name, same_spelling(name))
        for kind, names in (("body", COLLECTIVE_BODIES), ("head", HEAD_TITLES))
        for name in names
    )


# Never compared nor printed: no __eq__ nor __repr__ made for it (dataclass's exec at import).
@dataclass(frozen=True, eq=False, repr=False)
class SigningMismatch:
    """Ô 5b and ô 7a disagree: `tm_needed` (a collective body's decision whose signature does
    not open with "TM.": refused) or `tm_not_needed` (a head's own decision signed "TM.": only
    pointed out); `title` is the head's title for the latter."""

    key: str
    title: str = ""

    @property
    def refused(self) -> bool:
        return self.key == "tm_needed"


def signing_mismatch(authority: str, signature: Sequence[str]) -> SigningMismatch | None:
    """How a Quyết định's thẩm quyền ban hành and the lines above its signer's name disagree,
    or None. A collective body's decision ("ỦY BAN NHÂN DÂN ...", "HỘI ĐỒNG ...") is signed
    "TM. <tập thể>" on the first line; one in a head's own authority ("CHỦ TỊCH ...", "GIÁM ĐỐC
    ...") has no TM. line. The latter is a warning only: offices have long signed the Chủ tịch's
    Bằng khen "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", and a document rebuilt as issued must pass."""
    kind = authority_kind(authority)
    if kind is None or not signature:
        return None
    if kind[0] == "body" and not signs_on_behalf(signature[0]):
        return SigningMismatch("tm_needed")
    if kind[0] == "head" and any(signs_on_behalf(line) for line in signature):
        return SigningMismatch("tm_not_needed", kind[1])
    return None


# Luật Tổ chức chính quyền địa phương 2025: from 01/07/2025 local government has two levels
# (tỉnh; xã, phường, đặc khu). No Ủy ban or Hội đồng nhân dân of a huyện, quận, thị xã or thị
# trấn issues documents after that day (a thành phố may be a tỉnh's or the country's: not told).
TWO_LEVELS_SINCE = date(2025, 7, 1)
_LOCAL_BODIES = ("ỦY BAN NHÂN DÂN", "UBND", "HỘI ĐỒNG NHÂN DÂN", "HĐND")
_ABOLISHED_LEVELS = {same_spelling(level): level
                     for level in ("huyện", "quận", "thị xã", "thị trấn")}  # fmt: skip


def _alternatives(texts: Iterable[str]) -> str:
    return "|".join(re.escape(same_spelling(text)) for text in texts)


# Read in a name's comparison key (same_spelling): "UỶ BAN" and "Ủy ban" alike.
_abolished = lazy(
    rf"\b(?:{_alternatives(_LOCAL_BODIES)}) ({_alternatives(_ABOLISHED_LEVELS.values())})(?= )"
)


def abolished_level(name: str) -> str | None:
    """The level ("huyện", "thị trấn") of a local body `name` speaks of that no longer exists
    from TWO_LEVELS_SINCE; None for any other name."""
    found = _abolished().search(same_spelling(name))
    return _ABOLISHED_LEVELS[found[1]] if found else None
