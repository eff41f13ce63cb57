"""`aicmo serve`: the web pages (unsubscribe links first) on one port, until stopped."""

from __future__ import annotations

from aicmo.operator.cli.console import EXIT_OK, out, user_errors
from aicmo.orchestration.composition import bootstrap


@user_errors
def serve(host: str, port: int) -> int:
    import uvicorn

    from aicmo.operator.web.app import create_web_app

    with bootstrap(launch_durable=False) as app:
        out.print(f"serving on http://{host}:{port} (links in emails point to {app.settings.public_url})", markup=False)
        uvicorn.run(create_web_app(app), host=host, port=port, log_level="warning")
    return EXIT_OK
