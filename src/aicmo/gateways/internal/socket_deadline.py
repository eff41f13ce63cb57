"""A total deadline for one exchange over a socket.

A socket timeout bounds each read, not the exchange: a peer that sends one byte every few
seconds keeps the caller forever. When the deadline passes, a timer shuts the connection
down (on a duplicate of the socket, so the thread reading it is untouched), and the read
in progress returns at once.
"""

from __future__ import annotations

import socket
import threading


class SocketDeadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._lock = threading.Lock()
        self._watched: socket.socket | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> SocketDeadline:
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._timer.cancel()
        with self._lock:
            if self._watched is not None:
                self._watched.close()
                self._watched = None

    def ran_out(self, error: BaseException) -> bool:
        """True when the deadline cut the connection, or a socket wait (each is bounded by the
        deadline too) timed out just before the timer fired."""
        return self.expired or isinstance(error, TimeoutError)

    def watch(self, connection: socket.socket) -> None:
        """Cut `connection` when the deadline passes (at once if it has)."""
        with self._lock:
            self._watched = connection.dup()
            if self.expired:
                self._cut()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._watched is not None:
                self._cut()

    def _cut(self) -> None:
        try:
            self._watched.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
