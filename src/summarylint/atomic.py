"""Writing files so that a crash or an interrupt leaves either the old content or the new one.

``write_atomically`` writes a new file (reviewed copies, the dictionary cache): a temporary file
beside the target, flushed to disk, then renamed over it.

``rewrite`` puts fixed content into an existing file the user owns a copy of (``--fix``): it
writes through a symbolic link to the file it points at, keeps hard links (such a file is
rewritten in place), keeps the permission bits and, where the process may, the owner; it refuses
a read-only file and a file changed since it was read.  Ctrl-C and SIGTERM are held back while a
file is being written and take effect once it is complete, so an interrupt never leaves half a
file or a temporary file behind.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

_HELD = tuple(s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None)


class WriteRefused(Exception):
    """A file ``rewrite`` will not touch; the message says why (in Chinese) without the path."""


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """Hold back Ctrl-C and SIGTERM for the duration; they are delivered at the end."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def write_atomically(
    target: Path, data: bytes, *, mode: int | None = None, owner: tuple[int, int] | None = None
) -> None:
    """Write ``data`` to a temporary file beside ``target``, flush it to disk, then rename it over
    ``target``; ``mode`` sets the new file's permission bits and ``owner`` its owner and group
    (kept only where the process may set them)."""
    with signals_held():
        fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                if owner is not None and hasattr(os, "fchown"):
                    with contextlib.suppress(OSError):
                        os.fchown(fh.fileno(), *owner)
                os.fsync(fh.fileno())
            if mode is not None:
                os.chmod(temp, stat.S_IMODE(mode))
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def _write_in_place(target: Path, data: bytes) -> None:
    fd = os.open(target, os.O_WRONLY)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def file_identity(st: os.stat_result) -> tuple[int, int, int, int]:
    """What tells that a file was changed: device, inode, size and modification time."""
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def rewrite(
    path: Path,
    data: bytes,
    *,
    expected: tuple[int, int, int, int] | None = None,
    written: Callable[[], None] | None = None,
) -> None:
    """Replace the content of the existing file ``path`` (through a symbolic link) with ``data``.

    ``expected`` is the :func:`file_identity` of the file when it was read: a file changed since is
    refused.  ``written`` is called as soon as the file holds the new content, before a held-back
    interrupt is delivered.  Raises :class:`WriteRefused` or :class:`OSError`.
    """
    target = Path(os.path.realpath(path))
    st = target.stat()
    if not stat.S_ISREG(st.st_mode):
        raise WriteRefused("不是普通文件，未写入修复结果")
    if expected is not None and file_identity(st) != expected:
        raise WriteRefused("文件在检查期间被修改，未写入修复结果（请重新运行）")
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK):
        raise WriteRefused("文件是只读的，未写入修复结果")
    with signals_held():
        if st.st_nlink > 1:
            # A file with several names: renaming a new file over one name would cut it off from
            # the others, so the content is written into the file itself.
            _write_in_place(target, data)
        else:
            write_atomically(target, data, mode=st.st_mode, owner=(st.st_uid, st.st_gid))
        if written is not None:
            written()
