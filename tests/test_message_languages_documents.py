"""The loader's own checks (pipeline.load.documents) say their errors wholly in the language
asked for, as tests/test_message_languages_r12c.py does for validation: a suggestion (did you
mean), what a reference names (unit, signer, group), a list of choices joined by "or", a signer
to pick instead, where a recipient was first given, and the co_quan line to add are kept as
Phrases, so `message("en")` of an error raised while the process spoke Vietnamese is the same
as that of one raised in English, and the other way round.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline.errors import InputError
from pipeline.i18n import set_language
from pipeline.load.yaml_source import load_yaml
from pipeline.paths import shown
from pipeline.workspace import Workspace

LANGUAGES = ("vi", "en")
PROFILE = Path("co-quan") / "van-phong-ubnd-son-la.yaml"
PLAN = Path("2022") / "ke-hoach-tdkt.yaml"
AWARD = Path("2022") / "qd-giay-khen.yaml"
LETTER = Path("2024") / "cv-don-doc-bao-cao-tdkt.yaml"

# A signer on behalf of a collective body, and a second deputy signing like the first one.
MORE_SIGNERS = """nguoi_ky:
  tm-uy-ban:
    ho_ten: Cầm Văn Chiến
    chuc_vu: Chủ tịch
    tham_quyen: TM.
    thay_cho: Ủy ban nhân dân
  pho-chanh-van-phong-2:
    ho_ten: Hà Thị Lan
    chuc_vu: Phó Chánh Văn phòng
    tham_quyen: KT.
    thay_cho: Chánh Văn phòng
"""


@pytest.fixture()
def inputs(inputs_copy: Path) -> Iterator[Path]:
    """A copy of inputs/ whose profile has two more signers; Vietnamese again after the test."""
    _edit(inputs_copy / PROFILE, "nguoi_ky:\n", MORE_SIGNERS)
    yield inputs_copy
    set_language("vi")


def _edit(path: Path, old: str, new: str) -> Path:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _loaded(path: Path) -> Any:
    """Loaded in a workspace of its own: nothing kept from a load in the other language."""
    return Workspace.containing(path).load(path)


def _raised(path: Path) -> InputError:
    with pytest.raises(InputError) as caught:
        _loaded(path)
    return caught.value


def _warned(key: str) -> Callable[[Path], InputError]:
    def warning(path: Path) -> InputError:
        found = [w for w in _loaded(path).warnings if w.key == key]
        assert len(found) == 1, [w.key for w in _loaded(path).warnings]
        return found[0]

    return warning


def _form_raised(path: Path) -> InputError:
    """The data of `path` given as a form (a mapping: no lines)."""
    with pytest.raises(InputError) as caught:
        Workspace.containing(path).load_mapping(load_yaml(path).data, path)
    return caught.value


def messages(error_of: Callable[[], InputError]) -> dict[str, dict[str, str]]:
    """{raised in: {asked in: message}}: the error made while the process speaks each language,
    said in each (its file's name left out: a tmp path may hold any word)."""
    said: dict[str, dict[str, str]] = {}
    for raised_in in LANGUAGES:
        set_language(raised_in)
        error = error_of()
        where = shown(Path(error.file)) if error.file else ""
        said[raised_in] = {lang: error.message(lang).replace(where, "") for lang in LANGUAGES}
    return said


# (edits of the copy: file, old, new), the data file, how its error comes, and a part of its
# message in each language that the loader said as a sub-phrase.
Edit = tuple[Path, str, str]
CASES: dict[str, tuple[list[Edit], Path, Callable[[Path], InputError], dict[str, str]]] = {
    "unit_did_you_mean": (
        [(PLAN, "don_vi_soan_thao: TCHCQT", "don_vi_soan_thao: TCHCQ")], PLAN, _raised,
        {"vi": "đơn vị 'TCHCQ' không có trong hồ sơ cơ quan van-phong-ubnd-son-la.yaml "
               "(có phải 'TCHCQT'?)",
         "en": "unit 'TCHCQ' is not in the agency profile van-phong-ubnd-son-la.yaml "
               "(did you mean 'TCHCQT'?)"},
    ),
    "group_did_you_mean": (
        [(LETTER, "  - Lãnh đạo Văn phòng\n", "  - Lãnh đạo Văn phòng\n  - nhom: noi-bo-x\n")],
        LETTER, _raised,
        {"vi": "nhóm nơi nhận 'noi-bo-x'", "en": "recipient group 'noi-bo-x'"},
    ),
    "signer_listed": (
        [(LETTER, "nguoi_ky: pho-chanh-van-phong", "nguoi_ky: zz")], LETTER, _raised,
        {"vi": "người ký 'zz' không có trong hồ sơ cơ quan van-phong-ubnd-son-la.yaml; "
               "các người ký trong hồ sơ: tm-uy-ban",
         "en": "signer 'zz' is not in the agency profile van-phong-ubnd-son-la.yaml; "
               "the profile's signers: tm-uy-ban"},
    ),
    "signer_by_title_or": (
        [(LETTER, "nguoi_ky: pho-chanh-van-phong", "nguoi_ky: KT. Chánh Văn phòng")], LETTER,
        _raised,
        {"vi": "'nguoi_ky: pho-chanh-van-phong-2' hoặc 'nguoi_ky: pho-chanh-van-phong'",
         "en": "'nguoi_ky: pho-chanh-van-phong-2' or 'nguoi_ky: pho-chanh-van-phong'"},
    ),
    "unknown_type_did_you_mean": (
        [(PLAN, "loai: ke_hoach", "loai: ke_hoahc")], PLAN, _raised,
        {"vi": "(có phải 'ke_hoach'?)", "en": "(did you mean 'ke_hoach'?)"},
    ),
    "tm_needed_signer_such_as": (
        [(AWARD, "tham_quyen: Chánh Văn phòng UBND tỉnh Sơn La",
          "tham_quyen: Ủy ban nhân dân tỉnh Sơn La")], AWARD, _raised,
        {"vi": ", ví dụ 'tm-uy-ban'", "en": ", e.g. 'tm-uy-ban'"},
    ),
    "tm_not_needed_signer_such_as": (
        [(AWARD, "nguoi_ky: pho-chanh-van-phong", "nguoi_ky: tm-uy-ban")], AWARD,
        _warned("data.tm_not_needed"),
        {"vi": ", ví dụ 'pho-chanh-van-phong-2'", "en": ", e.g. 'pho-chanh-van-phong-2'"},
    ),
    "certificate_by_collective_signer_such_as": (
        [(AWARD, "tham_quyen: Chánh Văn phòng UBND tỉnh Sơn La",
          "tham_quyen: Ủy ban nhân dân tỉnh Sơn La"),
         (AWARD, "nguoi_ky: pho-chanh-van-phong", "nguoi_ky: tm-uy-ban")], AWARD,
        _warned("data.certificate_by_collective"),
        {"vi": ", ví dụ 'pho-chanh-van-phong-2'", "en": ", e.g. 'pho-chanh-van-phong-2'"},
    ),
    "recipient_first_line": (
        [(PLAN, "noi_nhan:\n  - Sở Nội vụ\n", "noi_nhan:\n  - Sở Nội vụ\n  - Sở Nội vụ\n")],
        PLAN, _warned("data.recipient_twice"),
        {"vi": " (lần đầu ở dòng ", "en": " (first at line "},
    ),
    "recipient_in_group": (
        [(PLAN, "  - nhom: noi-bo\n", "  - nhom: noi-bo\n  - Các phòng, ban, đơn vị\n")],
        PLAN, _warned("data.recipient_twice"),
        {"vi": " (đã có trong nhóm 'noi-bo' của hồ sơ cơ quan)",
         "en": " (already in the profile's group 'noi-bo')"},
    ),
    "as_above_line": (
        [(LETTER, "  - Lãnh đạo Văn phòng\n", "  - Lãnh đạo Văn phòng\n  - Nhà khách Bình Minh\n")],
        LETTER, _warned("data.recipient_as_above"),
        {"vi": "hãy bỏ dòng này ở Nơi nhận", "en": "remove this Nơi nhận line"},
    ),
    "as_above_group": (
        [(LETTER, "  - Nhà khách Bình Minh\n", "  - Các phòng, ban, đơn vị\n"),
         (LETTER, "  - Lãnh đạo Văn phòng\n", "  - Lãnh đạo Văn phòng\n  - nhom: noi-bo\n")],
        LETTER, _warned("data.recipient_as_above"),
        {"vi": "(trong nhóm 'noi-bo' của hồ sơ cơ quan) đã có ở Kính gửi",
         "en": "(in the profile's group 'noi-bo') is already under Kính gửi"},
    ),
    "agency_missing_choices": (
        [(PLAN, "co_quan: van-phong-ubnd-son-la\n", "")], PLAN, _raised,
        {"vi": "thêm dòng 'co_quan: <tên hồ sơ cơ quan>' cùng các khóa của văn bản (sau dòng ",
         "en": "add the line 'co_quan: <agency profile id>' among the document's keys (after "
               "line "},
    ),
    "agency_missing_in_a_form": (
        [(PLAN, "co_quan: van-phong-ubnd-son-la\n", "")], PLAN, _form_raised,
        {"vi": "ở đầu tệp, cùng các khóa của văn bản; hồ sơ cơ quan có: ",
         "en": "at the top of the file, among the document's keys; the agency profiles are: "},
    ),
    "agency_empty_choices": (
        [(PLAN, "co_quan: van-phong-ubnd-son-la\n", "co_quan: ''\n")], PLAN, _raised,
        {"vi": "co_quan đang để trống: ghi 'co_quan: <tên hồ sơ cơ quan>'; hồ sơ cơ quan có: ",
         "en": "co_quan is empty: write 'co_quan: <agency profile id>'; the agency profiles "
               "are: "},
    ),
}


def _no_profile(inputs: Path) -> None:
    """No agency profile at all: a document naming none is told how to make one."""
    for profile in (inputs / "co-quan").glob("*.yaml"):
        profile.unlink()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_loader_error_is_said_wholly_in_the_language_asked_for(inputs: Path, case: str) -> None:
    edits, data_file, error_of, parts = CASES[case]
    for file, old, new in edits:
        _edit(inputs / file, old, new)
    said = messages(lambda: error_of(inputs / data_file))
    for lang in LANGUAGES:
        # Whichever language the process spoke when the error was made.
        assert said["vi"][lang] == said["en"][lang], (lang, said)
        assert parts[lang] in said["en"][lang], (lang, said["en"][lang])
    assert said["vi"]["vi"] != said["vi"]["en"]


def test_with_no_profile_the_path_to_make_is_said_in_the_language_asked_for(
    inputs: Path,
) -> None:
    """No agency profile at all: the line to add and the file `vanthu init` would make name
    the placeholder in the message's language (agency_none)."""
    _edit(inputs / PLAN, "co_quan: van-phong-ubnd-son-la\n", "")
    _no_profile(inputs)
    said = messages(lambda: _raised(inputs / PLAN))
    for lang in LANGUAGES:
        assert said["vi"][lang] == said["en"][lang], (lang, said)
    assert ("chưa có hồ sơ cơ quan nào (inputs/co-quan/<tên hồ sơ cơ quan>.yaml): tạo bằng "
            "vanthu init") in said["en"]["vi"]  # fmt: skip
    assert ("there is no agency profile yet (inputs/co-quan/<agency profile id>.yaml): make "
            "one with vanthu init") in said["vi"]["en"]  # fmt: skip


def test_a_phrase_kept_in_an_error_survives_pickling(inputs: Path) -> None:
    """A build's worker sends its errors to the parent pickled: the phrases still say
    themselves in either language."""
    import pickle

    _edit(inputs / PLAN, "co_quan: van-phong-ubnd-son-la\n", "")
    _no_profile(inputs)
    error = pickle.loads(pickle.dumps(_raised(inputs / PLAN)))
    assert "<agency profile id>.yaml" in error.message("en")
    assert "<tên hồ sơ cơ quan>.yaml" in error.message("vi")
