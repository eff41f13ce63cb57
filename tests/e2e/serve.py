"""`aicmo serve` in a child process on a free loopback port, until the block ends."""

from __future__ import annotations

import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.e2e.cli import AICMO, env_for
from tests.local_servers import free_port


@contextmanager
def aicmo_serve(settings, log_path: Path, **variables: str) -> Iterator[str]:
    """The server's base URL once /healthz answers; its output goes to `log_path`.
    AICMO_PUBLIC_URL points at the server itself unless `variables` set it."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = env_for(settings, **{"AICMO_PUBLIC_URL": base, **variables})
    with log_path.open("wb") as log:
        process = subprocess.Popen([AICMO, "serve", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"{base}/healthz", timeout=5) as answer:
                        if answer.status == 200:
                            break
                except OSError:
                    time.sleep(0.1)
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)
