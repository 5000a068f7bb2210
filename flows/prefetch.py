"""Extract a run's documents in a forked process, ahead of the task runs that store them.

`chidao ingest` with one worker spends its process's CPU on two things: extracting
documents, and Prefect's bookkeeping (task-run states, events, results on disk) with the
store's writes. In one process they add up, and the flow was a quarter slower than
`chidao extract` on the same files even on an idle machine (bench/README.md, issue 4).
Here a child forked once the model is loaded extracts the documents in the order the task
runs will ask for them, while the flow's own process does Prefect's work and the storing —
on the other core, which otherwise only waits for Prefect's server.

The child sends each result through a pipe; a thread of the flow process receives them, so
the child never waits for a task run. A task run takes its documents with `take`; anything
the child could not give (it died, or met something other than a bad document) comes back
as `None` and the task run extracts that document itself, with its usual retries and
failure records. The flow stays correct without this: it only moves work earlier.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Sequence
from contextvars import ContextVar
from multiprocessing.connection import Connection
from typing import Any

from chidao.errors import ChidaoError
from chidao.readers.isolation import die_with_parent
from chidao.records import Extraction
from flows.files import Candidate

# Results held before the receiving thread stops reading (texts included: ≈ 10–40 kB each),
# so that a flow slowed down by its server cannot fill the memory.
HELD_LIMIT = 500

Prefetched = Extraction | ChidaoError


def extract_ahead(todo: Sequence[Candidate]) -> Prefetcher:
    """Start extracting `todo` in a child process for this context's task runs; stop it after the run.

    Call it once the model is loaded and before Prefect is imported: the child is forked, and
    must neither load the model again nor inherit Prefect's threads.
    """
    prefetcher = Prefetcher(todo).start()
    _CURRENT.set(prefetcher)
    return prefetcher


def take_ahead(sha256: str) -> Prefetched | None:
    """Return what the context's prefetcher extracted for `sha256` (None: extract it yourself)."""
    prefetcher = _CURRENT.get()
    return prefetcher.take(sha256) if prefetcher else None


class Prefetcher:
    """A child process extracting `todo` in order; `take(sha)` hands each result over once."""

    def __init__(self, todo: Sequence[Candidate], limit: int = HELD_LIMIT) -> None:
        self._order = {c.sha256: i for i, c in enumerate(todo)}
        self._todo = list(todo)
        self._limit = limit
        self._ready: dict[str, Prefetched] = {}
        self._received = -1  # position in `todo` of the last result received
        self._finished = False
        self._changed = threading.Condition()
        self._process: Any = None
        self._thread: threading.Thread | None = None

    def start(self) -> Prefetcher:
        ctx = mp.get_context("fork")  # the child inherits the loaded model instead of loading it
        receive, send = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_extract_all, args=(self._todo, send, os.getpid()),
                                    daemon=True, name="chidao-prefetch")
        self._process.start()
        send.close()
        self._thread = threading.Thread(target=self._receive, args=(receive,), daemon=True,
                                        name="chidao-prefetch-receiver")
        self._thread.start()
        return self

    def take(self, sha256: str) -> Prefetched | None:
        """Return the child's result for `sha256`, waiting for it; None if it will not come.

        Results before `sha256` in the run's order that nobody took are dropped: task runs
        ask in order, so those belong to batches Prefect skipped (cached) or already retried.
        """
        position = self._order.get(sha256)
        if position is None:
            return None
        with self._changed:
            while True:
                # dropped before waiting too: a full store of skipped results would otherwise
                # stop the receiving thread before the wanted one arrives
                for sha in [s for s in self._ready if self._order[s] < position]:
                    del self._ready[sha]
                    self._changed.notify_all()
                if sha256 in self._ready or self._received >= position or self._finished:
                    break
                self._changed.wait()
            found = self._ready.pop(sha256, None)
            self._changed.notify_all()
            return found

    def held(self) -> int:
        """Return how many results wait to be taken."""
        with self._changed:
            return len(self._ready)

    def stop(self) -> None:
        """End the child (if still extracting) and the receiving thread."""
        if self._process is not None and self._process.is_alive():
            self._process.kill()
        if self._process is not None:
            self._process.join()
        with self._changed:
            self._finished = True
            self._ready.clear()
            self._changed.notify_all()
        if self._thread is not None:
            self._thread.join(5)

    def _receive(self, receive: Connection) -> None:
        try:
            while True:
                with self._changed:
                    while len(self._ready) >= self._limit and not self._finished:
                        self._changed.wait()
                    if self._finished:
                        return
                try:
                    message = receive.recv()
                except (EOFError, OSError):
                    return
                if message is None:
                    return
                sha, result = message
                with self._changed:
                    self._received = self._order[sha]
                    if result is not None:
                        self._ready[sha] = result
                    self._changed.notify_all()
        finally:
            receive.close()
            with self._changed:
                self._finished = True
                self._changed.notify_all()


def _extract_all(todo: list[Candidate], send: Connection, parent: int) -> None:
    """The child: read the documents (side by side), extract each and send (sha, result)."""
    die_with_parent(parent)  # its task runs extract what it could not give
    # It starts reader processes (`read_many`), which a daemonic process may not: it ends
    # by `os._exit` and with its parent anyway, so the flag only stood in the way.
    mp.current_process().daemon = False
    from chidao.api import extract_source
    from chidao.readers.many import read_many

    try:
        for candidate, (_, outcome) in zip(todo, read_many([c.path for c in todo]), strict=True):
            result: Prefetched | None
            try:
                # a bad document: the task run records its error as it would its own
                result = outcome if isinstance(outcome, ChidaoError) else extract_source(outcome)
            except ChidaoError as err:
                result = err
            except Exception:  # noqa: BLE001 - an extractor bug: the task run tries again
                result = None
            send.send((candidate.sha256, result))
        send.send(None)
    except BaseException:  # noqa: BLE001, S110 - the parent closed the pipe or was interrupted
        pass
    os._exit(0)


# A context variable, not a global: the thread-pool task runner copies the context into its
# task threads, while task runs in other processes (worker pools, Dask) find nothing here.
_CURRENT: ContextVar[Prefetcher | None] = ContextVar("chidao_prefetch", default=None)
