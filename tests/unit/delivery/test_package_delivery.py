"""Delivery's use cases booted on a fake unit of work and fake channels: packages built once,
sent once per target, retried while a channel refuses, no database."""

import zipfile
from io import BytesIO

import pytest

from aicmo.delivery.api import DeliveryTarget, PackageId, PackageRequest, TargetKind
from aicmo.gateways.internal.bootstrap import bootstrap_file_drop
from aicmo.kernel.errors import ChannelUnavailable, NotFound
from tests.briefs import example
from tests.fakes import FakeFileDrop, FakeMailer, FakeWebhookPoster
from tests.unit.app import ATTEMPTS, bootstrap_test_app

EMAIL = DeliveryTarget(kind=TargetKind.EMAIL, address="client@minimal.test")
WEBHOOK = DeliveryTarget(kind=TargetKind.WEBHOOK, address="https://hooks.minimal.test/aicmo")


@pytest.fixture(scope="module")
def made() -> PackageRequest:
    """The minimal brief's run, up to its QC report, made once: a request is data, built again by each test's app."""
    modules = bootstrap_test_app().modules
    record = modules.onboarding.capture(example("minimal"), "minimal.yaml")
    strategy = modules.strategy.generate(record)
    pack = modules.production.generate_pack(record, strategy)
    qc = modules.qc.evaluate(pack, record.brief)
    return PackageRequest(run_key="run-1", folder="/clients/minimal", brief=record, strategy=strategy, pack=pack, qc=qc)


@pytest.fixture
def request_for(made):
    return lambda folder: made.model_copy(update={"folder": str(folder)})


def test_a_built_package_records_its_files_and_is_published_with_them(request_for):
    drop = FakeFileDrop()
    app = bootstrap_test_app(file_drop=drop)

    package = app.modules.delivery.build(request_for("/clients/minimal"))

    assert {a.name for a in package.artifacts} == {"plan.md", "qc-report.md", "manifest.json", "package.zip"}
    assert set(drop.files) == {a.path for a in package.artifacts}
    assert app.modules.delivery.get(package.package_id) == package
    [built] = app.delivery.published
    assert built.event_type() == "PackageBuilt" and built.files == 4


def test_building_the_same_run_twice_returns_the_first_package_and_writes_nothing(request_for):
    drop = FakeFileDrop()
    app = bootstrap_test_app(file_drop=drop)
    request = request_for("/clients/minimal")
    first = app.modules.delivery.build(request)
    writes = drop.attempts

    again = app.modules.delivery.build(request)

    assert again == first and drop.attempts == writes
    assert app.delivery.published_types() == ["PackageBuilt"]


def test_a_folder_that_refuses_once_is_written_on_the_next_try(request_for):
    app = bootstrap_test_app(file_drop=FakeFileDrop(refusals=1))

    package = app.modules.delivery.build(request_for("/clients/minimal"))

    assert len(package.artifacts) == 4


def test_a_folder_that_refuses_every_try_fails_the_build_and_records_nothing(request_for):
    app = bootstrap_test_app(file_drop=FakeFileDrop(refusals=ATTEMPTS))

    with pytest.raises(ChannelUnavailable, match="cannot write into /clients/minimal"):
        app.modules.delivery.build(request_for("/clients/minimal"))

    assert app.delivery.repository.packages == {} and app.delivery.published == []


def test_the_package_is_emailed_once_with_the_zip_attached(tmp_path, request_for):
    app = bootstrap_test_app(file_drop=bootstrap_file_drop())
    package = app.modules.delivery.build(request_for(str(tmp_path)))

    app.modules.delivery.deliver(package.package_id, [EMAIL])
    delivered = app.modules.delivery.deliver(package.package_id, [EMAIL])

    [message] = app.mailer.sent
    [attachment] = message.attachments
    assert message.to == EMAIL.address and attachment.name == "package.zip"
    assert "plan.md" in zipfile.ZipFile(BytesIO(attachment.content)).namelist()
    assert message.headers["X-AICMO-Delivery"] == "run-1:email:client@minimal.test"
    assert [(j.status, j.attempts) for j in delivered.deliveries] == [("delivered", 1)]
    assert app.delivery.published_types() == ["PackageBuilt", "Delivered"]


def test_a_mail_server_down_for_two_tries_gets_the_email_on_the_third(tmp_path, request_for):
    app = bootstrap_test_app(file_drop=bootstrap_file_drop(), mailer=FakeMailer(refusals=ATTEMPTS - 1))
    package = app.modules.delivery.build(request_for(str(tmp_path)))

    delivered = app.modules.delivery.deliver(package.package_id, [EMAIL])

    assert len(app.mailer.sent) == 1 and app.mailer.attempts == ATTEMPTS
    assert [(j.status, j.attempts, j.last_error) for j in delivered.deliveries] == [("delivered", ATTEMPTS, None)]


def test_a_refusing_webhook_is_tried_every_time_then_its_job_fails_and_a_later_delivery_sends_it(tmp_path, request_for):
    poster = FakeWebhookPoster(refusals=ATTEMPTS)
    app = bootstrap_test_app(file_drop=bootstrap_file_drop(), poster=poster)
    package = app.modules.delivery.build(request_for(str(tmp_path)))

    with pytest.raises(ChannelUnavailable, match="answered 503"):
        app.modules.delivery.deliver(package.package_id, [WEBHOOK])
    failed = app.modules.delivery.get(package.package_id)
    delivered = app.modules.delivery.deliver(package.package_id, [WEBHOOK])

    assert [(j.status, j.attempts) for j in failed.deliveries] == [("failed", ATTEMPTS)]
    assert "answered 503" in failed.deliveries[0].last_error and failed.artifacts == package.artifacts
    assert [(j.status, j.attempts) for j in delivered.deliveries] == [("delivered", ATTEMPTS + 1)]
    [call] = poster.posted
    assert call.idempotency_key == "run-1:webhook:https://hooks.minimal.test/aicmo"
    assert app.delivery.published_types() == ["PackageBuilt", "DeliveryFailed", "Delivered"]
    assert app.delivery.published[1].attempts == ATTEMPTS


def test_each_target_is_its_own_job_and_one_delivered_is_not_sent_again(tmp_path, request_for):
    app = bootstrap_test_app(file_drop=bootstrap_file_drop())
    package = app.modules.delivery.build(request_for(str(tmp_path)))
    app.modules.delivery.deliver(package.package_id, [EMAIL])

    delivered = app.modules.delivery.deliver(package.package_id, [EMAIL, WEBHOOK])

    assert len(app.mailer.sent) == 1 and len(app.poster.posted) == 1
    assert [(j.target.kind, j.status) for j in delivered.deliveries] == [
        ("email", "delivered"),
        ("webhook", "delivered"),
    ]


def test_voiding_marks_the_package_once_and_ignores_unknown_packages(request_for):
    app = bootstrap_test_app()
    package = app.modules.delivery.build(request_for("/clients/minimal"))

    app.modules.delivery.void(package.package_id)
    app.modules.delivery.void(package.package_id)
    app.modules.delivery.void(PackageId.new())

    assert app.modules.delivery.get(package.package_id).status == "void"
    with pytest.raises(NotFound, match="no package"):
        app.modules.delivery.get(PackageId.new())
