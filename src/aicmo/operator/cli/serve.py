"""`aicmo serve`: the console and the unsubscribe pages on one port, until stopped. It runs
workflows too: a run approved in the console goes on to delivery in this process."""

from __future__ import annotations

import gc
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


def _freeze_start_up_objects() -> None:
    """Move what start-up built (modules, the app, its engines and caches: about 200,000 objects,
    all living as long as the process) out of the collector's reach. Otherwise every few hundred
    requests a full collection walks them all and stops every request in flight for 100 ms or
    more; the pages' own objects are still collected as before."""
    gc.collect()
    gc.freeze()


@user_errors
def serve(host: str, port: int) -> int:
    import uvicorn

    from aicmo.operator.web.app import create_web_app

    _check_free(host, port)
    with bootstrap(process_kind="serve") as app:
        out.print(f"serving on http://{host}:{port} (links in emails point to {app.settings.public_url})", markup=False)
        web = create_web_app(app)
        _freeze_start_up_objects()
        uvicorn.run(web, host=host, port=port, log_level="warning")
    return EXIT_OK
