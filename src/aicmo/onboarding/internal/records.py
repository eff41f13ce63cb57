"""Onboarding's rows as the records the port returns, and the keys a brief is known by."""

from __future__ import annotations

import hashlib
import json

from aicmo.onboarding.api.dtos import Brief, BriefId, BriefRecord, BriefVersionId, Intake, IntakeId
from aicmo.onboarding.internal.fact_typing import type_brief
from aicmo.onboarding.internal.models import BriefRow, BriefVersionRow, IntakeRow


def client_key(name: str) -> str:
    return " ".join(name.casefold().split())


def brief_checksum(brief: Brief) -> str:
    canonical = json.dumps(brief.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def intake(row: IntakeRow, *, has_brief: bool) -> Intake:
    return Intake(
        intake_id=IntakeId.parse(row.id),
        client_name=row.client_name,
        source=row.source,
        contact_email=row.contact_email,
        contact_name=row.contact_name,
        has_brief=has_brief,
        created_at=row.created_at,
    )


def record(brief_row: BriefRow, version: BriefVersionRow) -> BriefRecord:
    brief = Brief.model_validate(version.body)
    return BriefRecord(
        brief_id=BriefId.parse(brief_row.id),
        version_id=BriefVersionId.parse(version.id),
        version=version.version,
        intake_id=IntakeId.parse(brief_row.intake_id),
        client_name=brief_row.client_name,
        checksum=version.checksum,
        created_at=version.created_at,
        brief=brief,
        facts=type_brief(brief),
    )
