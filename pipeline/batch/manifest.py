"""manifest.json: what each output was built from, so the next build knows what changed.

One manifest per year folder. It is deterministic (sorted keys, no timestamps, paths relative to
the project and output folders) and written atomically. A document is up to date when its input
files and template hash to what the manifest recorded, the vanthu version is the same and its
output still has the recorded hash.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pipeline import __version__
from pipeline.batch.old_pdf import OldPdf, old_pdf
from pipeline.errors import RenderError
from pipeline.golden_book import Given
from pipeline.paths import folder_entries, shown
from pipeline.pickled import by_arguments
from pipeline.render.output import ReadReason, commit, folder_reason, stage

_CHUNK = 1 << 20
_ENCODER = json.JSONEncoder(ensure_ascii=False, indent=2, sort_keys=True)
_SCALARS = {None: "null", True: "true", False: "false"}
_TEXT = json.encoder.encode_basestring  # a text as _ENCODER writes it (json's C function)


def indented(value: Any, level: int = 0) -> str:
    """`_ENCODER.encode(value)` as it sits `level` levels in (each line after its first
    indented by 2 × `level` spaces), byte for byte: the dicts with text keys, lists, texts,
    ints, booleans and None of a manifest entry laid out here, each text by json's C encoder
    (json lays an indented document out in Python, a fifth of the build's serial end); any
    other value by json itself.

    A container's texts (most of an entry: names and hashes) are encoded in its own loop, not
    by a call each, and a dict's keys are taken for text until one is not (TypeError: json
    lays that dict out, as it sorts and converts such keys): 16 calls an entry were 4, and
    its time about two thirds."""
    kind = type(value)
    if kind is str:
        return _TEXT(value)
    if kind is int:
        return int.__repr__(value)
    if value is None or kind is bool:
        return _SCALARS[value]
    if kind is dict:
        inner = level + 1
        try:
            items = [f"{_TEXT(key)}: {_TEXT(item) if type(item) is str else indented(item, inner)}"
                     for key, item in sorted(value.items())]  # fmt: skip
        except TypeError:  # a key that is not text (or a value json cannot encode: it says so)
            return _ENCODER.encode(value).replace("\n", "\n" + "  " * level)
        return _laid_out("{", items, "}", level)
    if kind is list or kind is tuple:
        inner = level + 1
        items = [_TEXT(item) if type(item) is str else indented(item, inner) for item in value]
        return _laid_out("[", items, "]", level)
    return _ENCODER.encode(value).replace("\n", "\n" + "  " * level)


def _laid_out(opening: str, items: list[str], closing: str, level: int) -> str:
    """A container's items one a line, as json's indent=2 writes them ('{}' or '[]' empty)."""
    if not items:
        return opening + closing
    inside = "\n" + "  " * (level + 1)
    return f"{opening}{inside}{(',' + inside).join(items)}\n{'  ' * level}{closing}"


# The OS's own words are English whatever the user's language: the common reasons a file there
# cannot be read are said in the catalogue's (a file held open by Word or a PDF reader on
# Windows is refused as one without permission is).
class UnreadableFile(RenderError):
    """A file already in the output folder that vanthu would compare, or write over, and
    cannot read (no permission; on Windows, held open by another program). What it holds is
    not known (a clerk's edit, a signed PDF): it is never written over nor removed, and the
    document that would write over it fails, naming it."""

    def __init__(self, path: Path | str, exc: OSError) -> None:
        self.path = Path(path)
        self.reason = ReadReason(exc)
        super().__init__("build.output_unreadable", file=shown(self.path), reason=self.reason)


class UnlistedFolder(UnreadableFile):
    """A folder of outputs that cannot be listed (no permission to read it): which files it
    holds, and whether any was edited by hand, is not known. It is never taken for empty: the
    document that would write there fails, naming the folder (as for an UnreadableFile), and no
    manifest is made that leaves its files out."""

    def __init__(self, folder: Path | str, exc: OSError) -> None:
        self.path = Path(folder)
        self.reason = ReadReason(exc)
        RenderError.__init__(self, "build.output_folder_unreadable", folder=shown(self.path),
                             reason=folder_reason(exc))  # fmt: skip


def output_entries(folder: Path | str) -> list[os.DirEntry[str]]:
    """The entries of a folder of outputs (paths.folder_entries: none when it is gone);
    UnlistedFolder when it is there but cannot be listed."""
    try:
        return folder_entries(folder)
    except OSError as exc:
        raise UnlistedFolder(folder, exc) from None


def file_sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def present_sha256(path: Path) -> str | None:
    """A file's sha256 as it is now; None when it is not there (a folder is not): the
    `file_hash` that edited_since and LostManifests.unvouched ask of a caller without a
    build's hash cache (vanthu render). UnreadableFile when it is there but cannot be read."""
    try:
        return file_sha256(path) if path.is_file() else None
    except OSError as exc:
        raise UnreadableFile(path, exc) from None


def read_back(path: Path) -> tuple[str | None, ReadReason | None]:
    """The sha256 of a file vanthu has just put in place, or why it cannot be read back (another
    program took hold of it, or removed it, at once): then no hash of it is recorded, and the
    next run makes it again. Build and render both ask this of each new PDF."""
    try:
        return file_sha256(path), None
    except OSError as exc:
        return None, ReadReason(exc)


def listing_sha256(names: list[str]) -> str:
    """Hex sha256 of a folder's list of documents (sorted names): a report depends on the set."""
    return hashlib.sha256("\n".join(sorted(names)).encode()).hexdigest()


@by_arguments  # pickled to and from a build's workers (pipeline.pickled)
@dataclass(frozen=True, slots=True)
class Entry:
    """What the manifest records of one document."""

    # file name → sha256, every file the output depends on; "folder/" → sha256 of its listing
    inputs: dict[str, str]
    template: str
    template_sha256: str
    output: str  # relative to OUTPUT_DIR
    output_sha256: str
    loai: str
    so: int | None
    ngay: str  # ISO date
    so_ky_hieu: str
    pdf: str | None = None
    pdf_sha256: str | None = None
    co_quan: str = ""  # the agency profile: numbers are unique per office and year
    so_tu_dong: bool = False  # the number came from the register (so: tu_dong)
    # The data file whose register number the output prints (a Giấy khen batch: its decision's)
    # and that number: the output is current only while the register still holds it.
    lender: str | None = None
    lent_number: int | None = None
    # A Giấy khen batch's numbers in the sổ vàng (so_vao_so): its first and last.
    so_vao_so: tuple[int, int] | None = None
    # Which certificate holds which of those numbers: (số, name, unit, sheet row, chức vụ) per
    # certificate, so that the next build keeps each one's number (load.certificates).
    so_vao_so_cap: tuple[Given, ...] = ()
    # The register a so: tu_dong number came from (documents.register_key: the password
    # masked), so that a later render numbering it from another register is refused.
    so_van_ban: str | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "inputs": dict(self.inputs),
            "loai": self.loai,
            "ngay": self.ngay,
            "output": {"path": self.output, "sha256": self.output_sha256},
            "so": self.so,
            "so_ky_hieu": self.so_ky_hieu,
            "template": {"name": self.template, "sha256": self.template_sha256},
        }
        if self.pdf is not None:
            data["pdf"] = {"path": self.pdf, "sha256": self.pdf_sha256}
        if self.co_quan:
            data["co_quan"] = self.co_quan
        if self.so_tu_dong:
            data["so_tu_dong"] = True
        if self.lender is not None:
            data["so_theo"] = {"van_ban": self.lender, "so": self.lent_number}
        if self.so_vao_so is not None:
            data["so_vao_so"] = list(self.so_vao_so)
        if self.so_vao_so_cap:
            data["so_vao_so_cap"] = [list(given) for given in self.so_vao_so_cap]
        if self.so_van_ban is not None:
            data["so_van_ban"] = self.so_van_ban
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        pdf = data.get("pdf") or {}
        lender = data.get("so_theo") or {}
        book = data.get("so_vao_so")
        return cls(
            inputs={str(k): str(v) for k, v in data["inputs"].items()},
            template=data["template"]["name"],
            template_sha256=data["template"]["sha256"],
            output=data["output"]["path"],
            output_sha256=data["output"]["sha256"],
            loai=data["loai"],
            so=data["so"],
            ngay=data["ngay"],
            so_ky_hieu=data["so_ky_hieu"],
            pdf=pdf.get("path"),
            co_quan=str(data.get("co_quan", "")),
            so_tu_dong=bool(data.get("so_tu_dong", False)),
            pdf_sha256=pdf.get("sha256"),
            lender=lender.get("van_ban"),
            lent_number=lender.get("so"),
            so_vao_so=(int(book[0]), int(book[1])) if book else None,
            so_vao_so_cap=tuple(given_record(given) for given in data.get("so_vao_so_cap") or ()),
            so_van_ban=str(data["so_van_ban"]) if data.get("so_van_ban") else None,
        )

    @property
    def typed_number(self) -> bool:
        """Whether its output prints a number its data file types itself (so: 2, with a ký
        hiệu), not one the register gave (so: tu_dong) nor another document's (so_theo): what
        render and build enter in the register as typed (Register.record_typed), and what
        `so khoi-phuc` enters again (switched.typed_by_year)."""
        return (self.so is not None and not self.so_tu_dong and self.lender is None
                and "/" in self.so_ky_hieu)

    def without_pdf(self) -> Entry:
        return replace(self, pdf=None, pdf_sha256=None)

    def with_pdf_of(self, other: Entry) -> Entry:
        """This entry recording the PDF `other` records (its name and hash): an earlier entry of
        the document whose PDF stays beside the new .docx as that entry recorded it."""
        return replace(self, pdf=other.pdf, pdf_sha256=other.pdf_sha256)

@dataclass
class Manifest:
    """The manifest of one year folder: the vanthu version and one entry per input."""

    year: str | None
    version: str = field(default_factory=lambda: __version__)
    entries: dict[str, Entry] = field(default_factory=dict)
    # Read from a file that could not be read (damaged, cut short, not readable): it records
    # nothing, and vouches for none of the outputs in its folder (batch.lost_manifest).
    damaged: bool = field(default=False, compare=False)
    # Why it could not even be read (no permission; on Windows, held open), when so: its text
    # is not what is wrong then (batch.lost_manifest says this instead of "damaged").
    refused: ReadReason | None = field(default=None, compare=False)

    @classmethod
    def read(cls, path: Path, year: str | None) -> Manifest:
        """The manifest at `path`; an empty one when it is missing or unreadable (`damaged`
        when it is there)."""
        try:
            data = json.loads(path.read_text("utf-8"))
            documents = {name: Entry.from_json(e) for name, e in data["documents"].items()}
            return cls(year=year, version=str(data["vanthu"]), entries=documents)
        except FileNotFoundError:
            return cls(year=year, version="")
        except OSError as exc:  # there, but not to be read: why is kept
            there = path.exists()
            return cls(year=year, version="", damaged=there,
                       refused=ReadReason(exc) if there else None)
        except (ValueError, KeyError, TypeError, AttributeError):
            # Its year is built again; what it held of the outputs there, the build no longer
            # knows (batch.lost_manifest compares them instead).
            return cls(year=year, version="", damaged=path.exists())

    def to_json(self) -> str:
        return "".join(self._pieces())

    def _pieces(self) -> Iterator[str]:
        """The manifest's JSON text in pieces, one entry at a time: a year of thousands is never
        one string, nor thousands of dicts at once.

        The text is json's with indent 2 and sorted keys, byte for byte (a test holds them
        together). Each entry is encoded alone, laid out at the two levels it sits at
        (`indented`)."""
        names = sorted(self.entries)
        if not names:
            yield '{\n  "documents": {},\n'
        for index, name in enumerate(names):
            head = '{\n  "documents": {\n    ' if index == 0 else ",\n    "
            body = indented(self.entries[name].to_json(), 2)
            yield f"{head}{_TEXT(name)}: {body}"
        if names:
            yield "\n  },\n"
        yield f'  "vanthu": {_ENCODER.encode(self.version)},\n'
        yield f'  "year": {_ENCODER.encode(self.year)}\n}}\n'

    def write(self, path: Path) -> bool:
        """Write atomically (readers see the old manifest or the new one), streamed; a file
        that already says the same is left untouched. Returns whether it was written."""
        staged = stage(path, (piece.encode("utf-8") for piece in self._pieces()))
        if path.is_file() and _same_bytes(staged, path):
            staged.unlink()
            return False
        commit(staged, path)
        return True


def _same_bytes(staged: Path, path: Path) -> bool:
    """Whether the manifest at `path` already holds the bytes `staged`; not when it cannot be
    read (Manifest.read found it damaged: the build compared every output instead, and this
    manifest, vanthu's own, is written anew)."""
    try:
        return filecmp.cmp(staged, path, shallow=False)
    except OSError:
        return False


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` (POSIX flock) while one process reads, changes and
    writes a manifest in it: two `vanthu render` at once each keep the other's entries.
    Where there is no flock (Windows) the write is still atomic; a lost entry only costs a
    rebuild."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def record_entries(
    path: Path, year: str | None, entries: Mapping[str, Entry], output_dir: Path
) -> None:
    """Set the entries of the manifest at `path` for the inputs `entries` names (what `vanthu
    render` wrote into the workspace's own output folder, `output_dir`), keeping every other
    entry and the manifest's vanthu version; locked and written atomically. A manifest that
    exists but cannot be read is left alone (the next build rebuilds its year anyway), and so
    is one missing while its folder holds outputs these entries do not name: made with these
    alone, it would tell the next build that no other file there is vanthu's, which then
    writes over them, edits and all, without the copy it keeps of each file that differs
    when it finds the manifest missing (batch.lost_manifest). UnlistedFolder, nothing written,
    when whether it holds others cannot be told (a folder there that cannot be listed)."""
    if not entries:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with _folder_lock(path.parent):
        exists = path.exists()
        if not exists and holds_others(path.parent, entries.values(), output_dir):
            return
        manifest = Manifest.read(path, year)
        if manifest.version == "" and exists:
            return
        if not exists:  # the first record of its year: made by this vanthu, as a build's is
            manifest.version = __version__
        for name, entry in entries.items():
            previous = manifest.entries.get(name)
            manifest.entries[name] = with_previous_pdf(entry, previous, output_dir)
        manifest.entries = dict(sorted(manifest.entries.items()))
        manifest.write(path)


def holds_others(folder: Path, entries: Iterable[Entry], output_dir: Path) -> bool:
    """Whether `folder` (below `output_dir`, a year's) holds a file, at any depth, that none
    of `entries` names as its output or PDF (hidden ones aside: vanthu's own, as a staged file
    or the hash cache). UnlistedFolder when a folder there cannot be listed: what it holds is
    not known, and a manifest made without it would vouch for none of its files."""
    named: set[Path] = set()
    for entry in entries:
        named.add(output_dir / entry.output)
        if entry.pdf is not None:
            named.add(output_dir / entry.pdf)
    folders = [folder]
    while folders:
        for found in output_entries(folders.pop()):
            if found.name.startswith("."):
                continue
            if found.is_dir():  # as os.walk: a link to a folder is neither walked nor a file
                if not found.is_symlink():
                    folders.append(Path(found.path))
            elif Path(found.path) not in named:
                return True
    return False


def with_previous_pdf(entry: Entry, previous: Entry | None, output_dir: Path) -> Entry:
    """A .docx written again without its PDF (render without --pdf, or whose PDF failed), as
    the build treats it (builder.Finisher, by freshness.old_pdf's rule): the PDF an earlier
    run recorded beside it stays recorded as it was made, when the .docx came out the same or
    it was edited or signed since (the next run with --pdf then keeps it as edited by hand, or
    copies it aside before writing over it); vanthu's own, showing the old content, is
    removed. One gone, or that no entry records beside it, is left unrecorded. Render settled
    it already (api.PdfsLeft): this keeps the manifest to the same rule when it was not."""
    if entry.pdf is not None or previous is None or previous.pdf is None:
        return entry
    pdf = (output_dir / entry.output).with_suffix(".pdf")
    try:
        fate = old_pdf(output_dir, previous, pdf, entry.output_sha256, present_sha256)
    except UnreadableFile:  # not known to be vanthu's, left as it is
        return entry
    if fate is not None and fate.still_recorded:
        return entry.with_pdf_of(previous)
    if fate is OldPdf.STALE:
        with suppress(OSError):  # left where it is, no longer recorded: never removed by a build
            pdf.unlink()
    return entry


def given_record(given: list[Any]) -> Given:
    """One certificate's record: number, name, unit, row and chức vụ (a manifest written
    before chức vụ was kept has four items: None, nothing to compare)."""
    number, name, unit, row, *position = given
    # null: an older record written back as it was read (no chức vụ kept), never "None"
    kept = str(position[0]) if position and position[0] is not None else None
    return Given(int(number), str(name), str(unit), int(row), kept)
