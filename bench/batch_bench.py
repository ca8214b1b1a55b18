"""Batch rendering benchmark (issue 6): naive docxtpl loop, vanthu's engine, the write floor.

Run from the project folder:  python bench/batch_bench.py --docs 1000  (see bench/README.md).
Every approach renders the same synthetic documents from the same composed templates; timings
are taken in interleaved rounds so that machine noise spreads evenly over the approaches, and
peak RSS is measured per approach in a fresh process. It is a benchmark, not a test: nothing
here asserts a timing.
"""

from __future__ import annotations

import argparse
import copy
import csv
import importlib.metadata
import json
import multiprocessing
import os
import random
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO, StringIO
from pathlib import Path
from typing import Any
from xmlrpc.client import ServerProxy

from docxtpl import DocxTemplate

# Measure the pipeline of this checkout, whichever checkout the installed package points to.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline.api import Renderer, load_document
from pipeline.context.common import DocumentInfo
from pipeline.kinds import KINDS, DocumentKind
from pipeline.load.contract import LoadedDocument
from pipeline.load.locations import AGENCY_DIR
from pipeline.model.agency import Agency
from pipeline.render.engine import Engine
from pipeline.rules.doc_types import document_type
from pipeline.workspace import Workspace

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"
DECISION = "quyet-dinh"  # the type the last line reports (issue 6)
FALLBACK = "ke-hoach"
DECISION_ROWS = 30  # rows of the decision's list (danh sách), as in the measurement
FLOOR_POOL = 64  # distinct built documents the floor writes in turn
RSS_CHECK_SIZES = (100, 5000)
PDF_DOCS = 20
PROBE_SECONDS = 0.2  # CPU seconds of the per-round probe of how parallel the machine is

NAIVE, ENGINE_1, ENGINE_2, FLOOR = "naive", "engine-1", "engine-2", "floor"
APPROACHES = (NAIVE, ENGINE_1, ENGINE_2, FLOOR)
LABELS = {
    NAIVE: "docxtpl naive loop",
    ENGINE_1: "engine, 1 worker",
    ENGINE_2: "engine, 2 workers",
    FLOOR: "floor: write bytes",
}

# ---------------------------------------------------------------------------------------------
# Synthetic data: one function per document type, deterministic from its random generator.
# ---------------------------------------------------------------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Lò", "Cầm", "Quàng"]
MIDDLE = ["Văn", "Thị", "Huy", "Minh", "Thanh", "Đức", "Ngọc", "Thu", "Hồng", "Xuân"]
GIVEN = ["Anh", "Mạnh", "Hương", "Lan", "Tuấn", "Hải", "Dũng", "Hoa", "Thắng", "Yến", "Long"]
TOPICS = [
    "công tác thi đua, khen thưởng",
    "cải cách hành chính",
    "chuyển đổi số",
    "phòng, chống thiên tai",
    "bảo đảm trật tự an toàn giao thông",
    "phòng, chống tham nhũng, tiêu cực",
    "xây dựng nông thôn mới",
    "thực hành tiết kiệm, chống lãng phí",
]
VERBS = [
    "Triển khai",
    "Tăng cường",
    "Nâng cao chất lượng",
    "Đẩy mạnh",
    "Tổ chức thực hiện",
    "Kiểm tra, giám sát",
    "Rà soát, đánh giá",
]
OBJECTS = [
    "các phong trào thi đua",
    "công tác tuyên truyền, phổ biến văn bản",
    "việc ứng dụng công nghệ thông tin",
    "công tác phối hợp giữa các phòng, ban, đơn vị",
    "việc sơ kết, tổng kết",
    "chế độ báo cáo định kỳ",
    "việc giải quyết thủ tục hành chính",
]
PURPOSES = [
    "đảm bảo thiết thực, hiệu quả",
    "góp phần hoàn thành thắng lợi nhiệm vụ chính trị được giao",
    "phù hợp với đặc điểm tình hình của cơ quan",
    "kịp thời biểu dương các tập thể, cá nhân có thành tích tiêu biểu",
    "giữ tỷ lệ hồ sơ trễ hạn < 5% & không để tồn đọng",
]
SECTION_TITLES = [
    "Mục đích, yêu cầu",
    "Nội dung thực hiện",
    "Tổ chức thực hiện",
    "Kinh phí thực hiện",
    "Chế độ thông tin, báo cáo",
]
RECIPIENTS = [
    "Sở Nội vụ",
    "Ban Thi đua - Khen thưởng tỉnh",
    "UBND tỉnh (b/c)",
    "Lãnh đạo Văn phòng",
    "Lưu trữ cơ quan",
]
TIMES = ["Cả năm {y}", "Quý I/{y}", "Quý II/{y}", "Tháng 6/{y}", "Tháng 12/{y}"]


@dataclass(frozen=True)
class Example:
    """What synthetic data may draw on: the example's agency profile and its data as a dict."""

    agency: Agency
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Synthetic:
    """One synthetic document: its data as a clerk would write it, and list files beside it."""

    data: dict[str, Any]
    files: Mapping[str, str] = field(default_factory=dict)  # file name → text (a .csv list)


SyntheticData = Callable[[random.Random, Example], Synthetic]


class SyntheticDataError(Exception):
    """The example of a document type does not have the shape its synthetic data needs."""


def person_name(rng: random.Random) -> str:
    """A plausible Vietnamese full name."""
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def some_date(rng: random.Random, year: int | None = None) -> date:
    """A date in `year` (or in 2020–2025)."""
    year = year or rng.randint(2020, 2025)
    return date(year, rng.randint(1, 12), rng.randint(1, 28))


def sentence(rng: random.Random, year: int) -> str:
    """One sentence of running text, sometimes naming a person, a document or bold words."""
    text = f"{rng.choice(VERBS)} {rng.choice(OBJECTS)} về {rng.choice(TOPICS)}"
    extra = rng.randrange(5)
    if extra == 0:
        text += f", giao đồng chí {person_name(rng)} theo dõi"
    elif extra == 1:
        when = some_date(rng, year - 1)
        text += f" theo Kế hoạch số {rng.randint(1, 400)}/KH-UBND ngày {when:%d/%m/%Y}"
    elif extra == 2:
        text += f", **hoàn thành trước ngày {some_date(rng, year):%d/%m/%Y}**"
    return f"{text}; {rng.choice(PURPOSES)}."


def paragraph(rng: random.Random, year: int) -> str:
    """A paragraph of two to four sentences."""
    return " ".join(sentence(rng, year) for _ in range(rng.randint(2, 4)))


def block(rng: random.Random, year: int) -> str | dict[str, list[str]]:
    """A block of running text: mostly paragraphs, sometimes dash lines or điểm a), b)."""
    shape = rng.randrange(8)
    lines = [sentence(rng, year).rstrip(".") for _ in range(rng.randint(2, 4))]
    if shape == 0:
        return {"gach": lines}
    if shape == 1:
        return {"diem": lines}
    return paragraph(rng, year)


def plan_data(rng: random.Random, example: Example) -> Synthetic:
    """Kế hoạch: three or four Mục of khoản and paragraphs, half of them with a task appendix."""
    agency = example.agency
    when = some_date(rng)
    year = when.year
    units = sorted(agency.don_vi)
    sections = []
    for title in rng.sample(SECTION_TITLES, rng.randint(3, 4)):
        items: list[dict[str, Any]] = []
        for _ in range(rng.randint(2, 4)):
            if rng.random() < 0.6:
                doan = [block(rng, year) for _ in range(rng.randint(1, 3))]
                items.append(
                    {"tieu_de": f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}", "doan": doan}
                )
            else:
                items.append({"noi_dung": paragraph(rng, year)})
        sections.append({"tieu_de": title, "khoan": items})
    appendices = []
    if rng.random() < 0.5:
        rows = [
            {
                "noi_dung": sentence(rng, year).rstrip("."),
                "chu_tri": rng.choice(units),
                "phoi_hop": rng.choice([*units, "Các phòng, ban, đơn vị"]),
                "thoi_gian": rng.choice(TIMES).format(y=year),
            }
            for _ in range(rng.randint(5, 12))
        ]
        appendices.append({"tieu_de": f"Nhiệm vụ trọng tâm năm {year}", "nhiem_vu": rows})
    recipients: list[Any] = rng.sample(RECIPIENTS, rng.randint(1, 3))
    if agency.nhom_noi_nhan:
        recipients.append({"nhom": rng.choice(sorted(agency.nhom_noi_nhan))})
    plan = {
        "loai": "ke_hoach",
        "co_quan": example.data["co_quan"],
        "so": rng.randint(1, 999),
        "ngay": when,
        "trich_yeu": f"Triển khai, thực hiện {rng.choice(TOPICS)} năm {year}",
        "mo_dau": [paragraph(rng, year) for _ in range(rng.randint(1, 2))],
        "muc": sections,
        "ket_thuc": paragraph(rng, year),
        "noi_nhan": recipients,
        "don_vi_soan_thao": rng.choice(units),
        "nguoi_soan_thao": rng.choice("ABCDEGHKLMNPQSTV"),
        "so_ban": rng.randint(1, 5),
        "nguoi_ky": rng.choice(sorted(agency.nguoi_ky)),
        "phu_luc": appendices,
    }
    return Synthetic(plan)


POSITIONS = ["Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng", "Nhân viên"]
# (danh hiệu, loại, rows): the mix of a year-end decision, 30 rows in all.
DECISION_MIX = (
    ("Lao động tiên tiến", "Cá nhân", 24),
    ("Chiến sĩ thi đua cơ sở", "Cá nhân", 3),
    ("Tập thể lao động tiên tiến", "Tập thể", 3),
)
LIST_HEADER = ("Họ và tên", "Chức vụ", "Đơn vị", "Danh hiệu", "Loại", "Ghi chú")


def decision_data(rng: random.Random, example: Example) -> Synthetic:
    """Quyết định khen thưởng: the example decision, another number and date, a 30-row list."""
    data = copy.deepcopy(dict(example.data))
    award = data.get("khen_thuong")
    if not isinstance(award, dict):
        raise SyntheticDataError("the example decision has no khen_thuong list")
    original = data["ngay"]
    # Same year as the example: the reward regime and base salary stay those it was written for.
    data["ngay"] = some_date(rng, original.year if isinstance(original, date) else None)
    data["so"] = rng.randint(1, 999)
    award.update(danh_sach="danh-sach.csv", trang_tinh=None, cot={})
    units = [unit.ten for unit in example.agency.don_vi.values()]
    every_name = [f"{f} {m} {g}" for f in FAMILY for m in MIDDLE for g in GIVEN]
    names = iter(rng.sample(every_name, DECISION_ROWS))
    collectives = iter(rng.sample(units, min(len(units), DECISION_ROWS)))
    table = StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(LIST_HEADER)
    for title, who, count in DECISION_MIX:
        for _ in range(count):
            if who == "Tập thể":
                name, position = next(collectives), ""
            else:
                name, position = next(names), rng.choice(POSITIONS)
            note = rng.choice(["", "", "Hoàn thành xuất sắc nhiệm vụ"])
            writer.writerow((name, position, rng.choice(units), title, who, note))
    return Synthetic(data, {"danh-sach.csv": table.getvalue()})


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
            raise SyntheticDataError("no synthetic-data function for it in bench/batch_bench.py")
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


# ---------------------------------------------------------------------------------------------
# The approaches.
# ---------------------------------------------------------------------------------------------


@dataclass
class WorkerState:
    """What a pool worker keeps between jobs: its engine, corpora and prebuilt contexts."""

    engine: Engine
    corpora: dict[str, Corpus]
    contexts: dict[str, list[dict[str, object]]]
    ready: Any  # a Barrier(2): both workers initialised


_WORKER: dict[str, WorkerState] = {}


def _init_worker(names: tuple[str, ...], seed: int, prebuild: int, ready: Any) -> None:
    """Pool initializer: one engine per worker, templates prepared once, contexts made ahead.

    With `prebuild` > 0 the worker builds the contexts of documents 0..prebuild-1 before the
    clock starts, as the parent does for the 1-worker loop, so both time the same work.
    """
    renderer = Renderer(TEMPLATES)
    corpora = {c.name: c for c in open_corpora(names, renderer, seed)}
    for corpus in corpora.values():
        renderer.engine.prepare(corpus.template)
    contexts = {name: [c.context(i) for i in range(prebuild)] for name, c in corpora.items()}
    _WORKER["state"] = WorkerState(renderer.engine, corpora, contexts, ready)


def _wait_ready(_: int) -> None:
    """Return once both workers have finished their initializer."""
    _WORKER["state"].ready.wait()


def _render_in_worker(job: tuple[str, int, str | None]) -> None:
    """Render document `index` of a type in a worker (and write it when given a path)."""
    name, index, path = job
    state = _WORKER["state"]
    corpus = state.corpora[name]
    prebuilt = state.contexts.get(name)
    context = prebuilt[index] if prebuilt and index < len(prebuilt) else corpus.context(index)
    keep(path, state.engine.render(corpus.template, context))


def keep(path: Path | str | None, data: bytes) -> None:
    """Write a rendered document to `path`; with no path it is only held, as bytes in memory."""
    if path is not None:
        Path(path).write_bytes(data)


def start_pool(names: tuple[str, ...], seed: int, prebuild: int) -> Any:
    """A pool of 2 workers preparing their templates and contexts; see `wait_ready`."""
    ready = multiprocessing.Barrier(2)
    return multiprocessing.Pool(2, _init_worker, (names, seed, prebuild, ready))


def wait_ready(pool: Any) -> None:
    """Return once both workers of `pool` have finished their initializer."""
    pool.map(_wait_ready, range(2), chunksize=1)


def naive_render(template_bytes: bytes, env: Any, context: Mapping[str, Any]) -> bytes:
    """docxtpl as usually written: a new DocxTemplate per document, render, save."""
    document = DocxTemplate(BytesIO(template_bytes))
    document.render(context, jinja_env=env)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


@dataclass
class Prepared:
    """One type ready for the timed rounds: contexts built, templates loaded, floor documents."""

    corpus: Corpus
    contexts: list[dict[str, object]]
    template_bytes: bytes
    env: Any
    floor_docs: list[bytes]


@dataclass
class Timing:
    """Documents done and seconds spent by one approach on one type."""

    docs: int = 0
    seconds: float = 0.0
    peak_rss_kb: int | None = None

    @property
    def rate(self) -> float:
        """Documents per second."""
        return self.docs / self.seconds if self.seconds else 0.0


@dataclass
class Results:
    """Timings by (type, approach)."""

    timings: dict[tuple[str, str], Timing] = field(default_factory=dict)
    # Wall seconds of the CPU probe on 1 process and on 2, summed over the rounds.
    probe_one: float = 0.0
    probe_two: float = 0.0

    @property
    def parallel_capacity(self) -> float:
        """How many times one process's CPU work two processes did in the same wall time."""
        return 2 * self.probe_one / self.probe_two if self.probe_two else 0.0

    def add(self, name: str, approach: str, docs: int, seconds: float) -> None:
        """Count one slice of `docs` documents done in `seconds`."""
        timing = self.timings.setdefault((name, approach), Timing())
        timing.docs += docs
        timing.seconds += seconds


def run_slice(
    approach: str,
    item: Prepared,
    indices: Sequence[int],
    engine: Engine,
    pool: Any,
    outdir: Path | None,
) -> float:
    """Seconds `approach` takes for documents `indices` of one type, written to `outdir` if any.

    The floor always writes files: it is what the others would cost with nothing to render.
    """
    template = item.corpus.template
    paths = [outdir / f"{item.corpus.name}-{i:05d}.docx" if outdir else None for i in indices]
    start = time.perf_counter()
    if approach == NAIVE:
        for i, path in zip(indices, paths, strict=True):
            keep(path, naive_render(item.template_bytes, item.env, item.contexts[i]))
    elif approach == ENGINE_1:
        for i, path in zip(indices, paths, strict=True):
            keep(path, engine.render(template, item.contexts[i]))
    elif approach == ENGINE_2:
        # The workers hold the same contexts, built before the clock started: only the index
        # crosses the process boundary, as only the file name would in a real build.
        jobs = [(item.corpus.name, i, p and str(p)) for i, p in zip(indices, paths, strict=True)]
        # Small chunks: both workers stay busy to the end of each slice.
        pool.map(_render_in_worker, jobs, chunksize=max(1, len(jobs) // 64))
    else:
        assert outdir is not None
        docs = item.floor_docs
        for i in indices:
            (outdir / f"{item.corpus.name}-{i:05d}.docx").write_bytes(docs[i % len(docs)])
    return time.perf_counter() - start


def timed_rounds(
    corpora: list[Corpus], docs: int, rounds: int, seed: int, workdir: Path, write: bool
) -> Results:
    """Run every approach on every type in `rounds` interleaved slices."""
    # Workers are forked before this process holds its contexts, so that their heaps (and the
    # work their garbage collector does) are the size of the 1-worker loop's, not twice it.
    pool = start_pool(tuple(c.name for c in corpora), seed, docs)
    engine = Engine(TEMPLATES)
    prepared = []
    for corpus in corpora:
        engine.prepare(corpus.template)
        contexts = [corpus.context(i) for i in range(docs)]
        library = engine.library
        floor_docs = [engine.render(corpus.template, c) for c in contexts[:FLOOR_POOL]]
        item = Prepared(
            corpus,
            contexts,
            library.docx_bytes(corpus.template),
            library.environment(),
            floor_docs,
        )
        naive_render(item.template_bytes, item.env, contexts[0])  # warm-up
        prepared.append(item)
    results = Results()
    with pool:
        wait_ready(pool)
        warm = workdir / "warm"
        warm.mkdir()
        for item in prepared:
            run_slice(ENGINE_2, item, range(min(4, docs)), engine, pool, warm)
        for round_no in range(rounds):
            indices = range(round_no * docs // rounds, (round_no + 1) * docs // rounds)
            if not indices:
                continue
            one, two = parallel_capacity(pool, PROBE_SECONDS)
            results.probe_one += one
            results.probe_two += two
            order = APPROACHES[round_no % 4 :] + APPROACHES[: round_no % 4]
            for item in prepared:
                for approach in order:
                    outdir = workdir / approach
                    outdir.mkdir(exist_ok=True)
                    target = outdir if write or approach == FLOOR else None
                    seconds = run_slice(approach, item, indices, engine, pool, target)
                    results.add(item.corpus.name, approach, len(indices), seconds)
                    shutil.rmtree(outdir)
    return results


# ---------------------------------------------------------------------------------------------
# Peak RSS: each approach alone in a fresh process, contexts made one at a time.
# ---------------------------------------------------------------------------------------------


def rss_child(approach: str, name: str, docs: int, seed: int, write: bool) -> int:
    """Peak RSS (KiB) of this process (and its workers) running `approach` for `docs` documents."""
    renderer = Renderer(TEMPLATES)
    (corpus,) = open_corpora([name], renderer, seed)
    engine = renderer.engine
    template = corpus.template
    with tempfile.TemporaryDirectory(prefix="vanthu-rss-") as tmp:
        out = Path(tmp)
        if approach == NAIVE:
            library = engine.library
            template_bytes, env = library.docx_bytes(template), library.environment()
            for i in range(docs):
                data = naive_render(template_bytes, env, corpus.context(i))
                keep(out / f"{i:05d}.docx" if write else None, data)
        elif approach == ENGINE_1:
            for i in range(docs):
                data = engine.render(template, corpus.context(i))
                keep(out / f"{i:05d}.docx" if write else None, data)
        elif approach == ENGINE_2:
            # Contexts are made in the workers one at a time, as a build would load its inputs.
            jobs = ((name, i, str(out / f"{i:05d}.docx") if write else None) for i in range(docs))
            pool = start_pool((name,), seed, 0)
            wait_ready(pool)
            for _ in pool.imap_unordered(_render_in_worker, jobs, chunksize=16):
                pass
            pool.close()
            pool.join()
        else:
            floor_docs = [engine.render(template, corpus.context(i)) for i in range(FLOOR_POOL)]
            for i in range(docs):
                (out / f"{i:05d}.docx").write_bytes(floor_docs[i % len(floor_docs)])
    # Pool workers are forked and never exec, so their ru_maxrss is their own peak.
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(peak_rss_kb(), workers)


def peak_rss_kb() -> int:
    """Peak resident set of this process in KiB.

    VmHWM rather than ru_maxrss on Linux: a process started by (v)fork and exec keeps its
    parent's ru_maxrss across the exec, so a child of this benchmark would report the parent's
    peak (≈ the size of all contexts it holds) instead of its own.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def measure_rss(approach: str, name: str, docs: int, seed: int, write: bool) -> int | None:
    """Peak RSS (KiB) of `approach` run alone in a fresh Python process; None if it failed."""
    command = [
        sys.executable, str(Path(__file__).resolve()), "--rss-child", approach,
        "--types", name, "--docs", str(docs), "--seed", str(seed),
    ] + (["--write-files"] if write else [])  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("peak_rss_kb "):
            return int(line.split()[1])
    print(f"note: RSS child {approach}/{name} failed: {done.stderr.strip()[-300:]}")
    return None


# ---------------------------------------------------------------------------------------------
# Output.
# ---------------------------------------------------------------------------------------------


def _spin(seconds: float) -> int:
    """Pure-Python work for about `seconds` of CPU time; returns the loops done."""
    end = time.process_time() + seconds
    loops = 0
    while time.process_time() < end:
        sum(range(1000))
        loops += 1
    return loops


def parallel_capacity(pool: Any, seconds: float) -> tuple[float, float]:
    """Wall seconds for `seconds` of CPU work in this process, and for twice it over 2 workers.

    Two free cores give equal times; a second time near twice the first means the machine
    (other load, a shared host) did not give the 2-worker row its second core.
    """
    start = time.perf_counter()
    _spin(seconds)
    one = time.perf_counter() - start
    start = time.perf_counter()
    pool.map(_spin, [seconds, seconds], chunksize=1)
    return one, time.perf_counter() - start


def print_table(results: Results, names: Sequence[str]) -> None:
    """The results table, one row per type and approach."""
    header = f"{'type':<12} {'approach':<20} {'docs':>6} {'docs/s':>9} {'ms/doc':>8}"
    header += f" {'peak RSS MB':>11} {'× naive':>8}"
    print(header)
    print("-" * len(header))
    for name in names:
        naive = results.timings[(name, NAIVE)].rate
        for approach in APPROACHES:
            timing = results.timings[(name, approach)]
            rss = f"{timing.peak_rss_kb / 1024:.0f}" if timing.peak_rss_kb else "?"
            ms = 1000 * timing.seconds / timing.docs
            print(
                f"{name:<12} {LABELS[approach]:<20} {timing.docs:>6} {timing.rate:>9.1f}"
                f" {ms:>8.3f} {rss:>11} {timing.rate / naive:>8.1f}"
            )
    for name in names:
        one = results.timings[(name, ENGINE_1)].rate
        two = results.timings[(name, ENGINE_2)].rate
        print(f"{name}: 2 workers / 1 worker = {two / one:.2f}×")


# ---------------------------------------------------------------------------------------------
# PDF: one soffice process per file against one long-lived LibreOffice (unoserver).
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    """A free TCP port on localhost."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def python_with_uno(scratch: Path) -> tuple[str, dict[str, str]]:
    """A Python that can import LibreOffice's `uno` and the environment to run unoserver in it.

    pip installs unoserver into this interpreter, but its server needs `uno`, which usually
    lives only in the system Python; that one gets just unoserver on its path.
    """
    candidates = [sys.executable, "/usr/bin/python3", "/usr/lib/libreoffice/program/python"]
    for exe in candidates:
        if not Path(exe).exists():
            continue
        probe = subprocess.run([exe, "-c", "import uno"], capture_output=True, check=False)
        if probe.returncode != 0:
            continue
        if exe == sys.executable:
            return exe, dict(os.environ)
        dist = importlib.metadata.distribution("unoserver")
        site = Path(str(dist.locate_file("")))
        shim = scratch / "unoserver-path"
        shim.mkdir(exist_ok=True)
        for entry in ("unoserver", f"unoserver-{dist.version}.dist-info"):
            if (site / entry).exists() and not (shim / entry).exists():
                (shim / entry).symlink_to(site / entry)
        return exe, {**os.environ, "PYTHONPATH": str(shim)}
    raise RuntimeError("no Python with LibreOffice's uno module found")


def soffice_per_file(files: Sequence[Path], outdir: Path, profile: Path) -> float:
    """Seconds per document converting each file with its own soffice process."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("soffice not found")

    def convert(path: Path) -> None:
        """One soffice process for one file."""
        subprocess.run(
            [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(outdir), str(path)],
            capture_output=True, check=True, timeout=180,
        )  # fmt: skip

    convert(files[0])  # creates the profile, which is not what a conversion costs
    start = time.perf_counter()
    for path in files:
        convert(path)
    return (time.perf_counter() - start) / len(files)


def unoserver_persistent(files: Sequence[Path], outdir: Path, scratch: Path) -> float:
    """Seconds per document converting through one long-lived LibreOffice (unoserver)."""
    from unoserver.client import UnoClient

    exe, env = python_with_uno(scratch)
    port, uno_port = free_port(), free_port()
    command = [
        exe, "-m", "unoserver.server", "--interface", "127.0.0.1", "--uno-interface",
        "127.0.0.1", "--port", str(port), "--uno-port", str(uno_port),
        "--user-installation", str(scratch / "uno-profile"), "--quiet",
    ]  # fmt: skip
    log = (scratch / "unoserver.log").open("wb")
    server = subprocess.Popen(
        command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"unoserver exited; see {scratch / 'unoserver.log'}")
            try:
                with ServerProxy(f"http://127.0.0.1:{port}") as proxy:
                    proxy.info()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("unoserver did not start in 120 s") from None
                time.sleep(0.25)
        client = UnoClient(server="127.0.0.1", port=str(port))
        # No index update: `soffice --convert-to` does none either, and our documents have no
        # table of contents.
        client.convert(
            inpath=str(files[0]), outpath=str(outdir / "warm-up.pdf"), update_index=False
        )
        start = time.perf_counter()
        for path in files:
            target = outdir / f"{path.stem}.pdf"
            client.convert(inpath=str(path), outpath=str(target), update_index=False)
        return (time.perf_counter() - start) / len(files)
    finally:
        # unoserver runs LibreOffice as its child: stop the whole group this script started.
        try:
            os.killpg(server.pid, 15)
            server.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, 9)
            server.wait()
        log.close()


def pdf_bench(corpus: Corpus, engine: Engine) -> None:
    """Print per-document PDF times: soffice per file vs one long-lived LibreOffice."""
    with tempfile.TemporaryDirectory(prefix="vanthu-pdf-") as tmp:
        scratch = Path(tmp)
        docx_dir = scratch / "docx"
        docx_dir.mkdir()
        files = []
        for i in range(PDF_DOCS):
            path = docx_dir / f"{corpus.name}-{i:02d}.docx"
            path.write_bytes(engine.render(corpus.template, corpus.context(i)))
            files.append(path)
        per_file_dir, persistent_dir = scratch / "pdf-per-file", scratch / "pdf-persistent"
        per_file_dir.mkdir()
        persistent_dir.mkdir()
        per_file = soffice_per_file(files, per_file_dir, scratch / "soffice-profile")
        persistent = unoserver_persistent(files, persistent_dir, scratch)
        made = sum(1 for p in persistent_dir.glob("*.pdf") if p.stat().st_size > 0)
        print(f"PDF, {PDF_DOCS} {corpus.name} documents ({made - 1} converted by unoserver):")
        print(f"  soffice --convert-to pdf per file : {1000 * per_file:8.1f} ms/doc")
        print(f"  one long-lived LibreOffice        : {1000 * persistent:8.1f} ms/doc")
        print(f"  pdf_ratio_persistent_vs_per_file {per_file / persistent:.2f}")


# ---------------------------------------------------------------------------------------------
# Command line.
# ---------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, default=1000, help="documents per type (1000)")
    parser.add_argument(
        "--types",
        default=",".join(t.name for t in BENCH_TYPES),
        help="comma-separated types (default: every type whose kind exists)",
    )
    # Two rounds: slices of N/2 documents, so the pool waking up for each slice (a few ms) is
    # small beside the work, as it is in a build that keeps its workers busy.
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (2)")
    parser.add_argument("--seed", type=int, default=2022, help="seed of the synthetic data (2022)")
    parser.add_argument("--pdf", action="store_true", help=f"also time PDF on {PDF_DOCS} docs")
    parser.add_argument(
        "--rss-check",
        action="store_true",
        help=f"also run the engine for N = {RSS_CHECK_SIZES[0]} and {RSS_CHECK_SIZES[1]}"
        " and compare peak RSS",
    )
    parser.add_argument("--no-rss", action="store_true", help="skip the per-approach RSS runs")
    parser.add_argument(
        "--write-files",
        action="store_true",
        help="write every rendered document to a file (default: keep the bytes in memory;"
        " the floor row always writes)",
    )
    parser.add_argument("--rss-child", choices=APPROACHES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.docs < 1 or args.rounds < 1:
        parser.error("--docs and --rounds must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table; the last line is the decision type's ratio."""
    args = parse_args(argv)
    names = [n.strip() for n in args.types.split(",") if n.strip()]
    if args.rss_child:
        peak = rss_child(args.rss_child, names[0], args.docs, args.seed, args.write_files)
        print(f"peak_rss_kb {peak}")
        return 0
    renderer = Renderer(TEMPLATES)
    corpora = open_corpora(names, renderer, args.seed)
    if not corpora:
        print("error: no document type to measure")
        return 1
    measured = [c.name for c in corpora]
    output = "written to files" if args.write_files else "kept in memory (floor: files)"
    print(
        f"{args.docs} documents per type, {args.rounds} interleaved rounds, output {output}, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    with tempfile.TemporaryDirectory(prefix="vanthu-bench-") as tmp:
        results = timed_rounds(
            corpora, args.docs, args.rounds, args.seed, Path(tmp), args.write_files
        )
    if not args.no_rss:
        for name in measured:
            for approach in APPROACHES:
                rss = measure_rss(approach, name, args.docs, args.seed, args.write_files)
                results.timings[(name, approach)].peak_rss_kb = rss
    print()
    print_table(results, measured)
    print(
        f"machine during the rounds: 2 processes of pure CPU work did "
        f"{results.parallel_capacity:.2f}× one process's (2.00 on two free cores)"
    )
    report = DECISION if DECISION in measured else (FALLBACK if FALLBACK in measured else None)
    report = report or measured[0]
    if args.rss_check:
        small, large = RSS_CHECK_SIZES
        peaks = [
            measure_rss(ENGINE_1, report, n, args.seed, args.write_files) for n in (small, large)
        ]
        print()
        print(f"peak RSS, {report}, engine on 1 worker, in a fresh process:")
        if peaks[0] and peaks[1]:
            print(f"  N = {small:>5}: {peaks[0] / 1024:.1f} MB")
            print(f"  N = {large:>5}: {peaks[1] / 1024:.1f} MB")
            print(f"  rss_ratio_{large}_vs_{small} {peaks[1] / peaks[0]:.3f}")
    if args.pdf:
        print()
        pdf_corpus = next(c for c in corpora if c.name == report)
        pdf_bench(pdf_corpus, renderer.engine)
    if report != DECISION:
        why = "not in pipeline.kinds.KINDS yet" if "quyet_dinh" not in KINDS else "not measured"
        print(f"note: {DECISION} {why}; the ratio below is for {report}")
    timing = results.timings
    ratio = timing[(report, ENGINE_1)].rate / timing[(report, NAIVE)].rate
    print(f"ratio_vs_naive_docxtpl {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
