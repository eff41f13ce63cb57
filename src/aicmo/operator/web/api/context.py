"""What every API route needs: the application, who calls, and the run a path names."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from aicmo.kernel.errors import InvalidInput, Problem
from aicmo.operator.web.api.caller import Caller
from aicmo.orchestration.api import RunSummary
from aicmo.orchestration.composition import Application


@dataclass(frozen=True)
class Api:
    app: Application
    caller: Callable[..., Caller]
    """The dependency that authenticates a request (401 without a working token)."""

    def run(self, caller: Caller, typed: str) -> RunSummary:
        """The run named by its id or a unique prefix, when the caller may see its client.

        Raises:
            NotFound: no such run (404); InvalidInput: a prefix of several (422);
            ApiProblem: a reviewer of another client (403).
        """
        workflows = self.app.workflows
        try:
            run_id = workflows.resolve(typed)
        except InvalidInput as error:
            raise InvalidInput(
                error.summary, [Problem("run", "give the run's id, or a unique start of it, as GET /runs lists them")]
            ) from None
        run = workflows.get_run(run_id)
        caller.require_client(run.client_name)
        return run
