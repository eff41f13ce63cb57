"""A process's sign of life: a background thread that beats until stopped, and a check
that a process on this host still exists. Workers write the beat into their own table."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)


def process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Heartbeat:
    """Calls `beat` every `interval` seconds on a daemon thread until `stop()`."""

    def __init__(self, beat: Callable[[], None], interval: float, name: str) -> None:
        self._beat = beat
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _run(self) -> None:
        failing = False
        while not self._stop.wait(self._interval):
            try:
                self._beat()
                failing = False
            except Exception as error:  # noqa: BLE001 - a missed beat is retried; said once, not every beat
                if not failing:
                    log.warning("%s: a beat failed (%s); trying again", self._thread.name, str(error).splitlines()[0])
                failing = True

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=self._interval + 5)
