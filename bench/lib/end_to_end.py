"""The end-to-end approaches: `vanthu build -j 1`, `-j 2`, and a user's plain docxtpl script.

Each runs as its own process over the same generated workspace, into a fresh output folder,
measured from outside (wall time, sampled memory of its process tree): what a user waits for.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path

from bench.lib.process_tree import Run, run_measured
from bench.lib.project import ROOT, TEMPLATES
from bench.lib.workspace import HEADER_ROW, SHEET, Workspace, generate

PLAIN, BUILD_1, BUILD_2 = "plain", "build-1", "build-2"
APPROACHES = (PLAIN, BUILD_1, BUILD_2)
LABELS = {
    PLAIN: "plain docxtpl script",
    BUILD_1: "vanthu build -j 1",
    BUILD_2: "vanthu build -j 2",
}
PLAIN_SCRIPT = Path(__file__).resolve().parent / "plain_script.py"
TEMPLATE = "quyet-dinh"
WARM_UP_DOCUMENTS = 3
FIXED_RUNS = 3  # runs over the warm-up's documents per approach, for its fixed part


class RunFailed(Exception):
    """An approach exited with an error: the benchmark stops rather than print a wrong figure."""


# The Python every run starts: this one, with this checkout first on its path; or, after
# install_wheel (--installed), a venv holding vanthu's wheel and its dependencies.
_installed: Path | None = None


def install_wheel(scratch: Path) -> Path:
    """vanthu as a user installs it: a wheel built from this checkout, installed with its
    dependencies (pip compiling them, as it does) into a new venv under `scratch` without the
    system's site-packages; every run then starts that venv's Python, this checkout on no
    path. What the venv leaves out is what this machine's Python adds to every start (its
    site-packages' .pth files: an editable install's finder, a CA bundle imported at start-up),
    which a user's vanthu does not pay. Returns the venv's Python."""
    global _installed
    dist = scratch / "dist"
    _quietly([sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)])
    venv.EnvBuilder(with_pip=False, clear=True).create(scratch / "venv")
    python = scratch / "venv" / "bin" / "python"
    _quietly([sys.executable, "-m", "pip", "--python", str(python), "install", "-q",
              "--disable-pip-version-check", str(next(dist.glob("*.whl")))])  # fmt: skip
    _installed = python
    return python


def _quietly(command: list[str]) -> None:
    """Run `command`, its output shown only when it fails (RunFailed)."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RunFailed(f"{' '.join(command)}:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")


def python() -> str:
    """The Python every run starts (see install_wheel)."""
    return str(_installed) if _installed is not None else sys.executable


def environment(bytecode: Path | None = None) -> dict[str, str]:
    """The environment of every run: this checkout's pipeline first, messages in one language.

    With `bytecode`, Python caches compiled modules there (PYTHONPYCACHEPREFIX) even where the
    shell says PYTHONDONTWRITEBYTECODE: an installed vanthu has its .pyc files (pip compiles
    them at install, as it did for docxtpl and openpyxl), so a checkout compiling ~130 modules
    in every run would measure something no user waits for. `compile_checkout` fills it first.
    """
    env = dict(os.environ)
    if _installed is None:
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env["VANTHU_LANG"] = "vi"
    env.pop("COLUMNS", None)
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
    return env


def compile_checkout(bytecode: Path) -> None:
    """Compile this checkout's package into `bytecode`, as installing it would."""
    command = [sys.executable, "-m", "compileall", "-q", str(ROOT / "pipeline")]
    subprocess.run(command, env=environment(bytecode), check=True, stdout=subprocess.DEVNULL)


def small_workspace(scratch: Path) -> Workspace:
    """A prepared workspace of WARM_UP_DOCUMENTS decisions: the warm-up's and the fixed part's."""
    workspace = generate(scratch / "warm-up", WARM_UP_DOCUMENTS)
    prepare(workspace)
    return workspace


def warm_up(workspace: Workspace, approaches: Sequence[str], bytecode: Path) -> None:
    """Run each approach once, untimed, over a workspace of a few documents.

    PYTHONPYCACHEPREFIX moves the compiled code of every module, the standard library's and
    docxtpl's and openpyxl's too, into `bytecode`: without this, the first timed run of the
    benchmark compiled every module it imports (about 0.6 s of its time), which an installed
    Python and its packages never do. Each approach gets the same warm-up.
    """
    for approach in approaches:
        run(approach, workspace, workspace.root / "out" / approach, 0.1, bytecode)


def fixed_seconds(
    workspace: Workspace, approach: str, bytecode: Path | None, runs: int = FIXED_RUNS
) -> float:
    """The wall time of `approach` over a workspace of a few documents, the median of `runs`
    runs: what a run pays whatever N (see bench/lib/scaling.py)."""
    seconds = []
    for number in range(runs):
        output = workspace.root / "out" / f"fixed-{approach}-{number}"
        seconds.append(run(approach, workspace, output, 0.1, bytecode).seconds)
    return statistics.median(seconds)


def file_creation_ms(folder: Path, count: int = 200) -> float:
    """Milliseconds to create, write (30 KB, a decision's size) and close one new file in
    `folder`: every approach pays it once per document, and it differs a lot between disks
    (and between folders of one aged file system).

    The probe's files stay until `folder` is deleted after every run (see build_bench.py:
    files deleted now would slow the file creation of the runs that follow).
    """
    probe = folder / "file-creation-probe"
    probe.mkdir(parents=True, exist_ok=True)
    data = os.urandom(30_000)
    started = time.perf_counter()
    for number in range(count):
        (probe / f"{number}.docx").write_bytes(data)
    seconds = time.perf_counter() - started
    return seconds / count * 1000


def prepare(workspace: Workspace) -> None:
    """What the runs share, made before any clock starts.

    The workspace gets this checkout's templates (as a project folder has its own), and the
    plain script its inputs: the composed template as a file, the shared blocks, the context
    vanthu builds for the first document, and the list of documents. Rendering that document
    here leaves the templates prepared in vanthu's template cache (VANTHU_CACHE_DIR, set by
    the benchmark to a folder of its own), as any earlier build on a machine leaves them.
    """
    from pipeline.api import Renderer, load_document

    (workspace.root / "templates").symlink_to(TEMPLATES, target_is_directory=True)
    renderer = Renderer(TEMPLATES)
    first = workspace.documents[0]
    document = load_document(first.yaml)
    context = renderer.context(document)
    renderer.render(document)
    library = renderer.engine.library
    plain = workspace.root / "plain"
    plain.mkdir()
    (plain / "template.docx").write_bytes(library.docx_bytes(TEMPLATE))
    (plain / "context.pickle").write_bytes(pickle.dumps(context))
    spec = {
        "template": str(plain / "template.docx"),
        "context": str(plain / "context.pickle"),
        "blocks": dict(library.block_sources),
        "sheet": SHEET,
        "first_row": HEADER_ROW + 1,
        "documents": [
            {"xlsx": str(d.xlsx), "so": d.so, "day": d.day, "output": ""}
            for d in workspace.documents
        ],
    }
    (plain / "spec.json").write_text(json.dumps(spec, ensure_ascii=False), "utf-8")


def _plain_jobs(workspace: Workspace, output: Path) -> Path:
    spec_path = workspace.root / "plain" / "spec.json"
    spec = json.loads(spec_path.read_text("utf-8"))
    for job in spec["documents"]:
        job["output"] = str(output / f"{Path(job['xlsx']).stem.replace('danh-sach', 'qd')}.docx")
    jobs = workspace.root / "plain" / "jobs.json"
    jobs.write_text(json.dumps(spec, ensure_ascii=False), "utf-8")
    return jobs


def command(approach: str, workspace: Workspace, output: Path) -> list[str]:
    """The command line of `approach`, writing into `output`."""
    if approach == PLAIN:
        output.mkdir(parents=True)
        return [python(), str(PLAIN_SCRIPT), str(_plain_jobs(workspace, output))]
    jobs = {BUILD_1: "1", BUILD_2: "2"}[approach]
    return [python(), "-m", "pipeline.cli", "build", "inputs", "-o", str(output), "-j", jobs]


def run(
    approach: str, workspace: Workspace, output: Path, interval: float, bytecode: Path | None
) -> Run:
    """Run `approach` once into `output`, a folder that does not exist yet; RunFailed when it
    does not succeed."""
    done = run_measured(
        command(approach, workspace, output),
        cwd=workspace.root,
        env=environment(bytecode),
        interval=interval,
    )
    _check(approach, workspace, output, done.returncode, done.stderr)
    return done


def side_by_side(
    workspace: Workspace, folder: Path, bytecode: Path | None
) -> tuple[float, float]:
    """Wall seconds of one `vanthu build -j 1` alone, then of two started at once, each over
    every document into a new folder under `folder`: independent processes sharing nothing but
    the machine.

    Two of them show what two processes of exactly this work get from this machine (caches,
    memory bandwidth, a host's neighbours), which a probe of pure arithmetic does not: the most
    `-j 2` can reach here. The single run goes just before the pair, so that both see the
    machine alike. Their output goes to files, not pipes: a full pipe nobody reads yet would
    stop a build and lengthen the time measured.
    """
    alone = _run_at_once([(workspace, folder / "alone")], bytecode)
    # The second in a copy of the workspace: two builds of one workspace take turns (its lock,
    # pipeline.workspace.lock), which would measure the lock, not the machine.
    twin = copied_workspace(workspace, workspace.root.with_name(f"{workspace.root.name}-twin"))
    pair = [(workspace, folder / "together-1"), (twin, folder / "together-2")]
    return alone, _run_at_once(pair, bytecode)


def copied_workspace(workspace: Workspace, root: Path) -> Workspace:
    """A copy of the generated workspace at `root` (made once: the same inputs, another
    folder; not the runs' outputs), its documents named in the copy."""
    if not root.exists():
        shutil.copytree(workspace.root, root, symlinks=True,
                        ignore=shutil.ignore_patterns("out", "outputs"))  # fmt: skip
    moved = [replace(d, yaml=root / d.yaml.relative_to(workspace.root),
                     xlsx=root / d.xlsx.relative_to(workspace.root))
             for d in workspace.documents]  # fmt: skip
    return replace(workspace, root=root, inputs=root / workspace.inputs.relative_to(workspace.root),
                   documents=moved)  # fmt: skip


def _run_at_once(builds: Sequence[tuple[Workspace, Path]], bytecode: Path | None) -> float:
    """Wall seconds of one `vanthu build -j 1` per (workspace, output folder), all started at
    once."""
    with ExitStack() as stack:
        started = time.perf_counter()
        processes = []
        for workspace, output in builds:
            log = stack.enter_context(tempfile.TemporaryFile("w+"))
            cmd = command(BUILD_1, workspace, output)
            process = subprocess.Popen(
                cmd, cwd=workspace.root, env=environment(bytecode),
                stdout=subprocess.DEVNULL, stderr=log,
            )  # fmt: skip
            processes.append((process, log, output, workspace))
        for process, _, _, _ in processes:
            process.wait()
        seconds = time.perf_counter() - started
        for process, log, output, workspace in processes:
            log.seek(0)
            _check(BUILD_1, workspace, output, process.returncode, log.read())
    return seconds


def _check(approach: str, workspace: Workspace, output: Path, returncode: int, stderr: str) -> None:
    """RunFailed unless `approach` succeeded and wrote every document into `output`."""
    if returncode != 0:
        raise RunFailed(f"{LABELS[approach]} exited {returncode}: {stderr[-1500:]}")
    written = sum(1 for _ in output.rglob("*.docx"))
    if written != len(workspace.documents):
        raise RunFailed(f"{LABELS[approach]} wrote {written} of {len(workspace.documents)}")


def rebuild(workspace: Workspace, output: Path, interval: float, bytecode: Path | None) -> Run:
    """`vanthu build -j 1` again over an up-to-date `output`: the incremental no-change case."""
    cmd = command(BUILD_1, workspace, output)
    done = run_measured(cmd, cwd=workspace.root, env=environment(bytecode), interval=interval)
    if done.returncode != 0:
        raise RunFailed(f"incremental rebuild exited {done.returncode}: {done.stderr[-1500:]}")
    return done


@dataclass
class Tally:
    """Runs of one approach at one size, summed over the rounds."""

    docs: int = 0
    round_seconds: list[float] = field(default_factory=list)  # each round's run, in order
    peak_tree_kb: list[int] = field(default_factory=list)
    peak_process_kb: list[int] = field(default_factory=list)

    def add(self, docs: int, done: Run) -> None:
        self.docs += docs
        self.round_seconds.append(done.seconds)
        if done.peak_tree_kb is not None and done.peak_process_kb is not None:
            self.peak_tree_kb.append(done.peak_tree_kb)
            self.peak_process_kb.append(done.peak_process_kb)

    @property
    def seconds(self) -> float:
        """Wall seconds over every round."""
        return sum(self.round_seconds)

    @property
    def rate(self) -> float:
        """Documents per second over every round."""
        return self.docs / self.seconds if self.seconds else 0.0

    @property
    def tree_mb(self) -> float | None:
        """The largest tree peak of any round, in MB."""
        return max(self.peak_tree_kb) / 1024 if self.peak_tree_kb else None

    @property
    def process_mb(self) -> float | None:
        """The largest single-process peak of any round, in MB."""
        return max(self.peak_process_kb) / 1024 if self.peak_process_kb else None
