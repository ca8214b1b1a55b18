"""The parts of a .docx package the body is read with: relationships, styles, theme, numbering."""

from __future__ import annotations

import posixpath
import zipfile
import zlib

from lxml import etree

from pipeline.part_limit import MAX_PART_BYTES
from pipeline.render.styles import StyleSheet
from pipeline.verify.ooxml import NS, W, q


class PartTooLarge(Exception):
    """A part that inflates past `limit` bytes (MAX_PART_BYTES): by its declared size, or by
    what it gives."""

    def __init__(self, part: str, limit: int) -> None:
        super().__init__(part)
        self.part = part
        self.limit = limit


class Package:
    """One opened package: its main part, that part's relationships and the shared parts."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.names = set(archive.namelist())
        self.main = self._main_part()
        self.rels = self.relationships(self.main)
        styles_part = self.related("styles")
        empty = f'<w:styles xmlns:w="{W}"/>'.encode()
        self.styles = StyleSheet(self.read(styles_part) if styles_part in self.names else empty)
        self.theme = self._theme_fonts(self.related("theme"))
        self.numbering = self._numbering(self.related("numbering"))

    def read(self, name: str) -> bytes:
        """The bytes of part `name`, inflated; KeyError when the package lacks it, PartTooLarge
        when it would inflate past MAX_PART_BYTES, zipfile.BadZipFile when it cannot be
        inflated (damaged data, an unknown method, a password)."""
        info = self.archive.getinfo(name)
        if info.file_size > MAX_PART_BYTES:
            raise PartTooLarge(name, MAX_PART_BYTES)
        try:
            with self.archive.open(info) as stream:
                # No more than the limit and one byte: the declared size may lie.
                data = stream.read(MAX_PART_BYTES + 1)
        except (zlib.error, NotImplementedError, RuntimeError) as exc:
            # zlib's error, an unsupported method, a part behind a password: the part's bytes
            # are not a Word document's, as much as a bad CRC (BadZipFile) says.
            raise zipfile.BadZipFile(name) from exc
        if len(data) > MAX_PART_BYTES:
            raise PartTooLarge(name, MAX_PART_BYTES)
        return data

    def xml(self, name: str) -> etree._Element:
        """The parsed root of part `name`; KeyError when the package lacks it."""
        return etree.fromstring(self.read(name))

    def _main_part(self) -> str:
        """Name of the main document part (word/document.xml in practice)."""
        if "[Content_Types].xml" in self.names:
            types = self.xml("[Content_Types].xml")
            for override in types:
                if str(override.get("ContentType", "")).endswith("document.main+xml"):
                    return str(override.get("PartName")).lstrip("/")
        return "word/document.xml"

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """rId → (type suffix, part name) for `part`."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels_name not in self.names:
            return {}
        root = self.xml(rels_name)
        out = {}
        for rel in root:
            target = str(rel.get("Target", ""))
            if rel.get("TargetMode") == "External":
                continue
            full = posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
            out[str(rel.get("Id"))] = (str(rel.get("Type", "")).rsplit("/", 1)[-1], full)
        return out

    def related(self, kind: str) -> str:
        """Part name of the document's first relationship of a type (styles, theme, ...)."""
        for rel_type, target in self.rels.values():
            if rel_type == kind:
                return target
        return ""

    def _theme_fonts(self, part: str) -> dict[str, str]:
        """minorHAnsi, majorAscii, ... → typeface, from the theme part."""
        if part not in self.names:
            return {}
        root = self.xml(part)
        fonts = {}
        for scheme in ("major", "minor"):
            latin = root.find(f".//a:{scheme}Font/a:latin", NS)
            if latin is not None and latin.get("typeface"):
                for suffix in ("HAnsi", "Ascii", "Bidi", "EastAsia"):
                    fonts[f"{scheme}{suffix}"] = str(latin.get("typeface"))
        return fonts

    def _numbering(self, part: str) -> dict[tuple[str, int], dict[str, object]]:
        """(numId, level) → paragraph properties the numbering level gives (its indents)."""
        if part not in self.names:
            return {}
        root = self.xml(part)
        abstract = {}
        for node in root.findall("w:abstractNum", NS):
            levels = {}
            for lvl in node.findall("w:lvl", NS):
                levels[int(lvl.get(q("w:ilvl")) or 0)] = self.styles.paragraph_props(
                    lvl.find("w:pPr", NS)
                )
            abstract[node.get(q("w:abstractNumId"))] = levels
        out = {}
        for num in root.findall("w:num", NS):
            ref = num.find("w:abstractNumId", NS)
            levels = abstract.get(ref.get(q("w:val")) if ref is not None else None, {})
            for level, props in levels.items():
                out[(str(num.get(q("w:numId"))), level)] = props
        return out
