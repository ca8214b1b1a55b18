"""What `vanthu templates check` says of the office's templates a document is made with, said
again by render, build and check as one warning per template, without checking again.

A clerk who renders never runs `templates check`: a khung.docx set in 16 pt Arial, margins out of
the decree's range or a khoi/ky-ten.docx without its Nơi nhận went into every document without a
word. Checking costs a second or so, rendering a few milliseconds; so the verdict (how many
errors, in which of the office's files) is kept in the template cache under the templates'
contents and the checker's code (render.template_cache.verdict): a run whose templates and vanthu
are unchanged reads it back. Built-in templates pass the check (tests pin it): a template made
only of them is never checked here.
"""

from __future__ import annotations

import functools
import hashlib
import json
import weakref
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from pipeline.errors import VanthuError
from pipeline.render.compose import FRAME_NAME, TemplateLibrary
from pipeline.render.locate import office_folder
from pipeline.render.phrase import Phrase
from pipeline.render.template_cache import module_stamps, verdict

if TYPE_CHECKING:
    from pipeline.workspace import Workspace

# The contexts of vanthu's examples of each type, made with a library's templates, for an
# office's own profile when one is given (pipeline.api.example_contexts: the renderer lives
# above this module).
Examples = Callable[
    [TemplateLibrary, "Workspace | None"], Mapping[str, Sequence[Mapping[str, Any]]]
]

# The code a verdict follows from besides the templates: the checker, verify's rules, how a
# template is read (a LibreOffice save's header widths put back) and the examples it renders.
_PIPELINE = Path(__file__).resolve().parents[1]
_CHECKER = (
    "template_tools", "verify", "render/structure.py", "render/package.py",
    "render/libreoffice.py", "rules", "starters",
)


def office_files(library: TemplateLibrary, name: str) -> list[str]:
    """The office's own files template `name` is made with: itself, the frame, the blocks it
    includes (in that order); the built-in ones pass the check. A phôi (Giấy khen) is a page of
    its own, printed with its own styles and paper, not the frame's: khung.docx is not one."""
    own = [f for f in (name, FRAME_NAME, *library.block_names())
           if library.is_override(f) and not as_shipped(library, f)]  # fmt: skip
    if not own:
        return []  # an office without copies: nothing to read further
    frame = [] if library.is_form(name) else [FRAME_NAME]
    files = [name, *frame, *library.included_blocks(name)]
    return [file for file in dict.fromkeys(files) if file in own]


def as_shipped(library: TemplateLibrary, name: str) -> bool:
    """Whether the office's file `name` holds the built-in file's parts unchanged: a copy of
    the shipped templates (mau/ filled from them before one was edited), even saved again into
    another zip, prints what the built-in file prints, which passes the check. The parts are
    compared by the zip's own listing (name, CRC-32, size), nothing decompressed."""

    def same_parts() -> bool:
        shipped = library.builtin / f"{name}.docx"
        try:
            with zipfile.ZipFile(library.file(name)) as own, zipfile.ZipFile(shipped) as built_in:
                return _listing(own) == _listing(built_in)
        except (OSError, zipfile.BadZipFile):
            return False  # no such built-in file, or a copy that is no zip: the check says

    return library.remember("as_shipped", name, same_parts)


def _listing(package: zipfile.ZipFile) -> list[tuple[str, int, int]]:
    return sorted((info.filename, info.CRC, info.file_size) for info in package.infolist())


def errors_by_file(
    library: TemplateLibrary, name: str, examples: Examples | None = None,
    office: Workspace | None = None,
) -> dict[str, int]:
    """How many errors `templates check` finds in each of the office's files template `name`
    is made with ('khung' → 3), read from the cache when these contents (and the profile of
    `office` the examples are written for, as `templates check` writes them there) were
    checked before. Empty when none is the office's, or when the check cannot run (preparing
    the template says why)."""
    try:
        files = office_files(library, name)
        if not files:
            return {}
        judged = lambda: json.dumps(_judged(library, name, files, examples, office))  # noqa: E731
        text = verdict(_key(library, name, office), judged)
        counts = json.loads(text)
    except (VanthuError, OSError, ValueError, etree.XMLSyntaxError):
        return {}
    return {str(k): int(v) for k, v in counts.items()} if isinstance(counts, dict) else {}


def _judged(
    library: TemplateLibrary, name: str, files: list[str], examples: Examples | None,
    office: Workspace | None,
) -> dict[str, int]:
    """`templates check` of `files`: the error count of each file that has errors.

    Type `name` is also rendered, with the office's files and with the built-in ones, for the
    data of vanthu's own example of it (as `templates check` does): a paragraph deleted in Word
    from the office's copy or from a block it includes (the "Theo đề nghị ..." line) would
    otherwise leave every document without it, and not a word from render or build. Such an
    error is the office's copy's, else the first of its blocks' (the frame prints no data)."""
    from pipeline.template_tools.check import check_templates  # only when not yet known

    samples = _examples(library, name, examples, office) if examples is not None else {}
    wanted = files if name in files or not samples else [*files, name]
    if FRAME_NAME in files and not library.is_form(name):
        # The built-in files printed with the office's frame: what they then break is the
        # frame's (check.frame_blamed: SoKyHieu made bold, found at khoi/dau-trang's Số line).
        wanted = list(dict.fromkeys([*wanted, name, *library.included_blocks(name)]))
    blame = [file for file in files if file != FRAME_NAME] or files
    counts: dict[str, int] = {}
    for problem in check_templates(library, wanted, samples).problems:
        if problem.warning:
            continue
        if problem.template in files:
            owner = problem.template
        elif problem.key in _PRINTED_DATA:
            owner = blame[0]
        else:
            continue  # the built-in type's other checks: what they find is the office's files'
        counts[owner] = counts.get(owner, 0) + 1
    return counts


# printed_data's errors: the data the built-in template prints and the office's files do not.
_PRINTED_DATA = ("tpl.data_not_printed", "tpl.rich_not_printed", "tpl.data_recased")


def _examples(
    library: TemplateLibrary, name: str, examples: Examples, office: Workspace | None
) -> dict[str, list[Mapping[str, Any]]]:
    """The contexts of vanthu's examples of type `name` (none for a block, the frame or a
    phôi, which printed_data does not compare), made once for every type of `library`."""
    if name not in library.type_names() or library.is_form(name):
        return {}
    known = _made_examples.get(library)
    if known is None:
        known = _made_examples[library] = dict(examples(library, office))
    return {name: list(known[name])} if known.get(name) else {}


# The examples' contexts, by library: a build's or a render's templates checked for several
# types make them once (about a second), and only when no verdict was remembered.
_made_examples: weakref.WeakKeyDictionary[TemplateLibrary, dict[str, Sequence[Mapping[str, Any]]]]
_made_examples = weakref.WeakKeyDictionary()


def _key(library: TemplateLibrary, name: str, office: Workspace | None) -> bytes:
    """Template `name`'s files in force (by layer and content), the office's profile the
    examples print (their agency lines are measured in the header's columns) and the
    checker's identity."""
    digest = hashlib.sha256(_checker_identity().encode())
    digest.update(name.encode())
    if office is not None:
        from pipeline.template_tools.examples import office_profile

        profile = office_profile(office)
        digest.update(b"\0profile\0" + (profile.read_bytes() if profile else b""))
    for path in library.source_files(name):
        relative = library.relative_name(path)
        layer = "office" if library.is_override(relative[:-5]) else "builtin"
        content = hashlib.sha256(path.read_bytes()).hexdigest()
        digest.update(f"\0{relative}\0{layer}\0{content}".encode())
    return digest.hexdigest().encode()


@functools.cache  # a process runs one vanthu
def _checker_identity() -> str:
    """vanthu's version and the size and modification time of the checker's modules (a
    changed rule gives another verdict), as template_cache keys compiled code."""
    from pipeline import __version__

    parts = [__version__, *module_stamps(_PIPELINE, _CHECKER)]
    # The examples' data (starters/*.yaml, *.csv) and the phrases (rules/data) are no modules.
    for folder in ("starters", "rules/data"):
        for path in sorted((_PIPELINE / folder).iterdir()):
            if path.is_file() and path.suffix in (".yaml", ".csv"):
                info = path.stat()
                parts.append(f"{folder}/{path.name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts)


def template_warnings(
    library: TemplateLibrary, names: Iterable[str], examples: Examples | None = None,
    office: Workspace | None = None,
) -> list[str]:
    """One warning for each template of `names` made with an office's file that `templates
    check` finds errors in (its documents may not follow the decree; the examples written for
    `office`'s profile, as that command writes them), naming the files and the command to run,
    after one for each office file of theirs saved as .odt or .doc (unused_formats); in the
    current language, each a Phrase that says itself in another."""
    names = list(dict.fromkeys(names))
    warnings: list[str] = list(unused_formats(library, names))
    for name in names:
        counts = errors_by_file(library, name, examples, office)
        total = sum(counts.values())
        if not total:
            continue
        files = [file for file in counts if counts[file]]
        folder = office_folder(library, files[0])
        warnings.append(
            Phrase(
                "tpl.verdict", template=f"{name}.docx",
                errors=Phrase("tpl.n.errors.one" if total == 1 else "tpl.n.errors", n=total),
                files=", ".join(f"{file}.docx" for file in files),
                office=Phrase("tpl.office_copy", folder=folder) if folder else "",
            )  # fmt: skip
        )
    return warnings


def unused_formats(library: TemplateLibrary, names: Iterable[str]) -> list[str]:
    """One warning for each file of the office's folders saved in another format than .docx
    (.odt, .doc) in place of a file template `names` are made with (themselves, the frame, the
    blocks they include) that the office has no .docx of: never read, its edits reach no
    document, and only `templates check` said so. A listing of the office's folders, once a
    call (render and build call once per run)."""
    others = library.not_docx()
    if not others:
        return []
    used: set[str] = set()
    for name in names:
        used.add(name)
        try:
            used.update(library.included_blocks(name))
            if not library.is_form(name):  # a phôi prints with its own styles and paper
                used.add(FRAME_NAME)
        except (VanthuError, OSError):
            continue  # a template that cannot be read: preparing it says so
    return [
        Phrase("tpl.not_docx_used", path=_shown(library, path), name=name)
        for path, name in others
        if name in used and not library.is_override(name)
    ]


def _shown(library: TemplateLibrary, path: Path) -> str:
    """An office's file as a maintainer finds it: folder and name ('mau/khoi/ky-ten.odt')."""
    layer = next((layer for layer in library.layers if path.is_relative_to(layer)), None)
    return f"{layer.name}/{path.relative_to(layer).as_posix()}" if layer else str(path)
