"""What `vanthu render` writes where the build would, recorded in the build's manifest."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import VanthuError
from pipeline.i18n import t
from pipeline.load.contract import LoadedDocument
from pipeline.paths import shown
from pipeline.workspace import Workspace

if TYPE_CHECKING:
    from pipeline.batch.manifest import Entry
    from pipeline.render.compose import TemplateLibrary


class RenderRecord:
    """What `render` writes where the build would (the workspace's own output for a data file of
    its data folder), recorded in that year's manifest as the build records it: a later build
    knows the file as vanthu's, removes it as its own when its input goes, and keeps it while
    its inputs and template hash the same (a test print, whose pages differ from the build's,
    is recorded with no template hash: the build makes its own)."""

    def __init__(self, *, test_print: bool = False) -> None:
        self.test_print = test_print
        # manifest path → (output folder, year, entries by input name)
        self._manifests: dict[Path, tuple[Path, str, dict[str, Any]]] = {}
        self._by_docx: dict[Path, tuple[Path, str]] = {}
        self._documents: dict[Path, set[Path]] = {}
        self._templates: dict[tuple[int, str], str] = {}

    def add(
        self, workspace: Workspace, library: TemplateLibrary, loaded: LoadedDocument,
        printed: LoadedDocument, target: Path, data: bytes,
    ) -> None:
        """Record `data`, written to `target` for `loaded` (`printed`: with its number)."""
        from pipeline.batch.discover import Layout
        from pipeline.batch.document_entry import document_entry
        from pipeline.batch.source_hashes import source_hashes
        from pipeline.batch.template_hash import template_hash

        info = printed.info.data
        try:
            resolved = loaded.path.resolve()
            if resolved not in self._documents_of(workspace):
                return  # not an input of the workspace's build: no manifest of it says anything
            own = workspace.output_for(loaded.path, info.ngay.year)
            if target.resolve() != own.resolve():
                return  # written elsewhere (-o): the build neither makes nor removes it
            layout = Layout(workspace)
            output = layout.output_name(own)
        except (OSError, ValueError, VanthuError):  # a folder of the workspace's unreadable
            return  # (Workspace.documents): which outputs are the build's is not known
        key = (id(library), loaded.template)
        if key not in self._templates:
            try:
                self._templates[key] = template_hash(library, loaded.template)
            except VanthuError:
                return
        entry = document_entry(
            layout, printed, data, inputs=source_hashes(layout, loaded)[0], output=output,
            template_sha256="" if self.test_print else self._templates[key],
            auto=loaded.info.data.needs_number,
        )  # fmt: skip
        year = output.split("/", 1)[0]
        manifest = layout.manifest_for(year)
        entries = self._manifests.setdefault(manifest, (layout.output_dir, year, {}))[2]
        name = layout.name_of(loaded.path)
        entries[name] = entry
        self._by_docx[target] = (manifest, name)

    def add_pdf(self, docx: Path, pdf: Path) -> str | None:
        """The PDF made from a recorded .docx. What to say of it: that it could not be read back
        (another program took hold of it at once), when so; it is recorded by name then, with
        no hash (one not computed is never recorded), as vanthu's own that the next run with
        --pdf makes again."""
        from pipeline.batch.manifest import read_back

        found = self._by_docx.get(docx)
        if found is None:
            return None
        manifest, name = found
        output_dir, _, entries = self._manifests[manifest]
        try:
            relative = pdf.resolve().relative_to(output_dir.resolve()).as_posix()
        except (OSError, ValueError):
            return None
        sha256, unread = read_back(pdf)
        entries[name] = replace(entries[name], pdf=relative, pdf_sha256=sha256)
        return None if unread is None else t("render.new_pdf_unreadable", pdf=shown(pdf),
                                             reason=unread)  # fmt: skip

    def keep_pdf(self, docx: Path, written: Entry) -> None:
        """A recorded .docx whose new PDF was not made, beside the PDF an earlier run made that
        stays there (freshness.settle_old_pdf: still made from this .docx, or edited or signed
        since): that PDF stays recorded as `written` (the document's entry before this call)
        names and hashes it, as the build's Finisher keeps it. Left unrecorded, the next build
        would take an edited one for no file of vanthu's and convert over it without the
        .sua-tay copy it keeps of a PDF edited by hand (freshness.edited_since)."""
        found = self._by_docx.get(docx)
        if found is None or written.pdf is None:
            return
        manifest, name = found
        entries = self._manifests[manifest][2]
        entries[name] = entries[name].with_pdf_of(written)

    def save(self) -> None:
        """Write what was recorded into each year's manifest (best effort: the outputs are
        written; what cannot be recorded is only rebuilt by the next build)."""
        from pipeline.batch.manifest import record_entries

        for manifest, (output_dir, year, entries) in self._manifests.items():
            try:
                record_entries(manifest, year, entries, output_dir)
            except (OSError, VanthuError):
                continue
        self._manifests.clear()
        self._by_docx.clear()

    def _documents_of(self, workspace: Workspace) -> set[Path]:
        """The data files a build of the workspace finds (listed once per call)."""
        if workspace.root not in self._documents:
            found = workspace.documents() if workspace.data_dir.is_dir() else []
            self._documents[workspace.root] = {p.resolve() for p in found}
        return self._documents[workspace.root]
