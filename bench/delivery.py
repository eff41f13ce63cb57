"""Rendering and end-to-end delivery.

1. Render every format for the example pack, and for a branded one (colours, SVG logo,
   font), 20 times: median milliseconds per format and per client (all formats together).
2. End to end, as `aicmo run` does it (durable workflow: generation, QC, rendering, folder
   delivery) for 20 distinct clients in one process on SQLite: p50 seconds and clients
   per minute.

Run: .venv/bin/python bench/delivery.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from aicmo.delivery.api import PackageRequest
from aicmo.delivery.internal.renderers.catalog import RENDERERS
from aicmo.delivery.internal.renderers.view import package_view
from aicmo.operator.cli.brief_folder import BriefFolder
from aicmo.orchestration.api import RunOptions, RunState
from aicmo.orchestration.composition import bootstrap, brief_parser
from aicmo.platform.settings import Settings

ROUNDS = 20
BRIEFS = Path(__file__).resolve().parents[1] / "examples" / "briefs"
EXAMPLE = BRIEFS / "northwind.yaml"
BRANDED = BRIEFS / "ledgerly.yaml"
"""Colours, an SVG logo and a font: the branded path of every renderer."""


def render_formats(app, brief) -> None:  # noqa: ANN001 - the composed Application and a Brief
    record = app.onboarding.capture(brief, "bench")
    strategy = app.strategy.generate(record)
    pack = app.production.generate_pack(record, strategy)
    request = PackageRequest(
        run_key="bench", folder="unused", brief=record, strategy=strategy, pack=pack, qc=app.qc.evaluate(pack, brief)
    )
    view = package_view(request, app.settings.agency_name)
    for renderer in RENDERERS.values():
        renderer.render(request, view)  # warm-up: fonts, templates
    timings: dict[str, list[float]] = {fmt.value: [] for fmt in RENDERERS}
    totals = []
    for _ in range(ROUNDS):
        start_all = time.perf_counter()
        for fmt, renderer in RENDERERS.items():
            start = time.perf_counter()
            renderer.render(request, view)
            timings[fmt.value].append(time.perf_counter() - start)
        totals.append(time.perf_counter() - start_all)
    print(f"rendering {brief.client_name}, median of {ROUNDS}:")
    for fmt, values in timings.items():
        print(f"  {fmt:<5} {statistics.median(values) * 1000:8.1f} ms")
    print(f"  all formats per client {statistics.median(totals) * 1000:8.1f} ms  (goal: pdf <= 150 ms)")


def end_to_end(app, brief, out: Path) -> None:  # noqa: ANN001
    seconds = []
    started = time.perf_counter()
    for number in range(ROUNDS):
        client = brief.model_copy(
            update={"brand": brief.brand.model_copy(update={"name": f"Northwind Roasters {number:02d}"})}
        )
        start = time.perf_counter()
        run_id = app.workflows.start_client_to_delivery(client, "bench", out, RunOptions(auto_approve=True))
        summary = app.workflows.wait(run_id)
        seconds.append(time.perf_counter() - start)
        assert summary.state == RunState.DELIVERED, summary.error
    total = time.perf_counter() - started
    print(f"end to end (workflow, QC, every format, folder), {ROUNDS} clients on SQLite:")
    print(f"  p50 per client   {statistics.median(seconds):.3f} s")
    print(f"  clients / minute {ROUNDS / total * 60:8.1f}  (goal: >= 60)")


def parsed(path: Path):  # noqa: ANN201 - a Brief
    return brief_parser().parse_brief(path.read_bytes(), path.name, BriefFolder(path))


def main() -> None:
    brief = parsed(EXAMPLE)
    with tempfile.TemporaryDirectory() as home, bootstrap(Settings(home=Path(home))) as app:
        render_formats(app, brief)
        render_formats(app, parsed(BRANDED))
        end_to_end(app, brief, Path(home) / "deliveries")


if __name__ == "__main__":
    main()
