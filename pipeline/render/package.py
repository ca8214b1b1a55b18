"""Read a .docx package once: its parts in order, each also kept compressed for raw copying."""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import TemplateError
from pipeline.ooxml_names import CONTENT_TYPES, PACKAGE_RELS, PACKAGE_RELS_CLARK, R
from pipeline.patterns import lazy
from pipeline.render.libreoffice import restored_header_widths
from pipeline.render.zipwriter import Member, replace_members

DOCUMENT_PART = "word/document.xml"


@dataclass
class Package:
    """The parts of a .docx: name → bytes, in archive order, plus their compressed members."""

    source: str
    parts: dict[str, bytes] = field(default_factory=dict)

    @classmethod
    def read(cls, path: Path | str, data: bytes | None = None) -> Package:
        """Load every part of the package at `path` (or in `data`)."""
        raw = data if data is not None else template_bytes(path)
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                parts = {info.filename: archive.read(info) for info in archive.infolist()}
        except (zipfile.BadZipFile, OSError) as exc:
            raise TemplateError(
                "render.template_not_docx", template=str(path), reason=str(exc)
            ) from None
        if DOCUMENT_PART not in parts:
            raise TemplateError(
                "render.template_not_docx", template=str(path), reason=DOCUMENT_PART
            )
        return cls._restored(path, parts)

    @classmethod
    def _restored(cls, path: Path | str, parts: dict[str, bytes]) -> Package:
        """The package of these parts, its header's width tags put back: a template saved by
        LibreOffice lost them, and every reader of the template (composing, rendering,
        templates check) sees them put back."""
        parts[DOCUMENT_PART] = restored_header_widths(parts[DOCUMENT_PART])
        return cls(str(path), parts)

    @classmethod
    def read_body(cls, path: Path | str) -> Package:
        """The parts of the package at `path` that a template's body is composed with (split,
        its pictures and links carried: carry): its document part, that part's relationships,
        the content types and the pictures those relationships point at. Read whole (read) the
        first time a package of these bytes is met, which refuses one with a part it cannot
        read; after that (template_cache.read_whole), without its other parts: inflating them
        (a template's styles alone are 366 kB, in each block) was most of reading a build's
        blocks and type (measured: 5 ms from 10, 35 M instructions of a build's 2,308 M)."""
        from pipeline.render import template_cache  # imported here: only composing comes here

        raw = template_bytes(path)
        if not template_cache.read_whole(raw):
            package = cls.read(path, raw)
            template_cache.note_read_whole(raw)
            return package
        # Read whole before: every part is there and reads (the same bytes read alike).
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
            parts = {name: archive.read(name) for name in _BODY_PARTS if name in names}
            package = cls._restored(path, parts)
            if " r:" in package.text(DOCUMENT_PART):  # else carry reads no other part
                for rel in relationships(package).values():  # the pictures carry may copy
                    if rel.type != IMAGE_TYPE or rel.external:
                        continue
                    part = part_of(rel.target)
                    if part in names and part not in parts:
                        parts[part] = archive.read(part)
        return package

    def text(self, name: str) -> str:
        return self.parts[name].decode("utf-8")

    def members(self, level: int = 6) -> list[Member]:
        """Every part compressed once, ready to be copied into outputs; a large one (a
        template's styles) once for all runs (template_cache.deflated)."""
        from pipeline.render.template_cache import deflated  # imported here: as read_body

        return [
            deflated(name, data, level) if len(data) >= _KEPT_DEFLATED
            else Member.deflate(name, data, level)
            for name, data in self.parts.items()
        ]  # fmt: skip


def template_bytes(path: Path | str) -> bytes:
    """The bytes of the .docx at `path`, or the TemplateError Package.read says it with."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise TemplateError("render.template_missing", template=str(path)) from None
    except OSError as exc:
        raise TemplateError(
            "render.template_not_docx", template=str(path), reason=str(exc)
        ) from None


# A part this large is compressed once for all runs (Package.members): a template's styles. The
# others take less time to compress than to look up.
_KEPT_DEFLATED = 1 << 16

RELATIONSHIPS_PART = "word/_rels/document.xml.rels"
CONTENT_TYPES_PART = "[Content_Types].xml"
_BODY_PARTS = (DOCUMENT_PART, RELATIONSHIPS_PART, CONTENT_TYPES_PART)  # Package.read_body's
SETTINGS_PART = "word/settings.xml"
IMAGE_TYPE = f"{R}/image"
# Attributes of body content that name a relationship of document.xml (r:embed of a picture,
# r:id of a hyperlink or an embedded object, r:link of a linked picture, SmartArt's r:dm…).
relationship_reference = lazy(r'(\sr:(?:embed|id|link|pict|dm|lo|qs|cs)=")([^"]*)(")')
_ANY_SECTPR = re.compile(r"<w:sectPr(?: [^>]*)?>.*?</w:sectPr>", re.DOTALL)
_track_revisions = lazy(
    r"<w:trackRevisions\b[^>]*/>|<w:trackRevisions\b[^>]*>.*?</w:trackRevisions>", re.DOTALL
)


@dataclass(frozen=True)
class Relationship:
    """One relationship of word/document.xml: id, type, target (relative to word/), external."""

    id: str
    type: str
    target: str
    external: bool = False

    def element(self) -> str:
        mode = ' TargetMode="External"' if self.external else ""
        return (
            f"<Relationship Id={quoteattr(self.id)} Type={quoteattr(self.type)} "
            f"Target={quoteattr(self.target)}{mode}/>"
        )


# What an attribute value in double quotes escapes: as html.escape(quote=True) but for "'",
# written out (html brings html.entities, ~7 M instructions of every build's imports).
_ATTRIBUTE_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def quoteattr(value: str) -> str:
    """An XML attribute value in double quotes (what xml.sax.saxutils.quoteattr writes here,
    without importing it: it brings urllib.request, which a no-change build never needs)."""
    return '"' + value.translate(_ATTRIBUTE_ESCAPES) + '"'


def relationships(package: Package) -> dict[str, Relationship]:
    """The relationships of the package's main document part, by id."""
    from lxml import etree  # only templates carrying pictures or links come here

    data = package.parts.get(RELATIONSHIPS_PART)
    if not data:
        return {}
    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return {}
    out = {}
    for rel in root.iter(f"{PACKAGE_RELS_CLARK}Relationship"):
        rel_id = rel.get("Id") or ""
        out[rel_id] = Relationship(
            rel_id, rel.get("Type") or "", rel.get("Target") or "",
            (rel.get("TargetMode") or "") == "External",
        )  # fmt: skip
    return out


def part_of(target: str) -> str:
    """The part name a target of word/document.xml's relationships points at."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("word", target))


def content_type(package: Package, part: str) -> str:
    """The content type [Content_Types].xml gives `part` (an override, else its extension's)."""
    from lxml import etree  # only templates carrying pictures or links come here

    extension = posixpath.splitext(part)[1].lstrip(".").lower()
    data = package.parts.get(CONTENT_TYPES_PART, b"")
    try:
        root = etree.fromstring(data) if data else None
    except etree.XMLSyntaxError:
        root = None
    if root is not None:
        for override in root.iter(f"{{{CONTENT_TYPES}}}Override"):
            if (override.get("PartName") or "").lstrip("/") == part:
                return override.get("ContentType") or ""
        for default in root.iter(f"{{{CONTENT_TYPES}}}Default"):
            if (default.get("Extension") or "").lower() == extension:
                return default.get("ContentType") or ""
    return f"image/{'jpeg' if extension == 'jpg' else extension}"


def carriable(package: Package, rel: Relationship | None) -> bool:
    """Whether body content referring to `rel` can be carried into an output: a link to an
    outside address (hyperlink, linked picture) or a picture whose data the package holds.
    Anything else (an embedded object, a chart, SmartArt) has parts of its own with their own
    relationships, which are not copied."""
    if rel is None:
        return False
    if rel.external:
        return True
    return rel.type == IMAGE_TYPE and part_of(rel.target) in package.parts


@dataclass(frozen=True)  # compared: a body's carried media read twice alike (test_package_body)
class Carried:
    """What a template body's pictures and links need in an output: relationships (renamed so
    that they cannot collide with the frame's) and the parts they point at."""

    relationships: tuple[Relationship, ...] = ()
    parts: tuple[tuple[str, bytes, str], ...] = ()  # part name, data, content type

    def __add__(self, other: Carried) -> Carried:
        return Carried(self.relationships + other.relationships, self.parts + other.parts)


def carry(package: Package, body: str, prefix: str) -> tuple[str, Carried]:
    """`body` (content of the package's w:body) with the relationships it refers to renamed
    `vt-{prefix}-{id}`, and what an output needs for them. Names are fixed by the template file
    and the ids it holds: the same template gives the same output bytes. References that cannot
    be carried are left as they are (structure.package_faults refuses them)."""
    if " r:" not in body:
        return body, Carried()
    rels = relationships(package)
    renamed: dict[str, Relationship] = {}
    parts: list[tuple[str, bytes, str]] = []

    def rename(match: re.Match[str]) -> str:
        old = match[2]
        rel = rels.get(old)
        if not carriable(package, rel):
            return match[0]
        assert rel is not None
        new = renamed.get(old)
        if new is None:
            new_id = f"vt-{prefix}-{old}"
            target = rel.target
            if not rel.external:
                source = part_of(rel.target)
                name = f"vt-{prefix}-{posixpath.basename(source)}"
                target = f"media/{name}"
                kind = content_type(package, source)
                parts.append((f"word/{target}", package.parts[source], kind))
            new = renamed[old] = Relationship(new_id, rel.type, target, rel.external)
        return match[1] + new.id + match[3]

    out: list[str] = []
    done = 0
    for sect in _ANY_SECTPR.finditer(body):  # a section's header references are not carried
        out += (relationship_reference().sub(rename, body[done : sect.start()]), sect[0])
        done = sect.end()
    out.append(relationship_reference().sub(rename, body[done:]))
    return "".join(out), Carried(tuple(renamed.values()), tuple(parts))


def with_carried(members: list[Member], package: Package, carried: Carried) -> list[Member]:
    """`members` (of `package`) with the carried relationships and parts added, and without
    track changes switched on (the frame's setting would make every output record edits)."""
    replacements: dict[str, bytes] = {}
    settings = package.parts.get(SETTINGS_PART)
    if settings is not None and b"trackRevisions" in settings:
        text = settings.decode("utf-8")
        replacements[SETTINGS_PART] = _track_revisions().sub("", text).encode("utf-8")
    added: list[Member] = []
    if carried.relationships:
        rels = package.parts.get(RELATIONSHIPS_PART)
        text = (rels or _EMPTY_RELATIONSHIPS).decode("utf-8")
        elements = "".join(rel.element() for rel in carried.relationships)
        text = text.replace("</Relationships>", elements + "</Relationships>")
        if rels is None:
            added.append(Member.deflate(RELATIONSHIPS_PART, text.encode("utf-8")))
        else:
            replacements[RELATIONSHIPS_PART] = text.encode("utf-8")
        overrides = "".join(
            f"<Override PartName={quoteattr('/' + name)} ContentType={quoteattr(kind)}/>"
            for name, _, kind in carried.parts
        )
        types = package.parts[CONTENT_TYPES_PART].decode("utf-8")
        replacements[CONTENT_TYPES_PART] = types.replace("</Types>", overrides + "</Types>").encode(
            "utf-8"
        )
        added += [Member.deflate(name, data) for name, data, _ in carried.parts]
    if not replacements and not added:
        return members
    return replace_members(members, replacements) + added


_EMPTY_RELATIONSHIPS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<Relationships xmlns="{PACKAGE_RELS}"></Relationships>'
).encode()
