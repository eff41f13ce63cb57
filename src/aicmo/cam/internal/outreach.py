"""The Outreach port: sequences, suppression, meetings, unsubscribe links, and the workers
that send due steps (see `send_cycle.py` for how a step reaches a lead once). Each call is
a use case on CAM's unit of work (`use_cases/`)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from aicmo.cam.api.dtos import CycleReport, LeadDetail, LeadId, SendingMode, SequenceStep, WorkerId, WorkerStatus
from aicmo.cam.api.ports import LeadPipeline
from aicmo.cam.internal.cam_repository import CamUnitOfWorkFactory
from aicmo.cam.internal.messages import UnsubscribeLinks
from aicmo.cam.internal.send_cycle import SendCycle
from aicmo.cam.internal.use_cases import invite, read_sequence, set_sequence, unsubscribe
from aicmo.cam.internal.use_cases.workers import IDLE, SENDING, STOPPED, beat, register_worker, worker_statuses
from aicmo.gateways.api import Mailer
from aicmo.kernel.clock import Clock
from aicmo.platform.heartbeat import Heartbeat


class CycleWorker:
    """An OutreachWorker: cycles under one registered id."""

    def __init__(self, uow: CamUnitOfWorkFactory, clock: Clock, worker_id: uuid.UUID, cycle: SendCycle) -> None:
        self._uow = uow
        self._clock = clock
        self._id = worker_id
        self._cycle = cycle

    @property
    def worker_id(self) -> WorkerId:
        return WorkerId.parse(self._id)

    def run_cycle(self) -> CycleReport:
        beat(self._uow, self._clock, self._id, SENDING)
        report = self._cycle.run()
        beat(self._uow, self._clock, self._id, IDLE, cycle_done=True)
        return report

    def idle(self) -> None:
        beat(self._uow, self._clock, self._id, IDLE)


class OutreachService:
    def __init__(
        self,
        uow: CamUnitOfWorkFactory,
        clock: Clock,
        leads: LeadPipeline,
        *,
        live: Mailer | None,
        simulation: Mailer,
        links: UnsubscribeLinks,
        sender: str,
        lease: dt.timedelta,
    ) -> None:
        self._uow = uow
        self._leads = leads
        self._sender = sender.rsplit("<", 1)[-1].strip("> ")
        self._clock = clock
        self._mailers = {SendingMode.LIVE: live, SendingMode.SIMULATION: simulation}
        self._links = links
        self._lease = lease

    def set_sequence(self, campaign: str, steps: list[SequenceStep]) -> list[SequenceStep]:
        return set_sequence.set_sequence(self._uow, campaign, steps)

    def sequence(self, campaign: str) -> list[SequenceStep]:
        return read_sequence.read_sequence(self._uow, campaign)

    def suppress(self, value: str, reason: str) -> None:
        unsubscribe.suppress(self._uow, self._clock, value, reason)

    def unsubscribe(self, token: str) -> str:
        return unsubscribe.unsubscribe(self._uow, self._clock, self._links, token)

    def invite(self, lead_id: LeadId, start: dt.datetime, minutes: int = 30, title: str | None = None) -> LeadDetail:
        invite.invite(self._uow, self._clock, self._mailers, self._sender, lead_id, start, minutes, title)
        return self._leads.lead(lead_id)

    @contextmanager
    def start_worker(self) -> Iterator[CycleWorker]:
        worker_id = register_worker(self._uow, self._clock)
        heartbeat = Heartbeat(
            lambda: beat(self._uow, self._clock, worker_id), self._lease.total_seconds() / 3, name="cam-heartbeat"
        )
        heartbeat.start()
        try:
            yield CycleWorker(
                self._uow,
                self._clock,
                worker_id,
                SendCycle(self._uow, self._clock, worker_id, self._lease, self._mailers, self._links),
            )
        finally:
            heartbeat.stop()
            beat(self._uow, self._clock, worker_id, STOPPED)

    def run_cycle(self) -> CycleReport:
        with self.start_worker() as worker:
            return worker.run_cycle()

    def workers(self) -> list[WorkerStatus]:
        return worker_statuses(self._uow, self._clock, self._lease)
