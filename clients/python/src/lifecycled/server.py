"""Starting a lifecycled binary on a free port, for tests.

    with Server.start() as server:   # LIFECYCLED_BIN, PATH, .build/release or .build/debug
        client = Client(server.url)
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import List, Mapping, Optional, Sequence

LISTENING = re.compile(r"^listening on (http://\S+)\s*$")


NOT_FOUND_MESSAGE = ("no lifecycled binary: set LIFECYCLED_BIN to its path, put lifecycled on PATH, or build it with "
                     "`swift build -c release --product lifecycled` (in the lifecycled checkout, or in a package that "
                     "depends on it) and run from that folder or below it, where .build/release/lifecycled is found")


def find_binary(start: Optional[Path] = None, env: Optional[Mapping[str, str]] = None) -> str:
    """The lifecycled binary, in the order every lifecycled client looks (Python, JavaScript,
    Swift): ``$LIFECYCLED_BIN``; else ``lifecycled`` on PATH; else ``.build/release/lifecycled``,
    then ``.build/debug/lifecycled``, in ``start`` (default: the working directory) or the
    nearest parent that has one. The error says how to build one (or set LIFECYCLED_URL to a
    running server, for the pytest plugin)."""
    env = os.environ if env is None else env
    named = env.get("LIFECYCLED_BIN")
    if named:
        if not os.access(named, os.X_OK):
            raise FileNotFoundError(f"LIFECYCLED_BIN={named!r} is not an executable file")
        return named
    on_path = shutil.which("lifecycled", path=env.get("PATH", ""))
    if on_path:
        return on_path
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        for configuration in ("release", "debug"):
            candidate = d / ".build" / configuration / "lifecycled"
            if os.access(candidate, os.X_OK):
                return str(candidate)
    raise FileNotFoundError(NOT_FOUND_MESSAGE)


class Server:
    """A lifecycled process listening on a port it picked (``--port 0``)."""

    def __init__(self, process: subprocess.Popen, url: str, stderr_path: str) -> None:
        self.process = process
        self.url = url
        self._stderr_path = stderr_path

    @classmethod
    def start(cls, binary: Optional[str] = None, args: Sequence[str] = ("--quiet",),
              host: str = "127.0.0.1", timeout: float = 20.0) -> "Server":
        """Starts the binary and waits for its ``listening on http://HOST:PORT`` line."""
        binary = binary or find_binary()
        err = tempfile.NamedTemporaryFile(prefix="lifecycled-", suffix=".stderr", delete=False)
        command: List[str] = [binary, "--host", host, "--port", "0", *args]
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, stdin=subprocess.DEVNULL,
                                   text=True)
        err.close()
        found: List[str] = []

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:  # keeps draining after the line, so the pipe never fills
                m = LISTENING.match(line)
                if m and not found:
                    found.append(m.group(1))
                    ready.set()
            ready.set()

        ready = threading.Event()
        threading.Thread(target=read, name="lifecycled-stdout", daemon=True).start()
        ready.wait(timeout)
        server = cls(process, found[0] if found else "", err.name)
        if not found:
            if process.poll() is None:
                process.kill()
            process.wait()
            output = server.stderr()
            server.stop()
            raise RuntimeError(f"{' '.join(command)} did not print its listening line within {timeout:g} s "
                               f"(exit status {process.returncode}):\n{output}")
        return server

    def stderr(self) -> str:
        """What the server wrote on standard error (its access log, without --quiet)."""
        try:
            return Path(self._stderr_path).read_text(errors="replace")
        except OSError:
            return ""

    def stop(self, timeout: float = 10.0) -> Optional[int]:
        """SIGTERM (a clean stop), then SIGKILL after ``timeout``; answers the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        try:
            os.unlink(self._stderr_path)
        except OSError:
            pass
        return self.process.returncode

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
