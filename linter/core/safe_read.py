"""Read a file to lint without ever blocking on something that is not a regular file.

A FIFO named `x.xml` would block `open()` until a writer appears, and `/dev/zero`
would be read forever. Opening non-blocking and checking the type with `fstat` on
the opened descriptor (no race between check and read) turns both into an error
that the engine reports as IO001, like any other unreadable file.
"""

from __future__ import annotations

import errno
import os
import stat

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def read_regular_file(path: str) -> bytes:
    """The whole content of a regular file; OSError (with a readable strerror) otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            kind = next((label for test, label in _KINDS if test(mode)), "a special file")
            raise OSError(errno.EINVAL, f"not a regular file ({kind})", path)
        handle = os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
    with handle:
        return handle.read()
