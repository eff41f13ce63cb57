"""Where files lie on the server is the agency's business: a client's reviewer gets the same
fields as everyone, with the server paths (`folder`, each file's `path`) left empty, so one
schema serves every caller and no path reaches the client."""

from __future__ import annotations

from aicmo.delivery.api import Package
from aicmo.operator.web.access import package_seen_by, works_for_the_agency
from aicmo.operator.web.api.caller import Caller
from aicmo.orchestration.api import RunSummary


def run_for(caller: Caller, run: RunSummary) -> RunSummary:
    return run if works_for_the_agency(caller.user) else run.model_copy(update={"folder": ""})


def package_for(caller: Caller, package: Package) -> Package:
    if works_for_the_agency(caller.user):
        return package
    artifacts = [
        artifact.model_copy(update={"path": ""}) for artifact in package_seen_by(caller.user, package).artifacts
    ]
    return package.model_copy(update={"folder": "", "artifacts": artifacts})
