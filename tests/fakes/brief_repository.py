"""Onboarding's intakes, briefs and versions in memory."""

from __future__ import annotations

import uuid

from aicmo.onboarding.internal.models import BriefRow, BriefVersionRow, IntakeRow


class FakeBriefRepository:
    def __init__(self) -> None:
        self.intake_rows: dict[uuid.UUID, IntakeRow] = {}
        self.briefs: dict[uuid.UUID, BriefRow] = {}
        self.versions: dict[uuid.UUID, BriefVersionRow] = {}

    def add_intake(self, intake: IntakeRow) -> None:
        self.intake_rows[intake.id] = intake

    def intake_for_origin(self, origin_key: str) -> IntakeRow | None:
        return next((row for row in self.intake_rows.values() if row.origin_key == origin_key), None)

    def intakes(self, limit: int) -> list[IntakeRow]:
        return sorted(self.intake_rows.values(), key=lambda row: row.created_at, reverse=True)[:limit]

    def briefed_intake_ids(self) -> set[uuid.UUID]:
        return {brief.intake_id for brief in self.briefs.values()}

    def add_brief(self, brief: BriefRow) -> None:
        self.briefs[brief.id] = brief

    def brief(self, brief_id: uuid.UUID) -> BriefRow | None:
        return self.briefs.get(brief_id)

    def brief_for_client(self, client_key: str) -> BriefRow | None:
        return next((brief for brief in self.briefs.values() if brief.client_key == client_key), None)

    def brief_of(self, version: BriefVersionRow) -> BriefRow:
        return self.briefs[version.brief_id]

    def add_version(self, version: BriefVersionRow) -> None:
        self.versions[version.id] = version

    def version(self, version_id: uuid.UUID) -> BriefVersionRow | None:
        return self.versions.get(version_id)

    def version_for_key(self, capture_key: str) -> BriefVersionRow | None:
        return next((version for version in self.versions.values() if version.capture_key == capture_key), None)

    def latest_version_number(self, brief_id: uuid.UUID) -> int:
        return max((version.version for version in self.versions.values() if version.brief_id == brief_id), default=0)
