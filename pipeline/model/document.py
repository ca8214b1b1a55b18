"""What every administrative document has: number, date, trích yếu, Nơi nhận, signer."""

import re
import unicodedata
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, field_validator

from pipeline.model.base import Date, Record
from pipeline.model.wording import PhraseOverrides, invalid
from pipeline.patterns import lazy
from pipeline.text.syllables import is_vietnamese_syllable


class RecipientGroup(Record):
    """A named group of recipients from the agency profile."""

    nhom: str = Field(min_length=1)


# "Lưu: VT, TH." copied into the recipients from an old document's Nơi nhận, or typed with
# its colon forgotten ("Lưu VT, VP", "lưu văn thư"), in any case: with its colon it is one;
# without, only when what follows "Lưu" is what a filing line names: an abbreviation (VT, vp,
# TCHCQT, HĐND, H01b: no Vietnamese syllable, so no word of a name), or the words văn thư, hồ
# sơ written as words. A recipient named Lưu stays one: "Lưu Văn Bình", "LƯU HOA" (a name's
# words are syllables), "Lưu Văn Thư" (a name's words each open with a capital), "lưu trữ".
# "Luu" (its marks lost) reads as "Lưu".
_FILING_LABEL = re.compile(r"^[\s\-–]*l[ưu]u(?:\s*(?P<colon>:)|\s+(?P<rest>\S.*))", re.I | re.S)
_FILING_WORDS = frozenset({("văn", "thư"), ("hồ", "sơ")})
_word_cut = lazy(r"[\s,.;:()]+")
_abbreviation = lazy(r"[^\W_]{2,}")


def _is_abbreviation(word: str) -> bool:
    """Whether a word is a unit's or a drafter's abbreviation (VT, vp, HĐND, H01b), never a
    word of a name: letters or digits that make no Vietnamese syllable ("HOA", "trữ" do)."""
    return bool(_abbreviation().fullmatch(word)) and not is_vietnamese_syllable(word.lower())


def _is_filing_line(line: str) -> bool:
    """Whether a recipient line is the filing line "Lưu: VT, TH." in one of its typed forms."""
    found = _FILING_LABEL.match(unicodedata.normalize("NFC", line))
    if found is None:
        return False
    if found["colon"]:
        return True
    words = [word for word in _word_cut().split(found["rest"]) if word]
    if not words:
        return False
    if _is_abbreviation(words[0]):
        return True
    pair = words[:2]
    # "Lưu Văn Thư", "LƯU VĂN THƯ": a person's name, each word opening with a capital.
    return (
        len(pair) == 2
        and (pair[0].lower(), pair[1].lower()) in _FILING_WORDS
        and not all(word[0].isupper() for word in pair)
    )


def _not_filing_line(line: str) -> str:
    """A recipient, not the filing line vanthu writes itself (it would print twice, the typed
    one as "- Lưu: VT, TH.;")."""
    typed = filing_line_typed(line)
    if typed is not None:
        raise invalid("data.filing_line_typed", line=typed)
    return line


# "- nhom:cap-tren" (no space after the colon) or '- "nhom: cap-tren"' (quoted) is text to
# YAML, which would print as it is among the recipients; "- nhóm: cap-tren" is a mapping whose
# key is no field. The key as a clerk may spell it: nhom, Nhom, nhóm, NHÓM. With the space,
# only a group's name (one word, "cap-tren") makes it one: "Nhóm: Tổ công tác" is a recipient.
_GROUP_AS_TEXT = re.compile(
    r"^[\s\-–]*(?P<key>[^\W\d_]+)\s*:(?:(?P<glued>\S.*)|\s+(?P<name>\S+))$", re.S
)
_GROUP_KEY = "nhom"
_FILING_KEY = "luu"  # "- Lưu: VT, TH." typed as it prints: a mapping to YAML


def _bare(key: str) -> str:
    """A key as compared for spelling: without tone marks, đ as d, any case ("Nhóm": nhom)."""
    bare = "".join(
        char for char in unicodedata.normalize("NFD", key) if not unicodedata.combining(char)
    )
    return bare.casefold().replace("đ", "d")


def filing_line_typed(value: Any) -> str | None:
    """The filing line "Lưu: VT, TH." that a recipient line typed in the data is, on one line;
    None for a recipient. Typed as text, or as the one-key mapping YAML makes of "Lưu: VT, TH."
    (_FILING_KEY in any spelling); shared with the profile's recipient groups (nhom_noi_nhan),
    where it would print a second filing line just the same."""
    if isinstance(value, str):
        return " ".join(value.split()) if _is_filing_line(value) else None
    if not isinstance(value, dict) or len(value) != 1:
        return None
    ((key, name),) = value.items()
    if not isinstance(key, str) or _bare(key) != _FILING_KEY:
        return None
    return " ".join(f"{key}: {name or ''}".split())


def group_named(value: Any) -> str | None:
    """The profile's recipient group a line of the data names: "- nhom: cap-tren" (a mapping to
    YAML, its key in any spelling: "nhóm") or that text quoted or glued ("nhom:cap-tren"); None
    for a recipient ("Nhóm: Tổ công tác" too)."""
    if isinstance(value, dict) and len(value) == 1:
        ((key, name),) = value.items()
        if isinstance(key, str) and _bare(key) == _GROUP_KEY:
            return str(name or "").strip()
        return None
    if isinstance(value, str):
        found = _GROUP_AS_TEXT.match(value)
        if found and _bare(found["key"]) == _GROUP_KEY:
            return (found["glued"] or found["name"]).strip()
    return None


def _not_group_as_text(line: str) -> str:
    """A recipient, not a group reference YAML read as text (it would print "nhom:cap-tren")."""
    name = group_named(line)
    if name is not None:
        raise invalid("data.group_as_text", typed=line.strip(), fixed=f"{_GROUP_KEY}: {name}")
    return line


def _mapping_as_written(value: Any) -> Any:
    """A one-key mapping YAML made of a line with ": " that is no group: "- Lưu: VT, TH."
    (refused as the filing line it is), "- nhóm: cap-tren" (a group's key spelt otherwise),
    "- nhom:" alone (no group named) or "- Các thôn, bản:" with its members as a list under it
    (a group typed as YAML's, said with the quoted lines that print it: context.common
    grouped_lines; a mapping in the list would be a second shape of a line for everything that
    reads noi_nhan, the register and the forms among them); each said so, not as a text to put
    in quotes."""
    if not isinstance(value, dict) or len(value) != 1:
        return value
    typed = filing_line_typed(value)
    if typed is not None:
        raise invalid("data.filing_line_typed", line=typed)
    ((key, name),) = value.items()
    if isinstance(key, str) and isinstance(name, list) and _bare(key) != _GROUP_KEY:
        raise invalid("data.recipient_group_nested", name=key, lines=_group_as_lines(key, name))
    if not isinstance(key, str) or _bare(key) != _GROUP_KEY:
        return value
    if name is None or (isinstance(name, str) and not name.strip()):
        raise invalid("data.group_name_missing")
    if key != _GROUP_KEY:
        raise invalid("data.group_key_spelling", typed=key, fixed=f"{_GROUP_KEY}: {name}")
    return value


def _group_as_lines(name: str, members: list[Any]) -> str:
    """A group typed as a YAML list under its line ("- Các thôn, bản:" and its members below)
    as the noi_nhan lines that print it: '- "Các thôn, bản:"', '- "+ Bản Ít"'."""
    lines = [f"{name.strip()}:", *(f"+ {member}" for member in members)]
    return " ".join(f'- "{line}"' for line in lines)


Recipient = Annotated[
    Annotated[str, AfterValidator(_not_group_as_text), AfterValidator(_not_filing_line)]
    | RecipientGroup,
    BeforeValidator(_mapping_as_written),
]

# What a trích yếu may end with that a title keeps: an ellipsis ("...", "…"), or a full stop
# closing an abbreviation of single letters ("v.v.").
_kept_ending = lazy(r"(?:\.\.\.|(?:^|\s)(?:[^\W\d_]\.)+[^\W\d_]\.)$")
# The "./." that closes a document's text (ô 6), copied to the end of its trích yếu.
_TEXT_END_MARK = "./."


def without_full_stop(text: str) -> str:
    """A trích yếu as the title it is (Phụ lục I: a title takes no full stop): without the "."
    a clerk types after it, or the "./." that ends the text, as a Công văn's "V/v" typed before
    it and the "./." typed after ket_thuc are dropped without a word. An ellipsis and "v.v." keep
    their dots; a text of nothing else stays as it is."""
    stripped = text.rstrip()
    for ending in (_TEXT_END_MARK, "."):
        if stripped.endswith(ending) and not _kept_ending().search(stripped):
            return stripped[: -len(ending)].rstrip() or text
    return text


def not_in_capitals(text: str) -> str:
    """A trích yếu in regular case, as Phụ lục I (ô 5a) writes it and `vanthu verify` holds every
    output to (trich_yeu.case): one typed wholly in capitals ("TRIỂN KHAI CÔNG TÁC ...", as
    the type's name above it is) is refused at its line, never printed so. Nor is it put in
    small letters here: which of its words are names, kept in capitals (UBND, Sơn La), only the
    clerk knows; the message shows it in small letters for them to put those back."""
    letters = "".join(char for char in unicodedata.normalize("NFC", text) if char.isalpha())
    if len(letters) > 1 and letters == letters.upper():  # verify's test: no small letter
        written = " ".join(unicodedata.normalize("NFC", text).split())
        raise invalid("data.summary_in_capitals", example=written[:1] + written[1:].lower())
    return text


Subject = Annotated[
    str, Field(min_length=1), AfterValidator(without_full_stop), AfterValidator(not_in_capitals)
]

AUTO_NUMBER = "tu_dong"  # so: tu_dong — the next number of the office's register (sổ văn bản đi)
Number = Annotated[int, Field(ge=1, le=99999)]


class DocumentData(Record):
    """Fields shared by every document type (Phụ lục I: ô 3, 4, 5, 7, 9)."""

    loai: str
    co_quan: str = Field(min_length=1, description="id of the agency profile (co-quan/<id>.yaml)")
    so: Number | Literal["tu_dong"] | None = Field(
        default=None, description="the number; tu_dong: from the register; empty: not yet given"
    )
    ngay: Date
    trich_yeu: Subject
    noi_nhan: list[Recipient] = Field(min_length=1)
    don_vi_soan_thao: str = Field(min_length=1, description="abbreviation of the drafting unit")
    nguoi_soan_thao: str | None = Field(default=None, description="drafter's initials: H")
    so_ban: int | None = Field(default=None, ge=1, le=99, description="copies kept")
    nguoi_ky: str = Field(min_length=1, description="id of a signer of the agency profile")
    cau_chu: PhraseOverrides | None = Field(  # type: ignore[valid-type]
        default=None, description="this document's own wording of the phrases vanthu writes"
    )

    @field_validator("nguoi_soan_thao")
    @classmethod
    def _initials(cls, value: str | None) -> str | None:
        if value is not None and not value.isalpha():
            raise invalid("data.bad_initials")
        return value

    @property
    def addressees(self) -> list[str]:
        """Whom the text itself addresses (Kính gửi, kính mời): none unless the kind says so.

        The register lists them before Nơi nhận."""
        return []

    @property
    def own_number(self) -> int | None:
        """The number this document is issued under, when typed (None: none yet, or not its
        own: a Giấy khen prints its decision's). Numbers are unique per office and year."""
        return self.so if isinstance(self.so, int) else None

    @property
    def template(self) -> str | None:
        """The template this document names itself (a phôi), None for its kind's own."""
        return None

    @property
    def needs_number(self) -> bool:
        """Whether the register gives this document its number (so: tu_dong)."""
        return self.so == AUTO_NUMBER
