"""What a build imports: every command pays for its imports before its first document."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_BUILD = (
    "import sys\n"
    "from click.testing import CliRunner\n"
    "from pipeline.cli import main\n"
    "done = CliRunner().invoke(main, ['build', '-j', '1', sys.argv[1], '-o', sys.argv[2]])\n"
    "assert done.exit_code == 0, done.output\n"
)


def _after_a_build(year: Path, output: Path, probe: str, **env: str) -> str:
    """What `probe` prints after `vanthu build -j 1 year -o output`, both run in a new
    interpreter (with `env` added to the environment)."""
    done = subprocess.run(
        [sys.executable, "-c", _BUILD + probe, str(year), str(output)],
        cwd=REPO, capture_output=True, text=True, check=True, env={**os.environ, **env},
    )  # fmt: skip
    return done.stdout


def _the_decision_alone(inputs: Path) -> Path:
    """The year folder of `inputs` holding one award decision (qd-lao-dong-tien-tien.yaml), the
    workspace's other documents removed."""
    for data in inputs.glob("20*/**/*.yaml"):
        if data.relative_to(inputs).as_posix() != "2022/qd-lao-dong-tien-tien.yaml":
            data.unlink()
    return inputs / "2022"


def test_a_build_imports_no_asyncio(inputs_copy: Path, tmp_path: Path) -> None:
    # typing_extensions before 4.16 imported asyncio for each function pydantic-core marks
    # deprecated (20 ms of every start-up); pyproject.toml asks for 4.16 or later. Nothing in a
    # build needs asyncio.
    probe = "print(sorted(m for m in sys.modules if m.split('.')[0] == 'asyncio'))\n"
    assert _after_a_build(inputs_copy / "2022", tmp_path / "out", probe).strip() == "[]"


# Modules a build of one job that opens no register never imports: the workers' pool (with
# logging), a register's migrations and restores (register.store imports them when it opens),
# a report's figures (its loader's), a program's form (api's module __getattr__).
_LATE = {"concurrent.futures", "logging", "pipeline.register.restorations",
         "pipeline.register.schema", "pipeline.figures", "pipeline.form_fields",
         "pipeline.register.forms"}  # fmt: skip


def test_a_build_of_decisions_imports_no_other_kind_nor_init_s_answers(
    inputs_copy: Path, tmp_path: Path
) -> None:
    # pipeline.kinds imports a kind's context builder and attacher when the kind is first asked
    # for: a build of award decisions needs none of the other kinds'; `vanthu templates`,
    # verify and form_fields still see every kind (test_kinds).
    probe = (
        f"LATE = {sorted(_LATE)}\n"
        "assert 'qd-lao-dong-tien-tien' in done.output, done.output\n"
        "print(sorted(m for m in sys.modules if m.startswith('pipeline.context.')))\n"
        "print('pipeline.workspace.parameters' in sys.modules)\n"
        "print(sorted(m for m in LATE if m in sys.modules))\n"
        "print(sorted(m for m in sys.modules if m.startswith('pipeline.model.')))\n"
    )
    printed = _after_a_build(_the_decision_alone(inputs_copy), tmp_path / "out", probe)
    imported, parameters, late, models = printed.split("\n")[:4]
    assert "pipeline.context.quyet_dinh" in imported
    # Nor init's answers (pipeline.starters imports them where `vanthu new` says a note).
    assert parameters == "False"
    # Nor what only several workers, an opened register, a report or a form need (_LATE).
    assert late == "[]"
    for other in ("bao_cao", "bien_ban", "cong_van", "giay_khen", "giay_moi", "thong_bao",
                  "to_trinh"):  # fmt: skip
        assert f"pipeline.context.{other}'" not in imported, other
        # Nor their models: the loaders ask a record's kind without importing them
        # (model.guards), form_fields imports the Giấy khen's INHERITED for its form.
        assert f"pipeline.model.{other}'" not in models, other
    assert "pipeline.model.quyet_dinh'" in models


def test_a_rebuild_with_nothing_changed_imports_no_document_code(
    inputs_copy: Path, tmp_path: Path
) -> None:
    # A build with nothing to do judges each document by hashes (batch.freshness): it loads,
    # renders and numbers nothing, so neither the contexts nor the register's document
    # helpers (which bring them: 50-70 ms of a no-change rebuild of 5,000 documents) are
    # imported, nor the spreadsheet readers.
    probe = (
        "assert '0 đã dựng' in done.output or '0 built' in done.output, done.output\n"
        "print(sorted(m for m in sys.modules if m.startswith(('pipeline.context',\n"
        "    'pipeline.register.documents', 'pipeline.load.spreadsheet', 'python_calamine'))))\n"
    )
    year, output = _the_decision_alone(inputs_copy), tmp_path / "out"
    first = _after_a_build(year, output, "print(sorted(m for m in sys.modules"
                           " if m.startswith('pipeline.context')))\n")
    assert "pipeline.context.quyet_dinh" in first  # the probe sees what a build imports
    assert _after_a_build(year, output, probe).strip() == "[]"


def test_the_command_line_looks_for_no_pydantic_plugin_unless_told(tmp_path: Path) -> None:
    # `vanthu` (cli.run) switches pydantic's search of every installed distribution for plugins
    # off (PYDANTIC_DISABLE_PLUGINS, read when a validator is made): a value the user set is
    # kept, and a library caller (main alone) keeps pydantic's own behaviour.
    probe = (
        "import atexit, os, sys\n"
        "atexit.register(lambda: print(os.environ.get('PYDANTIC_DISABLE_PLUGINS')))\n"
        "sys.argv = ['vanthu', '--version']\n"
        "from pipeline.cli import " + "{}\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}

    def said(call: str, **extra: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", probe.format(call)], cwd=tmp_path, capture_output=True,
            text=True, env={**env, "PYTHONPATH": str(REPO), **extra},
        )  # fmt: skip
        return done.stdout.split("\n")[-2]

    assert said("run; run()") == "__all__"
    assert said("run; run()", PYDANTIC_DISABLE_PLUGINS="logfire") == "logfire"
    assert said("main; main()") == "None"


def test_a_build_with_its_templates_prepared_compiles_no_lazy_pattern(
    inputs_copy: Path, tmp_path: Path
) -> None:
    # The patterns made with pipeline.patterns.lazy are a template's error paths, its
    # preparation, a register's URLs, typed weekdays and times...: a build of an award decision
    # whose templates the cache already holds compiles none of them. One it compiles every time
    # gains nothing from laziness (compile it at import); one compiled here for a reason of
    # this decision is a pattern a build needs after all.
    probe = (
        "lazy = {f'{name}.{attr}': value for name, module in list(sys.modules.items())\n"
        "        if name.startswith('pipeline.') for attr, value in vars(module).items()\n"
        "        if type(getattr(value, '__wrapped__', None)).__name__ == 'partial'\n"
        "        and getattr(value.__wrapped__, 'func', None) is __import__('re').compile}\n"
        "assert len(lazy) > 20, sorted(lazy)\n"
        "print(sorted(name for name, made in lazy.items() if made.cache_info().currsize))\n"
    )
    year, cache = _the_decision_alone(inputs_copy), str(tmp_path / "cache")
    # The first build prepares the templates, the second reuses them.
    _after_a_build(year, tmp_path / "first", probe, VANTHU_CACHE_DIR=cache)
    assert _after_a_build(year, tmp_path / "second", probe, VANTHU_CACHE_DIR=cache).strip() == "[]"



def test_verify_imports_no_spreadsheet_reader(inputs_copy: Path, tmp_path: Path) -> None:
    # verify shares the spreadsheet reader's bound on a part's inflated size (pipeline.part_limit)
    # without importing the reader: calamine and the list's reader are some 90 ms of its start.
    output = tmp_path / "out"
    _after_a_build(_the_decision_alone(inputs_copy), output, "")
    probe = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from pipeline.cli import main\n"
        "done = CliRunner().invoke(main, ['verify', sys.argv[1]])\n"
        "assert done.exit_code == 0, done.output\n"
        "print(sorted(m for m in sys.modules if m.startswith(('python_calamine',\n"
        "             'pipeline.load.spreadsheet'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe, str(output)], cwd=REPO,
                          capture_output=True, text=True, check=True)  # fmt: skip
    assert done.stdout.strip() == "[]"
