"""Prefect's temporary local server, started by `chidao ingest` itself and early.

Without `PREFECT_API_URL` Prefect starts the same server (uvicorn serving
`prefect.server.api.server:create_app`, no UI) when the flow first needs its API. Doing
that ourselves pays off twice (measured in bench/README.md):

- Prefect's own start-up imports the whole server application into the flow's process
  just to launch the subprocess (≈ 7 s of CPU on the build machine, for nothing);
- we start it as soon as we know there is work, so it boots while this process loads
  Prefect and the extraction models instead of after.

The server dies with us: it watches a pipe from this process and exits when the pipe
closes, so even `kill -9` of `chidao ingest` leaves no server behind.

Nothing here imports Prefect: importing it would read Prefect's settings before
`PREFECT_API_URL` points at this server.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

from chidao.errors import ChidaoError

STARTUP_TIMEOUT_S = 180.0  # a busy 2-core machine can take a minute; Prefect's own default is 20 s
_ATTEMPTS = 3  # another program can take the chosen port before the server binds it


# What Prefect sets for its own temporary server, and what a server living for one run
# does not need: automations (the triggers and actions services), re-registering every
# block type at start-up (it imports every installed Prefect collection), and the event
# persister, which writes every event to the database for the UI's event feed — a UI this
# server does not serve. Its loops and the event trimming it schedules at start-up cost
# ≈ 50 ms of CPU a second while idle (19 instead of 69 without it; bench/README.md).
# Flow and task runs are still recorded (the task-run recorder stays on).
SERVER_SETTINGS = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
                   "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
                   "PREFECT_API_BLOCKS_REGISTER_ON_START": "false",
                   "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_ENABLED": "false"}


class ServerStartError(ChidaoError):
    code = "E501"


def configured_api_url(cwd: Path | None = None) -> str | None:
    """Return the Prefect API URL the user configured, if any, without importing Prefect.

    Prefect reads, in order of precedence: the environment, `prefect.toml` /
    `pyproject.toml [tool.prefect]` in the working folder, and the active profile in
    `$PREFECT_HOME/profiles.toml`. A URL in any of them means a long-lived server to use.
    """
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    here = cwd or Path.cwd()
    for path, keys in ((here / "prefect.toml", ("api", "url")),
                       (here / "pyproject.toml", ("tool", "prefect", "api", "url"))):
        found = _lookup(_toml(path), keys)
        if found:
            return found
    home = Path(os.environ.get("PREFECT_HOME", Path.home() / ".prefect")).expanduser()
    profiles = _toml(Path(os.environ.get("PREFECT_PROFILES_PATH", home / "profiles.toml")).expanduser())
    active = os.environ.get("PREFECT_PROFILE") or profiles.get("active", "ephemeral")
    found = _lookup(profiles, ("profiles", active, "PREFECT_API_URL"))
    return found or None


class TemporaryServer:
    """A Prefect API server for this process only: `start()` returns at once, `wait()` until it answers."""

    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._attempt = 0

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def start(self) -> TemporaryServer:
        self._attempt += 1
        self.port = _free_port()
        env = {**os.environ, **SERVER_SETTINGS}
        env.pop("PREFECT_API_URL", None)
        # stdin is the lifeline: the server exits when it closes (see `_serve`).
        self.process = subprocess.Popen([sys.executable, "-m", "flows.server", str(self.port)],
                                        stdin=subprocess.PIPE, env=env)
        return self

    def wait(self, timeout: float = STARTUP_TIMEOUT_S) -> None:
        """Block until the server answers its health check.

        Raises:
            ServerStartError: the server exited or did not answer within `timeout` seconds.
        """
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.ready():
                return
            time.sleep(0.1)
        self.stop()
        raise ServerStartError(self.api_url, f"the server did not answer within {timeout:.0f} s",
                               "the machine may be overloaded; set PREFECT_API_URL to a running "
                               "server (docs/scale-out.md)")

    def ready(self) -> bool:
        """Return whether the server answers now; one that exited is started again on another port.

        Raises:
            ServerStartError: the server exited on every port it was started on.
        """
        assert self.process is not None, "start() first"
        if self.process.poll() is not None:
            if self._attempt < _ATTEMPTS:  # most likely the port was taken: try another
                self.start()
                return False
            raise ServerStartError(self.api_url, f"the server exited with code {self.process.returncode}",
                                   "run with --verbose to see its errors, or set PREFECT_API_URL "
                                   "to a running server (docs/scale-out.md)")
        try:
            with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as response:
                return bool(response.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        if self.process is None:
            return
        process, self.process = self.process, None
        if process.stdin:
            process.stdin.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _toml(path: Path) -> dict:  # type: ignore[type-arg]
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return {}  # absent or broken: Prefect itself would report a broken file


def _lookup(data: dict, keys: tuple[str, ...]) -> str | None:  # type: ignore[type-arg]
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data if isinstance(data, str) and data else None


def _serve(port: int) -> None:
    def _exit_when_parent_goes() -> None:
        sys.stdin.buffer.read()  # returns only at end of file: our parent closed it or died
        os._exit(0)

    threading.Thread(target=_exit_when_parent_goes, daemon=True).start()
    import uvicorn

    uvicorn.run("prefect.server.api.server:create_app", factory=True, host="127.0.0.1", port=port,
                log_level="error", lifespan="on")


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
