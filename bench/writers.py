"""The model writers' speed.

1. A 47-item pack (the example brief's mix: 30 calendar entries, 4 social posts, 5 emails,
   6 ads, a landing page, a blog outline) written through `Writer.write_all` against the
   scripted model server answering every call after a fixed 300 ms: wall time at
   concurrency 1, 4 and 8 beside the ideal (items / concurrency x latency x rounds) and
   the ratio (goal <= 1.3x at 8); then calls, tokens and cost per client and model, as
   `aicmo costs` sums them (priced models: gpt-4o-mini and claude-haiku-4-5).
2. The same through the real pipeline: the whole `generate_pack` step of the bundled
   northwind brief (47 items) with the openai writer, at concurrency 1, 4 and 8: first
   drafts asked at once, then the drafts that echo another item asked again. The scripted
   server builds every answer from eight sentences, so most drafts echo and most items
   are asked twice: the ideal counts every call (calls / concurrency x latency).
3. A few emails written by a real model (SmolLM2-135M under llama.cpp's server, CPU, 2
   threads): seconds per item and tokens per second. Skipped when the models extra is
   not installed.

Run: .venv/bin/python bench/writers.py [--local-items N]   (N = 0 skips part 3)
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # stand_ins/ sits beside bench/ and is no installed package

from aicmo.creatives.api import BriefFacts, Fact, FactForm, SectionSpec  # noqa: E402
from aicmo.creatives.internal.bootstrap import ModelSettings, bootstrap_creatives, bootstrap_model_usage  # noqa: E402
from aicmo.kernel.clock import SystemClock  # noqa: E402
from aicmo.orchestration.composition import bootstrap, open_database  # noqa: E402
from aicmo.platform.settings import Settings  # noqa: E402
from stand_ins.local_model import MODEL, LocalModelServer, ModelMissing  # noqa: E402
from stand_ins.model_server import ModelServer, Script  # noqa: E402
from tests.briefs import example  # noqa: E402

LATENCY = 0.3
PACK = {"calendar_entry": 30, "social_post": 4, "email": 5, "ad": 6, "landing_page": 1, "blog_outline": 1}
PLATFORMS = ["instagram", "facebook"]
FACTS = BriefFacts(
    brand=Fact(text="Northwind Roasters", form=FactForm.NAME),
    industry=Fact(text="Specialty coffee"),
    product=Fact(text="Single-origin coffee subscriptions", plural=True),
    audience=Fact(text="Home brewers aged 28-45 who own a grinder", plural=True),
    audience_core=Fact(text="home brewers", plural=True),
    proof=[Fact(text="4.9 stars from 1,200 subscriber reviews", form=FactForm.QUOTE)],
    pain_points=[Fact(text="Supermarket beans are stale by the time they are opened", form=FactForm.SENTENCE)],
    tone=["warm", "knowledgeable"],
    banned_words=["cheap"],
    disclaimers=["Free bag applies to new subscribers only."],
)
VAR = ROOT / "var"
"""Homes live under ./var like the other benches: file creation in /tmp is slow here."""


def pack_specs(run: str) -> list[SectionSpec]:
    return [
        SectionSpec(
            kind=kind,
            platform="email" if kind == "email" else PLATFORMS[n % 2],
            index=n,
            request_key=f"{run}:generate_pack:1",
        )
        for kind, count in PACK.items()
        for n in range(count)
    ]


def model_settings(provider: str, model: str, base_url: str, concurrency: int, timeout: float = 60) -> ModelSettings:
    return ModelSettings(
        provider=provider,
        model=model,
        api_key="bench",
        base_url=base_url,
        timeout_seconds=timeout,
        max_cost_per_run=None,
        fallback_to_template=False,
        concurrency=concurrency,
    )


def serve_scripted(latency: float, channel) -> None:
    """The scripted server in a process of its own, so its work does not take the writer's
    interpreter lock; each message asked on `channel` gets the most requests in flight since the last."""
    with ModelServer(Script(latency=latency)) as server:
        channel.send(server.port)
        while channel.recv() != "stop":
            channel.send(server.max_in_flight)
            server.max_in_flight = 0


def start_scripted():
    """The scripted server's process, its base URL and the channel that asks for its figures."""
    channel, theirs = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(target=serve_scripted, args=(LATENCY, theirs), daemon=True)
    server.start()
    return server, f"http://127.0.0.1:{channel.recv()}", channel


def stop_scripted(server, channel) -> None:
    channel.send("stop")
    server.join(timeout=10)


def most_in_flight(channel) -> int:
    """The most requests the server had in flight since it was last asked."""
    channel.send("stats")
    return channel.recv()


def row(label: str, concurrency: int, wall: float, ideal: float, in_flight: int) -> str:
    goal = "  (goal <= 1.3x)" if concurrency == 8 else ""
    return f"  {label:<27} {concurrency:>11} {wall:7.2f} {ideal:8.2f} {wall / ideal:5.2f}x {in_flight:>10}{goal}"


HEADER = f"  {'client':<27} {'concurrency':>11} {'wall s':>7} {'ideal s':>8} {'ratio':>6} {'in flight':>10}"


def scripted(db) -> None:
    clock = SystemClock()
    server, root, channel = start_scripted()
    print(f"47-item pack through write_all, scripted server (own process) answering after {LATENCY * 1000:.0f} ms")
    print(HEADER)
    runs = [("openai", "gpt-4o-mini", f"{root}/v1", c) for c in (1, 4, 8)] + [
        ("anthropic", "claude-haiku-4-5", root, 8)
    ]
    for provider, model, url, concurrency in runs:
        run = f"bench-{provider}-{concurrency}"
        specs = pack_specs(run)
        writer = bootstrap_creatives(db, clock, model_settings(provider, model, url, concurrency))
        most_in_flight(channel)
        started = time.perf_counter()
        writer.write_all(specs, FACTS)
        wall = time.perf_counter() - started
        calls = len(bootstrap_model_usage(db, clock).calls(run))
        ideal = calls / concurrency * LATENCY
        print(row(provider + ":" + model, concurrency, wall, ideal, most_in_flight(channel)))
    stop_scripted(server, channel)
    print("calls, tokens and cost per client and model (as `aicmo costs` sums them)")
    for line in bootstrap_model_usage(db, clock).costs():
        print(
            f"  {line.client}  {line.provider}:{line.model}: {line.calls} calls, {line.input_tokens:,} in, "
            f"{line.output_tokens:,} out, {line.cache_read_tokens:,} cache read, ${line.cost_usd:.4f}"
        )


def pipeline(home: Path) -> None:
    server, root, channel = start_scripted()
    brief = example("northwind")
    print(
        f"generate_pack of the northwind brief, openai writer, scripted server answering after {LATENCY * 1000:.0f} ms"
    )
    print(HEADER.replace("client", "items, calls"))
    for concurrency in (1, 4, 8):
        settings = Settings(
            home=home / f"pipeline-{concurrency}",
            writer="openai",
            llm_model="gpt-4o-mini",
            llm_base_url=f"{root}/v1",
            llm_api_key="bench",
            llm_concurrency=concurrency,
        )
        with bootstrap(settings, launch_durable=False) as app:
            record = app.onboarding.capture(brief, "northwind.yaml")
            strategy = app.strategy.generate(record)
            run = f"bench-pipeline-{concurrency}"
            most_in_flight(channel)
            started = time.perf_counter()
            pack = app.production.generate_pack(record, strategy, key=f"{run}:generate_pack:1")
            wall = time.perf_counter() - started
            calls = len(app.model_usage.calls(run))
        ideal = calls / concurrency * LATENCY
        print(row(f"{len(pack.items)} items, {calls} calls", concurrency, wall, ideal, most_in_flight(channel)))
    stop_scripted(server, channel)


def local_model(db, items: int) -> None:
    try:
        server = LocalModelServer()
    except ModelMissing as missing:
        print(f"real model: skipped ({missing})")
        return
    clock = SystemClock()
    specs = [
        SectionSpec(kind="email", platform="email", index=n, request_key="bench-local:generate_pack:1")
        for n in range(items)
    ]
    with server:
        writer = bootstrap_creatives(db, clock, model_settings("openai", MODEL, server.base_url, 1, timeout=3600))
        started = time.perf_counter()
        failed = 0
        for spec in specs:
            try:
                writer.write(spec, FACTS)
            except Exception:  # noqa: BLE001 - a tiny model's invalid answer is counted, not fatal
                failed += 1
        wall = time.perf_counter() - started
    calls = bootstrap_model_usage(db, clock).calls("bench-local")
    prompt, output = sum(c.input_tokens + c.cache_read_tokens for c in calls), sum(c.output_tokens for c in calls)
    calling = sum(c.latency_ms for c in calls) / 1000
    print(
        f"real model ({MODEL}, llama.cpp server, CPU, 2 threads):"
        f" {items} emails, {len(calls)} calls, {failed} failed after their second chance"
    )
    print(
        f"  {wall / items:.1f} s per item; over the calls' time {output / calling:.2f} output tokens/s, "
        f"{(prompt + output) / calling:.2f} tokens/s read and written ({prompt:,} prompt, {output:,} output tokens)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--local-items", type=int, default=2, help="emails the real model writes (0 skips it)")
    args = parser.parse_args()
    VAR.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=VAR, prefix="bench-writers-") as home:
        db = open_database(Settings(home=Path(home)))
        try:
            scripted(db)
            pipeline(Path(home))
            if args.local_items:
                local_model(db, args.local_items)
        finally:
            db.dispose()


if __name__ == "__main__":
    main()
