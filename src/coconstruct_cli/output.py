"""Writing a result to a file: atomically, never replacing a file unless asked."""

from __future__ import annotations

import os
from pathlib import Path

from .errors import OutputError
from .i18n import os_reason, t


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_file(text: str, path: Path, force: bool, bom: bool = False) -> None:
    """Write `text` to `path` atomically; refuse to replace an existing file unless `force`."""
    target = Path(path)
    if target.exists() and not force:
        raise OutputError(t("err.output_exists", path=target))
    if target.is_dir():
        raise OutputError(t("err.output_write", path=target, reason=t("err.kit_is_dir", path=target)))
    parent = target.parent
    try:
        import tempfile  # only when a file is written: it costs ~2 ms of start-up

        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(t("err.output_write", path=target, reason=os_reason(exc))) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp creates 0600; a saved plan is an ordinary file, readable as the umask allows.
        tmp.chmod(0o666 & ~_umask())
        if force:
            tmp.replace(target)
        else:
            # A hard link fails if the target appeared meanwhile, so nothing is ever replaced by accident.
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise OutputError(t("err.output_exists", path=target)) from None
            except OSError:
                if target.exists():
                    raise OutputError(t("err.output_exists", path=target)) from None
                tmp.replace(target)
    except OSError as exc:
        raise OutputError(t("err.output_write", path=target, reason=os_reason(exc))) from None
    finally:
        tmp.unlink(missing_ok=True)
