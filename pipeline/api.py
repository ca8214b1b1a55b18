"""The library API behind the CLI: load, check and render documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import RenderError, VanthuError
from pipeline.load.documents import LoadedDocument, load_document
from pipeline.render.engine import Engine
from pipeline.render.output import write_atomic
from pipeline.render.styles import StyleSheet

INPUTS_DIR = "inputs"
OUTPUTS_DIR = "outputs"


def default_templates_dir() -> Path:
    """./templates when run from a project folder, else the templates of this checkout."""
    here = Path.cwd() / "templates"
    if (here / "khung.docx").is_file():
        return here
    return Path(__file__).resolve().parent.parent / "templates"


def default_output(input_path: Path, outputs: Path = Path(OUTPUTS_DIR)) -> Path:
    """outputs/<path under inputs/>.docx, mirroring the input tree."""
    parts = input_path.resolve().parts
    if INPUTS_DIR in parts:
        index = len(parts) - 1 - parts[::-1].index(INPUTS_DIR)
        relative = Path(*parts[index + 1 :])
    else:
        relative = Path(input_path.name)
    return outputs / relative.with_suffix(".docx")


class Renderer:
    """Renders loaded documents; templates are prepared once and reused."""

    def __init__(self, templates_dir: Path | None = None) -> None:
        self.engine = Engine(templates_dir or default_templates_dir())
        self._styles: StyleSheet | None = None

    @property
    def styles(self) -> StyleSheet:
        if self._styles is None:
            self._styles = StyleSheet(self.engine.library.frame.parts["word/styles.xml"])
        return self._styles

    def context(self, document: LoadedDocument) -> dict[str, object]:
        return document.kind.build_context(document.info, self.styles)

    def render(self, document: LoadedDocument) -> bytes:
        """The .docx bytes of one loaded document."""
        return self.engine.render(document.kind.template, self.context(document))

    def render_file(self, input_path: Path, output: Path | None = None) -> Path:
        """Load `input_path`, render it and write the .docx atomically; returns the output path."""
        document = load_document(input_path)
        target = output or default_output(input_path)
        if target.resolve() == input_path.resolve():
            raise RenderError("render.output_is_input")
        write_atomic(target, self.render(document))
        return target


@dataclass
class CheckReport:
    """What `check` found: the documents that are valid and the errors of the others."""

    valid: list[LoadedDocument] = field(default_factory=list)
    errors: list[tuple[Path, VanthuError]] = field(default_factory=list)


def check(paths: list[Path]) -> CheckReport:
    """Validate every input, collecting one error per invalid file; writes nothing."""
    report = CheckReport()
    for path in paths:
        try:
            report.valid.append(load_document(path))
        except VanthuError as exc:
            report.errors.append((path, exc))
    return report
