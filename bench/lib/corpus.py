"""The document types the engine benchmark knows, and their synthetic documents, loaded."""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bench.lib.project import ROOT
from bench.lib.synthetic import (
    Example,
    Synthetic,
    SyntheticData,
    SyntheticDataError,
    decision_data,
    plan_data,
)
from pipeline.api import Renderer, load_document
from pipeline.context.common import DocumentInfo
from pipeline.kinds import KINDS, DocumentKind
from pipeline.load.contract import LoadedDocument
from pipeline.load.locations import AGENCY_DIR
from pipeline.rules.doc_types import document_type
from pipeline.workspace import Workspace

DECISION = "quyet-dinh"  # the type the last line reports (issue 6)
FALLBACK = "ke-hoach"


@dataclass(frozen=True)
class BenchType:
    """A main document type as the benchmark knows it."""

    name: str  # template and command-line name
    code: str  # `loai` in data, key of pipeline.kinds.KINDS
    example: str  # example input, relative to the project (agency profile, data to vary)
    make_data: SyntheticData | None


# A type joins the benchmark when its kind exists and it has a synthetic-data function here.
BENCH_TYPES: tuple[BenchType, ...] = (
    BenchType(DECISION, "quyet_dinh", "inputs/2022/qd-lao-dong-tien-tien.yaml", decision_data),
    BenchType("ke-hoach", "ke_hoach", "inputs/2022/ke-hoach-tdkt.yaml", plan_data),
    # The certificate: its code, example input and function are to be set when its kind lands.
    BenchType("giay-khen", "giay_khen", "inputs/2022/giay-khen.yaml", None),
)


class Corpus:
    """The synthetic documents of one type: document i has the same context on every call."""

    def __init__(self, bench_type: BenchType, renderer: Renderer, seed: int) -> None:
        kind = KINDS.get(bench_type.code)
        if kind is None:
            raise SyntheticDataError(f"{bench_type.code} is not in pipeline.kinds.KINDS yet")
        if bench_type.make_data is None:
            raise SyntheticDataError("no synthetic-data function for it in bench/lib/synthetic.py")
        example_path = ROOT / bench_type.example
        if not example_path.is_file():
            raise SyntheticDataError(f"example input {bench_type.example} is missing")
        loaded = load_document(example_path)
        self.kind: DocumentKind = kind
        self.make_data: SyntheticData = bench_type.make_data
        self.name = bench_type.name
        self.template = kind.template
        self.example = Example(loaded.info.agency, loaded.info.data.model_dump())
        self.profile = Workspace.containing(example_path).agency_file(
            str(self.example.data["co_quan"])
        )
        self.renderer = renderer
        self.seed = seed

    def document(self, index: int) -> LoadedDocument:
        """Synthetic document `index`, loaded."""
        synthetic = self.make_data(random.Random(f"{self.seed}/{self.name}/{index}"), self.example)
        if synthetic.files:
            return self._load_from_files(synthetic)
        data = self.kind.model.model_validate(synthetic.data)
        info = DocumentInfo(
            data=data,
            agency=self.example.agency,
            doc_type=document_type(self.kind.code),
            attachments=self.kind.attachments(),
        )
        return LoadedDocument(path=Path(f"synthetic-{index}.yaml"), kind=self.kind, info=info)

    def _load_from_files(self, synthetic: Synthetic) -> LoadedDocument:
        """Write the document and its lists as a clerk's folder and load it the usual way."""
        with tempfile.TemporaryDirectory(prefix="vanthu-synthetic-") as tmp:
            folder = Path(tmp)
            if self.profile is not None:
                (folder / AGENCY_DIR).mkdir()
                shutil.copy(self.profile, folder / AGENCY_DIR / self.profile.name)
            for name, text in synthetic.files.items():
                (folder / name).write_text(text, encoding="utf-8")
            path = folder / "van-ban.yaml"
            # JSON is valid YAML and quick to write.
            text = json.dumps(synthetic.data, ensure_ascii=False, default=_yaml_scalar)
            path.write_text(text, encoding="utf-8")
            return load_document(path)

    def context(self, index: int) -> dict[str, object]:
        """The context of synthetic document `index`."""
        return self.renderer.context(self.document(index))


def _yaml_scalar(value: Any) -> str:
    """A value JSON has no type for, as text in the data file (dates as clerks write them)."""
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    raise TypeError(f"cannot write {type(value).__name__} to YAML")


def open_corpora(names: Sequence[str], renderer: Renderer, seed: int) -> list[Corpus]:
    """The corpora of the requested types that can run; a note for each that cannot."""
    known = {t.name: t for t in BENCH_TYPES}
    corpora = []
    for name in names:
        bench_type = known.get(name)
        if bench_type is None:
            print(f"note: unknown type {name!r} (known: {', '.join(known)}); skipped")
            continue
        try:
            corpus = Corpus(bench_type, renderer, seed)
            corpus.context(0)
        except SyntheticDataError as exc:
            print(f"note: {name} skipped: {exc}")
            continue
        except Exception as exc:  # a kind under construction must not stop the other types
            print(f"note: {name} skipped: synthetic data failed: {type(exc).__name__}: {exc}")
            continue
        corpora.append(corpus)
    return corpora
