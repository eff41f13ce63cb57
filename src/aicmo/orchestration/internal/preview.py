"""What an approval would deliver, rendered for the operator before the decision."""

from __future__ import annotations

from pathlib import Path

from aicmo.delivery.api import Artifact, PackageRequest
from aicmo.kernel.errors import Conflict
from aicmo.orchestration.api.dtos import RunSummary
from aicmo.orchestration.internal.wiring import StepPorts
from aicmo.qc.api import QcRunId

PREVIEW_FOLDER = "preview"


def preview_run(ports: StepPorts, run: RunSummary) -> list[Artifact]:
    """Markdown and PDF of the run's latest checked pack, in `<run folder>/preview`: the pack,
    strategy and brief version are the ones its latest QC report was made from."""
    if run.qc_run_id is None:
        raise Conflict(
            f"run {run.run_id} has no content pack to preview yet"
            f" (it is {run.state} at {run.current_step or 'the start'})"
        )
    report = ports.qc.get(QcRunId.parse(run.qc_run_id))
    pack = ports.production.get_pack(report.pack_id)
    request = PackageRequest(
        run_key=f"{run.run_id}:preview",
        folder=str(Path(run.folder) / PREVIEW_FOLDER),
        brief=ports.onboarding.get_version(pack.brief_version_id),
        strategy=ports.strategy.get(pack.strategy_version_id),
        pack=pack,
        qc=report,
    )
    return ports.delivery.preview(request)
