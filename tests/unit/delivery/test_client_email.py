"""The delivery email carries what the client receives: never the agency's QC report or manifest."""

import datetime as dt
import hashlib

from aicmo.delivery.api import DeliveryTarget, Package, PackageId, TargetKind
from aicmo.delivery.api.dtos import Artifact, PackageStatus
from aicmo.delivery.internal.dispatch import email_for

TO_CLIENT = DeliveryTarget(kind=TargetKind.EMAIL, address="ana@zen.example")
CLIENT = {"plan.pdf": b"%PDF-1.7 plan", "plan.md": b"# Plan\n", "calendar.ics": b"BEGIN:VCALENDAR\n"}
AGENCY = {"qc-report.md": b"# Quality report\n", "manifest.json": b"{}"}


def package(folder, contents: dict[str, bytes]) -> Package:
    artifacts = []
    for name, content in contents.items():
        (folder / name).write_bytes(content)
        digest = hashlib.sha256(content).hexdigest()
        path = str(folder / name)
        artifacts.append(Artifact(name=name, media_type="text/plain", size=len(content), sha256=digest, path=path))
    return Package(
        package_id=PackageId.new(),
        run_key="run-1",
        client_name="Zen🧘 Studio",
        folder=str(folder),
        status=PackageStatus.BUILT,
        created_at=dt.datetime.now(dt.UTC),
        artifacts=artifacts,
    )


def test_without_a_zip_the_email_attaches_every_client_document_and_nothing_of_the_agencys(tmp_path):
    email = email_for(package(tmp_path, CLIENT | AGENCY), TO_CLIENT, "k")

    assert sorted(a.name for a in email.attachments) == sorted(CLIENT)
    assert "qc-report" not in email.body and "manifest" not in email.body


def test_with_a_zip_the_email_attaches_the_zip_alone(tmp_path):
    email = email_for(package(tmp_path, CLIENT | AGENCY | {"package.zip": b"PK"}), TO_CLIENT, "k")

    assert [a.name for a in email.attachments] == ["package.zip"]
