"""People's and collectives' names as the lists, the decisions and the Giấy khen print them:
a name's case (person_name), what a pasted cell leaves after it (trimmed), whether a name with
no chức vụ is a collective's (reads_as_collective). Text only: the models (a signer's name,
model.base.printed_name) read names with it without importing the list readers
(pipeline.awards, which reads the award lists with it)."""

from __future__ import annotations

import functools
import unicodedata

from pipeline.rules.collation import name_and_note
from pipeline.text.decree_mark import without_decree_mark

# What a list pasted from a Word document leaves after a name, a chức vụ or a unit (its items
# end "Cầm Thị Lan, Chuyên viên, Văn phòng;" and the last one "."): none of them ends so, and
# Điều 1 and the Giấy khen put their own punctuation after it.
_TRAILING = ".,;"


@functools.lru_cache(maxsize=4096)  # units repeat down a list
def trimmed(text: str) -> str:
    """A name, chức vụ or unit without the ".", "," or ";" typed after it ("Cầm Thị Lan." →
    "Cầm Thị Lan"), nor a decree's "./." (the last line of a list pasted from a decision); a
    cell of nothing else stays as it is."""
    return without_decree_mark(text).rstrip(_TRAILING + " ") or text


@functools.lru_cache(maxsize=4096)
def person_name(name: str) -> str:
    """A person's name as printed, each word capitalised like the rest of the list, so that the
    decision and the Giấy khen do not print one name otherwise: one typed wholly in capitals
    ("ĐẶNG VĂN HẢI THẮNG", a teacher's habit) in title case; a word typed in lower case
    ("nguyễn thị mai", "nguyễn Thị Mai") with its capital. A word typed with a capital stays as
    typed (a capital inside it is the clerk's: "H'Hen", "(GVCN)"); a ".", "," or ";" typed
    after the name is dropped (trimmed). A note in brackets after the name ("(truy tặng)",
    "(sinh năm 1985)": collation.name_and_note) keeps the case the clerk typed."""
    own, note = name_and_note(unicodedata.normalize("NFC", trimmed(name)))
    return _name_cased(own) + note


def _name_cased(name: str) -> str:
    """person_name of a name without a note (NFC)."""
    if name.isupper():
        return unicodedata.normalize("NFC", name.title())
    words = name.split()
    if not any(word[:1].islower() for word in words):
        return name
    lowered = [word.casefold() for word in words]
    if lowered[0] not in SURNAMES and _starts_with_unit_word(lowered):
        # A collective's name on a row said to be a person's ("Trường Mầm non Hoa Sen"): its
        # case is its own, and capitalising each word would make it wrong.
        return name
    return " ".join(_capitalised(word) for word in words)


def _capitalised(word: str) -> str:
    """A word of a person's name with its capital: "mai" → "Mai", "h'hen" → "H'Hen" (as the
    capitals "H'HEN" read), "h'Hen" → "H'Hen"; a word starting otherwise as typed."""
    if not word[:1].islower():
        return word
    if word.islower():
        return unicodedata.normalize("NFC", word.title())
    return word[0].upper() + word[1:]


# The words a collective's name starts with (Phòng Tổng hợp, Trung tâm Thông tin, Tổ Công nghệ
# thông tin, Ủy ban nhân dân xã ...), lower case, NFC; both tone placements where they differ
# (ủy / uỷ, tòa / toà). A name is taken for a collective's only when one of these is followed by
# more words and the row has no chức vụ (see reads_as_collective). A one-word entry must be no
# surname, or be in SURNAMES too (only "đoàn" is): names start with the surname.
UNIT_WORDS = frozenset(
    {
        # agencies, their units and party and mass organisations
        "phòng", "ban", "trung tâm", "tổ", "khoa", "đội", "trường", "lớp", "chi bộ",
        "đảng bộ", "công đoàn", "đoàn", "đoàn thanh niên", "văn phòng", "sở", "ủy ban",
        "uỷ ban", "nhà khách", "nhà văn hóa", "nhà văn hoá", "cục", "chi cục", "vụ", "viện",
        "bệnh viện", "trạm", "trạm y tế", "trại", "hội", "hội đồng", "hội liên hiệp", "bộ phận",
        "phân hiệu", "chi nhánh", "công ty", "hợp tác xã", "ủy ban nhân dân", "thư viện",
        "bảo tàng", "nhà máy", "xí nghiệp", "ban quản lý", "tòa án", "toà án", "viện kiểm sát",
        "thanh tra", "kho bạc", "chi đoàn", "chi hội", "liên đoàn", "mặt trận", "bộ chỉ huy",
        "ban chỉ huy", "huyện ủy", "huyện uỷ", "tỉnh ủy", "tỉnh uỷ", "thị ủy", "thị uỷ",
        "đảng ủy", "đảng uỷ", "ubnd", "hđnd", "ubmttq", "công an", "đồn biên phòng",
        "ngân hàng", "bưu điện", "đài phát thanh", "đài truyền thanh", "hạt kiểm lâm",
        "phân xưởng", "xưởng", "bộ môn",
        # a school's: its kitchen, boarding house, clubs, groups and sites
        "bếp", "bếp ăn", "nhà bếp", "nhà ăn", "nhà trẻ", "nhóm", "nhóm trẻ", "khối",
        "câu lạc bộ", "clb", "liên đội", "chi đội", "điểm trường", "ký túc xá", "khu nội trú",
        "nhà thiếu nhi",
        # a commune's: wards, villages and residential groups
        "xã", "phường", "thị trấn", "tổ dân phố", "thôn", "bản", "xóm", "ấp", "buôn", "làng",
        "tiểu khu", "khu phố", "khu dân cư", "cụm",
    }
)  # fmt: skip
# Surnames a unit word may also be (Đoàn Văn Hậu, Văn Cao, Công Phượng's Nguyễn Công ...), and
# the commonest others: a name starting with one of them is a person's unless a later word of it
# is written in lower case (persons' names capitalise every word: "Đoàn thanh niên" is a unit).
SURNAMES = frozenset(
    {
        "nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi",
        "đỗ", "hồ", "ngô", "dương", "lý", "lò", "lường", "cầm", "quàng", "vì", "hà", "đinh",
        "mai", "trịnh", "đào", "cao", "lưu", "lương", "tô", "tạ", "triệu", "thái", "văn", "đoàn",
        "tôn", "kim", "lâm", "quách", "chu", "khổng", "phùng", "tăng", "la", "giáp", "nông",
        "hứa", "âu", "mạc", "kiều", "thân", "vương", "từ", "khúc", "mẫn", "lại", "lục", "đàm",
        "đồng", "ninh", "tống", "trương", "viên", "doãn", "diệp", "hàn", "công", "sầm", "bế",
        "mông", "thào", "sùng", "giàng", "hầu", "vàng", "lầu", "mùa", "tòng", "điêu", "bạc",
        "khà", "lừ", "quan", "bạch", "cù", "đậu", "hoa", "ông", "phí", "phó", "tào", "thạch",
        "trình", "vi", "xa", "lã", "hạ", "khuất", "hồng", "ma", "nghiêm", "trang",
        "an", "bàn", "lèo", "lù", "hờ", "tráng", "chảo", "phàn", "vừ", "ly",
        "sa", "đèo", "xồng", "cứ", "ksor", "rơ", "nay", "siu", "rcom", "kpă",
    }
)  # fmt: skip
_LONGEST_UNIT_WORD = max(len(w.split()) for w in UNIT_WORDS)


@functools.lru_cache(maxsize=4096)
def reads_as_collective(name: str) -> bool:
    """Whether a name with no chức vụ reads as a collective's: a unit word (UNIT_WORDS) and more
    words after it. A name starting with a surname (SURNAMES: "Đoàn", "Văn", "Công" are both)
    reads so only when a word after the first is in lower case, as no person's name is ("Đoàn
    thanh niên", "Văn phòng Sở", not "Đoàn Văn Hậu" nor "Văn Phòng"); a note in brackets after
    a name is no part of it ("Đoàn Văn Hậu (truy tặng)": name_and_note)."""
    words = name_and_note(unicodedata.normalize("NFC", name))[0].split()
    lowered = [w.casefold() for w in words]
    if not _starts_with_unit_word(lowered):
        return False
    if lowered[0] in SURNAMES:
        return any(w[:1].islower() for w in words[1:])
    return True


def _starts_with_unit_word(lowered: list[str]) -> bool:
    """Whether the words of a name (casefolded) start with a unit word (UNIT_WORDS) and have
    more words after it: "phòng tư pháp", not "phòng" alone."""
    return any(
        " ".join(lowered[:size]) in UNIT_WORDS
        for size in range(min(_LONGEST_UNIT_WORD, len(lowered) - 1), 0, -1)
    )
