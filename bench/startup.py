"""Start-up and scale benchmark of the installed `kit` (not a test: run it, read the figures).

    python bench/startup.py [--runs 15] [--check]

Every command is timed as a fresh process, interleaved with its baseline so that machine noise
hits both alike; medians are reported. The baseline is the smallest two-command Typer app that
also imports pydantic (it validates a tiny JSON document with a model), written to a temp folder.
`--check` exits 1 when a target of the issues is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

GUIDE_SITUATION = "Responsable RSE d'une entreprise de 200 salariés, nous voulons construire un partenariat"
TAB_BASH = {"_KIT_COMPLETE": "complete_bash", "COMP_WORDS": "kit show rex-s", "COMP_CWORD": "2"}
TAB_ZSH = {"_KIT_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": "kit show animer:"}
"""Shell completion as each shell's script asks for it (a TAB after « kit show rex-s », « kit show animer: »)."""

BASELINE = """
import typer
from pydantic import BaseModel

app = typer.Typer()


class Item(BaseModel):
    id: str
    year: int


@app.command()
def show() -> None:
    print(Item.model_validate_json('{"id": "a", "year": 2016}').model_dump_json())


@app.command()
def other() -> None:
    print("other")


app()
"""


def kit_command() -> str:
    found = Path(sys.executable).parent / "kit"
    return str(found) if found.exists() else (shutil.which("kit") or "kit")


def timed(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def timed_pty(args: list[str], env: dict[str, str], until: str | None = None) -> float:
    import pexpect

    start = time.perf_counter()
    child = pexpect.spawn(args[0], args[1:], env=env, dimensions=(50, 160), encoding="utf-8", timeout=30)
    child.expect(until if until else pexpect.EOF)
    elapsed = time.perf_counter() - start
    child.terminate(force=True)
    return elapsed


def synthetic_kit(folder: Path, size: int) -> Path:
    """A kit of `size` documents: the bundled ones repeated with new ids, paths unchanged."""
    from coconstruct_cli.loader import bundled_path

    data = json.loads(bundled_path().read_text(encoding="utf-8"))
    base = data["documents"]
    docs = list(base)
    i = 0
    while len(docs) < size:
        copy = dict(base[i % len(base)])
        copy["id"] = f"{copy['id']}-{i}"
        docs.append(copy)
        i += 1
    data["documents"] = docs
    data["choices"] = []
    path = folder / f"kit-{size}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def progress_home(folder: Path, marks: int) -> Path:
    """A KIT_HOME whose state marks `marks` ids read in the bundled kit (its own, then made-up ones)."""
    from coconstruct_cli.loader import bundled_path

    data = json.loads(bundled_path().read_text(encoding="utf-8"))
    ids = [d["id"] for d in data["documents"]]
    ids += [f"document-{i}" for i in range(marks - len(ids))]
    home = folder / f"home-{marks}"
    home.mkdir()
    state = {
        "format": "coconstruct-cli/progress",
        "version": 1,
        "kits": [{"title": data["about"]["title"], "publisher": data["about"]["publisher"], "read": sorted(ids[:marks])}],
    }
    (home / "progress.json").write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
    return home


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--check", action="store_true")
    options = parser.parse_args()

    env = {k: v for k, v in os.environ.items() if not k.startswith(("KIT_", "NO_COLOR"))}
    # An installed package has its byte code compiled; with PYTHONDONTWRITEBYTECODE set (as on this
    # project's machine) an editable install would compile every new module at every start instead.
    import compileall

    import coconstruct_cli

    compileall.compile_dir(str(Path(coconstruct_cli.__file__).parent), quiet=1)
    env["TERM"] = "xterm-256color"
    kit = kit_command()
    py = sys.executable
    tmp = Path(tempfile.mkdtemp(prefix="kit-bench-"))
    baseline = tmp / "baseline.py"
    baseline.write_text(BASELINE, encoding="utf-8")
    big = synthetic_kit(tmp, 10_000)
    empty_home = tmp / "home-empty"
    env["KIT_HOME"] = str(empty_home)  # no case reads or writes the progress of the machine's user
    marked = progress_home(tmp, 10_000)
    toggle = tmp / "home-toggle"
    flips = [0]

    def read_toggling() -> float:
        """`kit read ID` that really writes: marks and unmarks in turn, so that every run changes the state."""
        flips[0] += 1
        args = [kit, "read", "etudes-phare"] + (["--undo"] if flips[0] % 2 == 0 else [])
        return timed(args, env | {"KIT_HOME": str(toggle)})

    help_text = subprocess.run([kit, "--help"], capture_output=True, text=True, check=False).stdout
    has = {name: f" {name} " in help_text or f"│ {name}" in help_text for name in ("guide", "search")}

    cases: dict[str, Callable[[], float]] = {
        "baseline: typer+pydantic app": lambda: timed([py, str(baseline), "show"], env),
        "baseline: python -c 'import typer'": lambda: timed([py, "-c", "import typer"], env),
        "kit --version": lambda: timed([kit, "--version"], env),
        "baseline: python -c pass": lambda: timed([py, "-c", "pass"], env),
        "TAB: kit show rex-s (bash)": lambda: timed([kit], env | TAB_BASH),
        "TAB: kit show animer: (zsh)": lambda: timed([kit], env | TAB_ZSH),
        "kit list --format json": lambda: timed([kit, "list", "--format", "json"], env),
        "kit path animate (piped)": lambda: timed([kit, "path", "animate"], env),
        "kit path animate (terminal)": lambda: timed_pty([kit, "path", "animate"], env),
        "kit list --format json (10,000 docs)": lambda: timed([kit, "list", "--format", "json", "--kit", str(big)], env),
        "kit read ID (writes the state)": read_toggling,
        "kit read ID (already read, 10,000 marks)": lambda: timed([kit, "read", "etudes-phare"], env | {"KIT_HOME": str(marked)}),
        "kit path animate --format json (no progress)": lambda: timed(
            [kit, "path", "animate", "--format", "json"], env | {"KIT_HOME": str(empty_home)}
        ),
        "kit path animate --format json (10,000 marks)": lambda: timed(
            [kit, "path", "animate", "--format", "json"], env | {"KIT_HOME": str(marked)}
        ),
    }
    if has["search"]:
        cases["kit search territoire --format json"] = lambda: timed([kit, "search", "territoire", "--format", "json"], env)
        cases["kit search territoire --format json (10,000 docs)"] = lambda: timed(
            [kit, "search", "territoire", "--format", "json", "--kit", str(big)], env
        )
    if has["guide"]:
        cases["kit guide --role company --goal support --need toolbox --format json"] = lambda: timed(
            [kit, "guide", "--role", "company", "--goal", "support", "--need", "toolbox", "--format", "json"], env
        )
        cases["kit guide ... --situation '…' --format json"] = lambda: timed(
            [kit, "guide", "-r", "company", "-g", "partner", "-n", "toolbox", "-s", GUIDE_SITUATION, "--format", "json"], env
        )
        cases["kit guide: first question visible (terminal)"] = lambda: timed_pty([kit, "guide"], env, "Vous êtes")

    samples: dict[str, list[float]] = {name: [] for name in cases}
    for case in cases.values():  # warm-up: page cache, .pyc files
        case()
    for _ in range(options.runs):
        for name, case in cases.items():
            samples[name].append(case())
    median = {name: statistics.median(values) * 1000 for name, values in samples.items()}

    print(f"{'case':58} {'median ms':>10} {'min ms':>8}")
    for name, values in samples.items():
        print(f"{name:58} {median[name]:10.1f} {min(values) * 1000:8.1f}")

    base = median["baseline: typer+pydantic app"]
    typer_only = median["baseline: python -c 'import typer'"]
    targets = [
        ("kit list --format json <= 1.25x baseline", median["kit list --format json"] / base, 1.25),
        ("kit path animate (piped) <= 1.5x baseline", median["kit path animate (piped)"] / base, 1.5),
        ("kit --version <= 1.3x import typer", median["kit --version"] / typer_only, 1.3),
        (
            "list json 10,000 docs <= 3x bundled",
            median["kit list --format json (10,000 docs)"] / median["kit list --format json"],
            3.0,
        ),
    ]
    bare = median["baseline: python -c pass"]
    targets += [
        ("TAB (bash) <= 50 ms", median["TAB: kit show rex-s (bash)"] / 50, 1.0),
        ("TAB (bash) <= 4x python -c pass", median["TAB: kit show rex-s (bash)"] / bare, 4.0),
        ("TAB (zsh) <= 4x python -c pass", median["TAB: kit show animer: (zsh)"] / bare, 4.0),
    ]
    marks, no_marks = "kit path animate --format json (10,000 marks)", "kit path animate --format json (no progress)"
    added_by_marks = median[marks] - median[no_marks]
    targets += [
        ("kit read ID (writes) <= 1.2x baseline", median["kit read ID (writes the state)"] / base, 1.2),
        ("kit read ID (10,000 marks) <= 1.2x baseline", median["kit read ID (already read, 10,000 marks)"] / base, 1.2),
        (
            "path json: 10,000 marks add <= 5 ms",
            added_by_marks / 5,
            1.0,
        ),
    ]
    if has["search"]:
        targets += [
            (
                "search json <= 1.25x list json",
                median["kit search territoire --format json"] / median["kit list --format json"],
                1.25,
            ),
            (
                "search json 10,000 docs <= 3x bundled",
                median["kit search territoire --format json (10,000 docs)"] / median["kit search territoire --format json"],
                3.0,
            ),
        ]
    if has["guide"]:
        targets += [
            (
                "guide --format json <= 1.5x baseline",
                median["kit guide --role company --goal support --need toolbox --format json"] / base,
                1.5,
            ),
            (
                "guide --situation json <= 1.3x list json",
                median["kit guide ... --situation '…' --format json"] / median["kit list --format json"],
                1.3,
            ),
            ("guide first question <= 0.4 s", median["kit guide: first question visible (terminal)"] / 400, 1.0),
        ]
    print()
    print(f"{'target':58} {'ratio':>10} {'limit':>8}")
    missed = 0
    for label, ratio, limit in targets:
        ok = ratio <= limit
        missed += not ok
        print(f"{label:58} {ratio:10.2f} {limit:8.2f}  {'ok' if ok else 'MISSED'}")
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if options.check and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
