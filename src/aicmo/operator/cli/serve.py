"""`aicmo serve`: the console and the unsubscribe pages on one port, until stopped. It runs
workflows too: a run approved in the console goes on to delivery in this process."""

from __future__ import annotations

import socket

from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.operator.cli.console import EXIT_OK, out, user_errors
from aicmo.orchestration.composition import bootstrap


def _check_free(host: str, port: int) -> None:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise InvalidInput(
                f"cannot listen on {host}:{port}: {error.strerror}",
                [Problem("--port", "pick a free port (and point AICMO_PUBLIC_URL at it)")],
            ) from None


@user_errors
def serve(host: str, port: int) -> int:
    import uvicorn

    from aicmo.operator.web.app import create_web_app

    _check_free(host, port)
    with bootstrap(process_kind="serve") as app:
        out.print(f"serving on http://{host}:{port} (links in emails point to {app.settings.public_url})", markup=False)
        uvicorn.run(create_web_app(app), host=host, port=port, log_level="warning")
    return EXIT_OK
