"""`aicmo doctor`'s checks of a model writer: a key (or a local server), the server
answering, the model listed. The template writer needs none of them."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from aicmo.kernel.errors import ChannelUnavailable
from aicmo.operator.cli.doctor import CheckFailed
from aicmo.orchestration.composition import model_catalog
from aicmo.platform.settings import Settings

PROVIDER_KEY = {"openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY"}
SHOWN_MODELS = 8
TIMEOUT_SECONDS = 10.0
"""Doctor waits at most this long for the server, whatever AICMO_LLM_TIMEOUT_SECONDS says."""


def writer_checks(settings: Settings) -> Iterator[tuple[str, Callable[[], str]]]:
    """(name, probe) pairs: a probe returns what it found or raises CheckFailed. Run each
    probe before taking the next pair: the model is looked for only on a server that answered."""
    if settings.writer == "template":
        yield "writer", lambda: "template (offline, no model server)"
        return
    yield "model key", lambda: _key(settings)
    listed: list[str] | None = None

    def reachable() -> str:
        nonlocal listed
        catalog = model_catalog(
            settings.model_copy(update={"llm_timeout_seconds": min(settings.llm_timeout_seconds, TIMEOUT_SECONDS)})
        )
        try:
            listed = catalog.model_names()
        except ChannelUnavailable as error:
            problem, _, setting = str(error).rpartition(": check ")
            raise CheckFailed(
                problem or str(error), f"check {setting}" if problem else "check AICMO_LLM_BASE_URL"
            ) from None
        return f"{settings.llm_base_url or 'the ' + settings.writer + ' API'} lists {len(listed)} model(s)"

    yield "model server reachable", reachable
    if listed is not None:
        yield "model listed", lambda: _listed(settings, listed)


def _key(settings: Settings) -> str:
    variable = PROVIDER_KEY[settings.writer]
    if settings.llm_key():
        return f"{'AICMO_LLM_API_KEY' if settings.llm_api_key else variable} is set"
    if settings.llm_base_url:
        return f"none set; {settings.llm_base_url} is asked without one"
    raise CheckFailed(
        "no key and no server set",
        f"set AICMO_LLM_API_KEY (or {variable}), or point AICMO_LLM_BASE_URL at a local server",
    )


def _listed(settings: Settings, listed: list[str]) -> str:
    if not listed:
        raise CheckFailed("the server listed no model", "load a model on the server, or check AICMO_LLM_BASE_URL")
    shown = ", ".join(listed[:SHOWN_MODELS]) + (", …" if len(listed) > SHOWN_MODELS else "")
    if not settings.llm_model:
        raise CheckFailed("AICMO_LLM_MODEL is not set", f"set AICMO_LLM_MODEL to one of: {shown}")
    if settings.llm_model not in listed:
        raise CheckFailed(f"the server does not list {settings.llm_model!r}", f"set AICMO_LLM_MODEL to one of: {shown}")
    return settings.llm_model
