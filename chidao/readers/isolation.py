"""Run a function in forked child processes with a memory cap and a deadline.

One child a job, each started with `fork` (so the arguments are inherited, not pickled) and
answering through a pipe; a child that exhausts its memory, raises, dies or outlives the
deadline costs one `WorkerFailed`, never the caller's process. Plain processes rather than a
`multiprocessing.Pool`: the pool's queues and three helper threads cost ~25 ms of CPU a read
(measured with two jobs that do nothing: 11 + 14 ms for the pool, 3.5 + 7 ms this way),
which is most of the cost of reading a one-page letter.
"""

from __future__ import annotations

import contextlib
import ctypes
import faulthandler
import multiprocessing as mp
import os
import resource
import signal
import time
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from typing import Any, TypeVar

T = TypeVar("T")

# Set in a process that already runs under `enter_worker`'s limits: its own jobs run inline.
_inside_worker = False


class WorkerFailed(Exception):
    """A child did not return: `kind` is "memory", "timeout", "error" or "died"."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail


def run_isolated(function: Callable[..., T], jobs: Sequence[tuple[Any, ...]], memory_mb: int,
                 timeout: float, meanwhile: Callable[[], None] = lambda: None) -> list[T]:
    """Return `function(*job)` for each job, each computed in a child process of its own.

    `meanwhile` runs in the parent while the children work; if it raises, they are killed
    and its exception propagates. In a process that is itself a worker (`enter_worker`), the
    jobs run one after another in it: its memory cap holds already, and its parent keeps the
    deadline.
    Raises:
        WorkerFailed: a child ran out of memory, raised, died or missed the deadline.
    """
    if _inside_worker:
        return _run_inline(function, jobs, meanwhile)
    ctx = mp.get_context("fork")  # not spawn: it would re-import the caller's __main__
    children: list[tuple[Any, Connection]] = []
    try:
        for job in jobs:
            receive, send = ctx.Pipe(duplex=False)
            child = ctx.Process(target=_child, args=(send, function, job, memory_mb), daemon=True)
            child.start()
            send.close()
            children.append((child, receive))
        meanwhile()
        deadline = time.monotonic() + timeout
        return [_answer(child, receive, deadline) for child, receive in children]
    finally:
        for child, receive in children:
            receive.close()
            if child.is_alive():
                child.kill()
            child.join()


def _answer(child: Any, receive: Connection, deadline: float) -> Any:
    if not receive.poll(max(0.0, deadline - time.monotonic())):
        raise WorkerFailed("timeout")
    try:
        status, payload = receive.recv()
    except EOFError:
        child.join(5)
        raise WorkerFailed("died", f"exit code {child.exitcode}") from None
    if status != "ok":
        raise WorkerFailed(status, payload)
    return payload


def _run_inline(function: Callable[..., T], jobs: Sequence[tuple[Any, ...]],
                meanwhile: Callable[[], None]) -> list[T]:
    meanwhile()
    try:
        return [function(*job) for job in jobs]
    except MemoryError:
        raise WorkerFailed("memory") from None
    except Exception as err:  # noqa: BLE001 - the same report a child's failure gives
        raise WorkerFailed("error", f"{type(err).__name__}: {err}") from None


def enter_worker(memory_mb: int) -> None:
    """Make this (forked) process a worker: capped memory, no traceback dumps, jobs inline.

    pdfium aborts when a hostile file exhausts the memory limit; the parent reports that
    death by the file's name, so a traceback dump inherited from the parent is only noise.
    """
    global _inside_worker
    faulthandler.disable()
    limit = memory_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    _inside_worker = True


def die_with_parent(parent: int) -> None:
    """Have Linux kill this process when its parent dies (even by SIGKILL); elsewhere, no-op.

    Linux ties this to the parent *thread* that forked: started from a thread that ends
    early, the child ends with it.
    """
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(0)


def _child(send: Connection, function: Callable[..., Any], job: tuple[Any, ...], memory_mb: int) -> None:
    enter_worker(memory_mb)
    try:
        answer: tuple[str, Any] = ("ok", function(*job))
    except MemoryError:
        answer = ("memory", "")
    except Exception as err:  # noqa: BLE001 - reported to the parent, which names the file
        answer = ("error", f"{type(err).__name__}: {err}")
    try:
        send.send(answer)
    except MemoryError:
        send.send(("memory", "the answer did not fit"))
    send.close()
    # Skip the interpreter's teardown: whatever the job left open dies with the process.
    os._exit(0)
