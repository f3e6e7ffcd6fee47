"""The libraries whose private parts `kit` uses, and the versions the tests prove it works with.

Every private name `kit` takes from a library is taken in one module of this package, and nowhere else:
`compat.typer` (Typer's vendored click, `typer._click`, and `typer._coercion`), `compat.rich` (`rich._wrap`)
and `compat.questionary` (`questionary.prompts.common`); tests/compat/ checks each name and its shape, one
test per name. A release may move or change them.

The bounds in pyproject.toml are the versions `.ci/run` tests (the lowest the bounds allow, by a
lowest-direct resolution, and the highest installed); when a run fails on one of these packages'
private parts, `explain` says so in one sentence naming the package, its installed version and the
versions tested, instead of a traceback or an unexplained internal error.

This module imports nothing but the standard library and the catalogue: it is used before Typer can be
imported.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

# Keep in step with pyproject.toml's bounds (tests/cli/test_compat.py checks it).
TESTED = {"typer": ("0.29.0", "0.29.2", ">=0.29.0,<0.30"), "rich": ("14.0.0", "15.0.0", ">=14,<16")}


def installed(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "?"


def culprit(exc: BaseException) -> tuple[str, str] | None:
    """(package, what is missing or failed) when `exc` comes from a private part of a package of TESTED."""
    name = getattr(exc, "name", None) if isinstance(exc, ImportError) else None
    if isinstance(name, str) and name.split(".")[0] in TESTED:
        symbol = getattr(exc, "name_from", None)  # « cannot import name X from typer._click » (3.12+)
        return name.split(".")[0], f"{name}.{symbol}" if symbol else name
    # Raised inside the package's own code (a changed signature, a removed attribute): its innermost frame.
    # Only the innermost frame counts: every command runs under Typer, so an error of `kit`'s own code (or
    # of a test's scripted user) has Typer's frames further out, and is not Typer's.
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return None
    parts = Path(frames[-1].filename).parts
    for before, package in zip(parts, parts[1:], strict=False):
        if before in ("site-packages", "dist-packages") and package in TESTED:
            return package, f"{package} ({type(exc).__name__})"
    return None


def explain(exc: BaseException) -> str | None:
    """One sentence for a failure in a tested package's private parts, None for anything else."""
    found = culprit(exc)
    if found is None:
        return None
    from ..i18n import t

    package, missing = found
    low, high, bounds = TESTED[package]
    return t("err.incompatible", package=package, version=installed(package), missing=missing, low=low, high=high, bounds=bounds)


def fail_to_start(exc: BaseException) -> None:
    """`kit` could not even be imported: tell why in one sentence (exit 70) when a tested package is the cause."""
    from .. import i18n

    message = explain(exc)
    if message is None:
        raise exc
    i18n.set_lang(i18n.choose_language(sys.argv[1:]))
    message = explain(exc) or message
    prefix = i18n.colon(i18n.t("err.prefix"))
    try:
        sys.stderr.write(f"{prefix} {message}\n")
        sys.stderr.flush()
    except (OSError, AttributeError, ValueError):
        pass
    raise SystemExit(70)
