"""`files`: the bounded reader (`read_limited`), and `write_file`:
 atomic, never over a file without --force, never over anything but a file or a link,
a clear `OutputError` for every bad name or folder, and no temporary file left by SIGTERM or SIGHUP."""

from __future__ import annotations

import io
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coconstruct_cli.errors import ExitCode, InputFileError, OutputError
from coconstruct_cli.files import read_limited, write_file

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".kit-"))


def refused(text: str, path: Path | str, force: bool = False) -> str:
    with pytest.raises(OutputError) as caught:
        write_file(text, path, force)
    assert caught.value.exit_code == ExitCode.OUTPUT
    return caught.value.message


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process's umask for the test; the previous one is restored after it."""
    old = os.umask(0o022)
    os.umask(old)

    def set_mask(mask: int) -> None:
        os.umask(mask)

    yield set_mask
    os.umask(old)


def test_writes_atomically_with_the_umask(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], umask: Callable[[int], None]
) -> None:
    target = tmp_path / "plan.md"
    umask(0o027)
    write_file("# Plan\n", target, force=False)
    assert target.read_text(encoding="utf-8") == "# Plan\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert leftovers(tmp_path) == []


def test_bom_for_spreadsheets(tmp_path: Path) -> None:
    write_file("a,b\r\n", tmp_path / "t.csv", force=False, bom=True)
    assert (tmp_path / "t.csv").read_bytes() == b"\xef\xbb\xbfa,b\r\n"


def test_never_replaces_without_force(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("mine", encoding="utf-8")
    assert "existe déjà" in refused("new", target)
    assert target.read_text(encoding="utf-8") == "mine"
    dangling = tmp_path / "link.md"
    dangling.symlink_to(tmp_path / "nowhere.md")
    assert "existe déjà" in refused("new", dangling)
    assert dangling.is_symlink() and not (tmp_path / "nowhere.md").exists()
    assert leftovers(tmp_path) == []


def test_force_replaces_a_file_and_a_link_not_what_it_points_to(tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    target.write_text("old", encoding="utf-8")
    write_file("new", target, force=True)
    assert target.read_text(encoding="utf-8") == "new"
    precious = tmp_path / "precious.txt"
    precious.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(precious)
    write_file("new", link, force=True)
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"
    assert precious.read_text(encoding="utf-8") == "keep"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_force_keeps_the_replaced_file_s_permissions(mode: int, tmp_path: Path, umask: Callable[[int], None]) -> None:
    target = tmp_path / "private.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(mode)
    umask(0o022)
    write_file("new", target, force=True)
    assert target.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_kit_list_force_over_a_private_file_leaves_it_private(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from conftest import invoke

    target = tmp_path / "private.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    code, _, err = invoke(CliRunner(), "list", "-o", str(target), "--force")
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("#")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_force_refuses_a_fifo_and_a_socket(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "n'est pas un fichier ordinaire" in refused("x", fifo, force=True)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    sock_path = tmp_path / "sock"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        assert "--force ne remplace que des fichiers" in refused("x", sock_path, force=True)
        assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(not IS_ROOT, reason="only root can make a device node")
def test_force_refuses_a_device(tmp_path: Path) -> None:
    null = tmp_path / "null"
    os.mknod(null, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    assert "n'est pas un fichier ordinaire" in refused("x", null, force=True)
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_folder_is_never_a_target(tmp_path: Path) -> None:
    (tmp_path / "plans").mkdir()
    for force in (False, True):
        assert "est un dossier" in refused("x", tmp_path / "plans", force=force)
    assert "est un dossier" in refused("x", ".")


@pytest.mark.parametrize("name", ["missing/", "plans/", "missing//"])
def test_a_trailing_slash_names_a_folder_never_a_file(tmp_path: Path, name: str) -> None:
    (tmp_path / "plans").mkdir()
    message = refused("x", name, force=True)
    assert "finit par «\u00a0/\u00a0»" in message
    assert not (tmp_path / "missing").exists()
    assert (tmp_path / "plans").is_dir() and list((tmp_path / "plans").iterdir()) == []


def test_a_missing_folder_or_a_file_as_folder(tmp_path: Path) -> None:
    message = refused("x", tmp_path / "missing" / "plan.md")
    assert "le dossier" in message and "n'existe pas" in message and "missing" in message
    assert not (tmp_path / "missing").exists()
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    assert "un élément du chemin n'est pas un dossier" in refused("x", tmp_path / "file.txt" / "plan.md")


@pytest.mark.parametrize("size", [242, 249, 250, 254, 255])
def test_legal_long_names_work(tmp_path: Path, size: int) -> None:
    target = tmp_path / ("p" * (size - 3) + ".md")
    assert len(os.fsencode(target.name)) == size
    write_file("# Plan\n", target, force=False)
    assert target.read_text(encoding="utf-8") == "# Plan\n"
    write_file("# Plan 2\n", target, force=True)
    assert target.read_text(encoding="utf-8") == "# Plan 2\n"
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("name", ["p" * 253 + ".md", "é" * 128 + ".md", "x" * 4000])
def test_names_over_name_max_are_a_message(tmp_path: Path, name: str) -> None:
    message = refused("x", tmp_path / name)
    assert "est trop long" in message and "au plus\u00a0255" in message
    assert f"{len(os.fsencode(name))} octets" in message
    assert list(tmp_path.iterdir()) == []


def test_a_path_over_path_max_is_a_message(tmp_path: Path) -> None:
    deep = "/".join(["d" * 200] * 25) + "/plan.md"
    assert "nom trop long" in refused("x", tmp_path / deep)


@pytest.mark.parametrize("name", ["plan\x00.md", "plan\udcff\ud800.md"])
def test_names_the_system_cannot_take(tmp_path: Path, name: str) -> None:
    assert "octet nul" in refused("x", tmp_path / name)
    assert list(tmp_path.iterdir()) == []


def test_text_that_is_not_unicode(tmp_path: Path) -> None:
    assert "pas de l'Unicode valide" in refused("territoire\udcff", tmp_path / "plan.md")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_searched_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_lstat = os.lstat

    def lstat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(path).startswith(str(tmp_path / "locked")):
            raise PermissionError(13, "Permission denied", str(path))
        return real_lstat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "lstat", lstat)
    assert "permission refusée" in refused("x", tmp_path / "locked" / "plan.md")


@pytest.mark.skipif(IS_ROOT, reason="root searches any folder")
def test_a_folder_that_cannot_be_searched(tmp_path: Path) -> None:  # pragma: no cover - CI runs as root
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o600)
    try:
        assert "permission refusée" in refused("x", locked / "plan.md")
    finally:
        locked.chmod(0o700)


def test_without_hard_links_it_still_never_replaces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_link(*args: object, **kwargs: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_link)
    target = tmp_path / "plan.md"
    write_file("one", target, force=False)
    assert target.read_text(encoding="utf-8") == "one"
    assert "existe déjà" in refused("two", target)
    assert leftovers(tmp_path) == []


def test_a_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    assert "plus de place sur le disque" in refused("x" * 100_000, tmp_path / "plan.md")
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def handlers() -> Iterator[None]:
    """SIGTERM and SIGHUP at their defaults for the test (a runner under `nohup` ignores SIGHUP), then restored."""
    saved = {s: signal.getsignal(s) for s in (signal.SIGTERM, signal.SIGHUP)}
    for s in saved:
        signal.signal(s, signal.SIG_DFL)
    yield
    for s, handler in saved.items():
        signal.signal(s, handler)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_the_write_removes_the_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handlers: None, signum: int
) -> None:
    before = signal.getsignal(signum)
    seen: list[str] = []

    def killed(fd: int) -> None:
        seen.extend(leftovers(tmp_path))  # the temporary file exists at this point…
        os.kill(os.getpid(), signum)  # …and the signal arrives before the data is synced

    monkeypatch.setattr(os, "fsync", killed)
    with pytest.raises(SystemExit) as caught:
        write_file("x" * 1_000_000, tmp_path / "plan.md", force=False)
    assert caught.value.code == 128 + signum
    assert len(seen) == 1
    assert list(tmp_path.iterdir()) == []
    assert signal.getsignal(signum) is before


def test_an_ignored_signal_stays_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handlers: None) -> None:
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # nohup
    real_fsync = os.fsync

    def hangup(fd: int) -> None:
        os.kill(os.getpid(), signal.SIGHUP)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", hangup)
    write_file("x", tmp_path / "plan.md", force=False)
    assert (tmp_path / "plan.md").read_text(encoding="utf-8") == "x"
    assert signal.getsignal(signal.SIGHUP) is signal.SIG_IGN


def test_sigterm_in_a_real_process_exits_143_and_leaves_nothing(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, signal, sys
        from coconstruct_cli.files import write_file
        def fsync(fd):
            os.kill(os.getpid(), signal.SIGTERM)
        os.fsync = fsync
        write_file("x" * 8_000_000, sys.argv[1], force=False)
        print("not reached")
        """
    )
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "plan.md")], capture_output=True, text=True, timeout=60)
    assert done.returncode == 143, done.stderr
    assert "Traceback" not in done.stderr and "not reached" not in done.stdout
    assert list(tmp_path.iterdir()) == []


def test_names_in_messages_are_safe_and_a_dash_is_a_file(tmp_path: Path) -> None:
    hostile = tmp_path / "\x1b]0;pwned\x07\u202eplan.md"
    hostile.write_text("x", encoding="utf-8")
    message = refused("y", hostile)
    assert "\x1b" not in message and "\u202e" not in message and "pwned" in message
    write_file("x", "-", force=False)
    assert (tmp_path / "-").read_text(encoding="utf-8") == "x"
    assert "Le fichier - existe déjà" in refused("y", "-")


def test_a_signal_as_the_temporary_file_is_created(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, handlers: None) -> None:
    real_open = os.open

    def open_then_killed(path: str, flags: int, mode: int = 0o777) -> int:
        fd = real_open(path, flags, mode)
        os.kill(os.getpid(), signal.SIGTERM)  # held back until the file is recorded for clean-up
        return fd

    monkeypatch.setattr(os, "open", open_then_killed)
    with pytest.raises(SystemExit) as caught:
        write_file("x", tmp_path / "plan.md", force=False)
    assert caught.value.code == 143
    assert list(tmp_path.iterdir()) == []


def test_a_file_created_by_another_program_during_the_write_is_never_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coconstruct_cli import files as output

    target = tmp_path / "plan.md"
    real = output._write_all

    def racing(fd: int, data: bytes) -> None:
        real(fd, data)
        target.write_text("theirs", encoding="utf-8")  # another program, between the check and the link

    monkeypatch.setattr(output, "_write_all", racing)
    assert "existe déjà" in refused("mine", target)
    assert target.read_text(encoding="utf-8") == "theirs"
    assert leftovers(tmp_path) == []


# --- the bounded reader ---


def test_read_limited_reads_a_regular_file_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, 10) == b"x" * 10
    with pytest.raises(InputFileError, match="il dépasse 9 octets"):
        read_limited(path, 9)
    with pytest.raises(IsADirectoryError):
        read_limited(tmp_path, 10)
    with pytest.raises(FileNotFoundError):
        read_limited(tmp_path / "absent", 10)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_read_limited_refuses_devices_without_reading(device: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if not Path(device).exists():  # pragma: no cover
        pytest.skip(f"no {device}")

    def no_read(fd: int, size: int) -> bytes:  # pragma: no cover - the point is that it is never called
        raise AssertionError("a device was read")

    monkeypatch.setattr(os, "read", no_read)
    with pytest.raises(InputFileError, match="pas un fichier ordinaire"):
        read_limited(device, 1024)


def test_read_limited_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # Run with an alarm: a blocking open would otherwise hang the suite.
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("blocked on a FIFO with no writer"))
    signal.alarm(5)
    try:
        with pytest.raises(InputFileError, match="pas un fichier ordinaire"):
            read_limited(fifo, 1024)
        # Swapped for a FIFO between the stat and the open: the opened file is checked too.
        real_stat = Path.stat
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(Path, "stat", lambda self, **kw: real_stat(tmp_path / "regular", **kw))
            (tmp_path / "regular").write_bytes(b"{}")
            with pytest.raises(InputFileError, match="pas un fichier ordinaire"):
                read_limited(fifo, 1024)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)


class EndlessStdin:
    """A standard input that never ends (`kit validate - < /dev/zero`)."""

    def __init__(self) -> None:
        self.served = 0

    def read(self, size: int = -1) -> bytes:
        assert size > 0, "an unbounded read of standard input"
        self.served += size
        return b"\0" * size


def test_standard_input_is_bounded_too(monkeypatch: pytest.MonkeyPatch) -> None:
    endless = EndlessStdin()
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=endless))
    with pytest.raises(InputFileError, match="il dépasse 1000 octets"):
        read_limited("-", 1000)
    assert endless.served == 1001
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(b"{}")))
    assert read_limited("-", 1000) == b"{}"
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputFileError, match="l'entrée standard est fermée"):
        read_limited("-", 1000)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(min_value=0, max_value=3000), limit=st.integers(min_value=0, max_value=3000))
def test_read_limited_returns_exactly_what_fits(tmp_path: Path, size: int, limit: int) -> None:
    path = tmp_path / "f.bin"
    path.write_bytes(bytes(range(256)) * (size // 256) + bytes(size % 256))
    if size <= limit:
        assert read_limited(path, limit) == path.read_bytes()
    else:
        with pytest.raises(InputFileError):
            read_limited(path, limit)


def test_a_file_that_grows_after_the_stat_is_still_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "growing.json"
    path.write_bytes(b"x" * 5000)
    empty = tmp_path / "empty"
    empty.write_bytes(b"")
    real_stat, real_read = Path.stat, os.read
    asked: list[int] = []

    def counted_read(fd: int, size: int) -> bytes:
        asked.append(size)
        return real_read(fd, size)

    monkeypatch.setattr(Path, "stat", lambda self, **kw: real_stat(empty, **kw))  # st_size 0, as /proc files say
    monkeypatch.setattr(os, "read", counted_read)
    with pytest.raises(InputFileError, match="il dépasse 1000 octets"):
        read_limited(path, 1000)
    assert sum(asked) == 1001
