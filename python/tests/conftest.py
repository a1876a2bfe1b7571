"""Shared fixtures: the repository's root, its sample missions and the built
command, whose JSON every result must equal."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted(p.name for p in (ROOT / "examples" / "missions").glob("*.toml"))


def command() -> Path:
    """The `integration-readiness` command built with `cargo build --features
    cli,serve` (or the one `INTEGRATION_READINESS_BIN` names)."""
    exe = Path(os.environ.get("INTEGRATION_READINESS_BIN", ROOT / "target" / "debug" / "integration-readiness"))
    if not exe.exists():
        pytest.fail(
            f"{exe} is missing: build the command first (cargo build --features cli,serve) "
            "or set INTEGRATION_READINESS_BIN"
        )
    return exe


def run_json(*args: str) -> Any:
    """The command's JSON output for `args`, run from the repository's root."""
    out = subprocess.run(
        [str(command()), *args, "--format", "json"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


@pytest.fixture(autouse=True)
def at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs at the repository's root, so that a mission's file is
    named as the command names it."""
    monkeypatch.chdir(ROOT)


def sample(name: str) -> str:
    return f"examples/missions/{name}"


def samples() -> List[str]:
    return [sample(n) for n in SAMPLES]
