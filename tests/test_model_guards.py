"""model.guards: whether a record is of a kind's model, answered without importing the model's
module (a build of decisions imports no other kind's models: test_start_up). Each guard names
its model right, says no for another kind's record, and no while its module is not imported."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from pipeline.form_fields import form_fields, taken_from_elsewhere
from pipeline.model import guards
from pipeline.model.quyet_dinh import DecisionData

REPO = Path(__file__).resolve().parents[1]

GUARDS = {
    "is_report": ("bao_cao", "ReportData"),
    "is_minutes": ("bien_ban", "MinutesData"),
    "is_certificate": ("giay_khen", "CertificateData"),
    "is_invitation": ("giay_moi", "InvitationData"),
    "is_notice": ("thong_bao", "NoticeData"),
    "is_submission": ("to_trinh", "SubmissionData"),
}


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_each_guard_knows_its_own_model_s_records(name: str) -> None:
    module, model = GUARDS[name]
    cls = getattr(__import__(f"pipeline.model.{module}", fromlist=[model]), model)
    guard = getattr(guards, name)
    assert guard(cls.model_construct())
    assert not guard(DecisionData.model_construct())
    assert not guard(None)
    for other, (other_module, other_model) in GUARDS.items():
        if other != name:  # another kind's record
            found = getattr(
                __import__(f"pipeline.model.{other_module}", fromlist=["x"]), other_model
            )
            assert not guard(found.model_construct()), (name, other)


def test_a_guard_imports_nothing() -> None:
    probe = (
        "import sys\n"
        "from pipeline.model import guards\n"
        "said = [getattr(guards, name)(object()) for name in sys.argv[1:]]\n"
        "print(said, sorted(m for m in sys.modules if m.startswith('pipeline.model.')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *GUARDS], cwd=REPO, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert done.stdout.strip() == f"{[False] * len(GUARDS)} ['pipeline.model.guards']"


def test_a_certificate_s_form_leaves_out_what_its_decision_gives() -> None:
    from pipeline.model.giay_khen import INHERITED

    assert taken_from_elsewhere("giay_khen") == INHERITED
    assert taken_from_elsewhere("quyet_dinh") == ()
    names = {found.name for found in form_fields("giay_khen")}
    assert names and not names & set(INHERITED)


def test_a_model_module_another_thread_is_still_importing_holds_no_record_of_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """sys.modules holds a module from the start of its import: while another thread runs it
    and has not made the class yet, the guard says no instead of raising AttributeError (the
    loaders of threads loading several kinds at once failed so)."""
    for name, (module, _) in GUARDS.items():
        starting = types.ModuleType(f"pipeline.model.{module}")  # its class not made yet
        monkeypatch.setitem(sys.modules, f"pipeline.model.{module}", starting)
        assert getattr(guards, name)(object()) is False
