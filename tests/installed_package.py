"""What a user installs, installed as a user would: a distribution (the wheel or the sdist) in a
fresh venv, then run from an empty folder with nothing of the repository on any path
(tests/test_packaging.py, tests/test_packaging_sdist.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900,
                          env=env, check=False)  # fmt: skip
    assert done.returncode == 0, f"{command}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done.stdout


def built(out: Path, *kinds: str) -> dict[str, Path]:
    """This checkout built as `python -m build` builds it (`--sdist --wheel`: the wheel from the
    sdist), into `out`: the distribution of each kind asked for ("sdist", "wheel")."""
    run([sys.executable, "-m", "build", *(f"--{kind}" for kind in kinds), "--outdir", str(out),
         str(REPO)], cwd=out)  # fmt: skip
    found = {"wheel": out.glob("*.whl"), "sdist": out.glob("*.tar.gz")}
    return {kind: next(found[kind]) for kind in kinds}


def installed(distribution: Path, env_dir: Path) -> Path:
    """`distribution` installed with its dependencies into a new venv at `env_dir` (no system
    site-packages): the venv's bin folder. The venv is made without its own pip and this
    Python's pip installs into it (`pip --python`), which saves each test ensurepip's ten
    seconds without changing what gets installed; --no-compile leaves the .pyc files to the
    first run that imports a module, as Python writes them then."""
    venv.EnvBuilder(with_pip=False, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-compile",
         "--disable-pip-version-check", str(distribution)], cwd=env_dir.parent)  # fmt: skip
    return env_dir / "bin"


def works_from_an_empty_folder(bin_dir: Path, tmp_path: Path) -> None:
    """The installed `vanthu` (in `bin_dir`) from an empty folder: init → render → new → build
    → verify → templates list and check, each succeeding."""
    vanthu = str(bin_dir / "vanthu")
    work = tmp_path / "empty"
    work.mkdir()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    environment["VANTHU_LANG"] = "vi"
    # From an empty folder, nothing of the repository on any path.
    run([vanthu, "init", "van-phong", "--kieu", "van-phong", "--dia-danh", "Sơn La",
         "--nguoi-ky", "Nguyễn Văn A"], cwd=work, env=environment)  # fmt: skip
    office = work / "van-phong"
    starter = next((office / "inputs").glob("20*/ke-hoach.yaml"))
    run([vanthu, "render", str(starter.relative_to(office))], cwd=office, env=environment)
    run([vanthu, "new", "quyet-dinh", "-o", str(starter.parent / "qd.yaml")], cwd=office,
        env=environment)  # fmt: skip
    built_line = run([vanthu, "build", "-j", "1"], cwd=office, env=environment)
    assert "qd.yaml" in built_line
    outputs = sorted((office / "outputs").glob("20*/*.docx"))
    assert [p.name for p in outputs] == ["ke-hoach.docx", "qd.docx"]
    run([vanthu, "verify", *map(str, outputs)], cwd=office, env=environment)
    listing = run([vanthu, "templates", "list"], cwd=office, env=environment)
    assert "site-packages" not in listing  # built-ins are not shown as the office's own
    run([vanthu, "templates", "check"], cwd=office, env=environment)
