"""Builds the whole application from settings; tests pass fakes through the same function.

Nothing connects at import time: engines, migrations and DBOS start inside `bootstrap`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from aicmo.accounts.api import Accounts, AuditLog, ReviewLinks
from aicmo.accounts.internal.bootstrap import Argon2Passwords
from aicmo.cam.api import CampaignBook, ClientSigned, LeadPipeline, Outreach, ReplyInbox
from aicmo.cam.internal.bootstrap import RejectsFolder, bootstrap_outreach, bootstrap_replies
from aicmo.creatives.api import ModelCatalog, ModelUsage, Writer
from aicmo.creatives.internal.bootstrap import (
    ModelSettings,
    bootstrap_creatives,
    bootstrap_model_catalog,
    bootstrap_model_usage,
)
from aicmo.delivery.api import PackageBuilder
from aicmo.delivery.internal.bootstrap import DeliveryChannels, RetryPolicy
from aicmo.gateways.api import FileDrop, Mailer, WebhookAddressPolicy, WebhookPoster
from aicmo.gateways.internal.bootstrap import (
    bootstrap_eml_mailer,
    bootstrap_file_drop,
    bootstrap_mailer,
    bootstrap_reply_mailbox,
    bootstrap_webhook_addresses,
    bootstrap_webhook_poster,
)
from aicmo.kernel.clock import Clock, SystemClock
from aicmo.onboarding.api import BriefIntake, BriefParser
from aicmo.onboarding.internal.bootstrap import bootstrap_brief_parser
from aicmo.orchestration.api import EventBus, Workflows
from aicmo.orchestration.composition.modules import MODULE_METADATA, MODULE_MIGRATIONS
from aicmo.orchestration.composition.units_of_work import UnitAdapters, bootstrap_unit_modules, sql_units_of_work
from aicmo.orchestration.internal.bootstrap import bootstrap_event_bus, bootstrap_executors, bootstrap_orchestration
from aicmo.orchestration.internal.executors import ExecutorRegistry
from aicmo.orchestration.internal.handover import Handover
from aicmo.orchestration.internal.events.subscription import Subscription
from aicmo.platform import durable
from aicmo.platform.crash_switch import CrashSwitch
from aicmo.platform.db import Database
from aicmo.platform.db.migrations import pending_heads, upgrade
from aicmo.platform.durable import RunQueue
from aicmo.platform.logging import configure_logging
from aicmo.platform.private_files import keep_files_private, private_folder
from aicmo.platform.secrets import secret_key
from aicmo.platform.settings import Settings
from aicmo.production.api import ContentProduction
from aicmo.qc.api import QualityGate
from aicmo.strategy.api import StrategyPlanner


@dataclass
class Application:
    """The wired application: each module's port implementation and the shared database."""

    settings: Settings
    db: Database
    onboarding: BriefIntake
    strategy: StrategyPlanner
    production: ContentProduction
    qc: QualityGate
    delivery: PackageBuilder
    workflows: Workflows
    campaigns: CampaignBook
    leads: LeadPipeline
    outreach: Outreach
    replies: ReplyInbox
    events: EventBus
    run_queue: RunQueue
    model_usage: ModelUsage
    handover: Handover
    accounts: Accounts
    audit: AuditLog
    review_links: ReviewLinks
    mailer: Mailer | None
    """The SMTP mailer deliveries use (review links go out through it too); None without AICMO_SMTP_URL."""
    executors: ExecutorRegistry | None = None
    """This process in the registry of processes running workflows; None when it runs none."""

    def close(self) -> None:
        """Stop running workflows, hand on whatever this process still holds, and disconnect."""
        try:
            if self.executors is not None:
                executors, self.executors = self.executors, None
                durable.shutdown()
                try:
                    self.handover.hand_over(executors.executor)
                finally:
                    executors.exited()
        finally:
            self.run_queue.close()
            self.db.dispose()

    def __enter__(self) -> Application:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def connect_database(settings: Settings, *, create_home: bool = True) -> Database:
    """The database with every module's tables declared; nothing is migrated or connected yet."""
    keep_files_private()
    if create_home:
        private_folder(settings.home)
    return Database(settings.resolved_database_url, MODULE_METADATA, guard=settings.ownership_guard)


def open_database(settings: Settings) -> Database:
    """The database migrated to head: the embedded default sets itself up on first use."""
    db = connect_database(settings)
    upgrade(db, MODULE_MIGRATIONS)
    durable.migrate(settings)
    return db


def unapplied_migrations(db: Database) -> set[str]:
    return pending_heads(db, MODULE_MIGRATIONS)


def bootstrap(
    settings: Settings | None = None,
    *,
    writer: Writer | None = None,
    file_drop: FileDrop | None = None,
    mailer: Mailer | None = None,
    webhook_poster: WebhookPoster | None = None,
    clock: Clock | None = None,
    launch_durable: bool = True,
    process_kind: str = "cli",
    serve_run_queue: bool = False,
) -> Application:
    """The wired application. With `launch_durable`, this process also runs workflows: it
    launches DBOS and registers as an executor; it runs the runs it starts or decides on,
    and with `serve_run_queue` the queued ones too (workers, `aicmo resume`)."""
    settings = settings or Settings()
    configure_logging(settings)
    clock = clock or SystemClock()
    db = open_database(settings)
    secret = settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
    channels = DeliveryChannels(
        file_drop=file_drop or bootstrap_file_drop(),
        mailer=mailer
        or bootstrap_mailer(settings.smtp_url, settings.mail_from, deadline_seconds=settings.smtp_timeout_seconds),
        poster=webhook_poster
        or bootstrap_webhook_poster(
            secret, allow_private=settings.webhook_allow_private, deadline_seconds=settings.webhook_timeout_seconds
        ),
        retry=RetryPolicy(settings.delivery_attempts, settings.delivery_backoff_seconds),
    )
    adapters = UnitAdapters(
        writer=writer or bootstrap_creatives(db, clock, model_settings(settings)),
        delivery=channels,
        agency=settings.agency_name,
        passwords=Argon2Passwords(),
        lead_rejects=RejectsFolder(bootstrap_file_drop(), settings.home / "imports"),
    )
    uows = sql_units_of_work(db)
    units = bootstrap_unit_modules(clock, uows, adapters)
    onboarding, strategy, qc, production, delivery = (
        units.onboarding,
        units.strategy,
        units.qc,
        units.production,
        units.delivery,
    )
    run_queue = RunQueue(settings)
    executors = (
        bootstrap_executors(db, clock, durable.executor_id(process_kind), settings.executor_lease_seconds)
        if launch_durable
        else None
    )
    workflows, handover = bootstrap_orchestration(
        db,
        clock,
        onboarding=onboarding,
        strategy=strategy,
        production=production,
        qc=qc,
        delivery=delivery,
        read_steps=run_queue.steps,
        queue=run_queue,
        executors=executors,
        crash=CrashSwitch(settings.crash_at),
        revision_rounds=1 if settings.writer == "template" else 2,
        writer_applies_comments=settings.writer != "template",
    )
    campaigns, leads = units.campaigns, units.leads
    outreach = bootstrap_outreach(
        clock,
        uows.cam,
        leads,
        sender=settings.mail_from,
        live=mailer
        or bootstrap_mailer(settings.smtp_url, settings.mail_from, deadline_seconds=settings.smtp_timeout_seconds),
        simulation=bootstrap_eml_mailer(settings.home / "outbox", settings.mail_from),
        public_url=settings.public_url,
        key=secret_key(settings),
        lease=dt.timedelta(seconds=settings.executor_lease_seconds),
    )
    events = bootstrap_event_bus(db, clock, subscriptions(onboarding))
    replies = bootstrap_replies(clock, uows.cam, bootstrap_reply_mailbox(settings.imap_url))
    app = Application(
        settings,
        db,
        onboarding,
        strategy,
        production,
        qc,
        delivery,
        workflows,
        campaigns,
        leads,
        outreach,
        replies,
        events,
        run_queue,
        bootstrap_model_usage(db, clock),
        handover,
        units.accounts,
        units.audit,
        units.review_links,
        channels.mailer,
    )
    if executors is not None:
        executors.register(process_kind)
        app.executors = executors
        try:
            durable.launch(settings, executors.executor, serve_run_queue=serve_run_queue)
        except BaseException:
            app.close()
            raise
    return app


def model_settings(settings: Settings) -> ModelSettings:
    return ModelSettings(
        provider=settings.writer,
        model=settings.llm_model,
        api_key=settings.llm_key(),
        base_url=settings.llm_base_url,
        timeout_seconds=settings.llm_timeout_seconds,
        max_cost_per_run=settings.llm_max_cost_per_run,
        fallback_to_template=settings.llm_fallback == "template",
        concurrency=settings.llm_concurrency,
    )


def model_catalog(settings: Settings) -> ModelCatalog:
    """The model server the settings point the writer at, for `aicmo doctor`."""
    return bootstrap_model_catalog(model_settings(settings))


def subscriptions(onboarding: BriefIntake) -> list[Subscription]:
    """Who hears which event: the one place where modules' events meet other modules' ports."""

    def open_intake_for_signed_client(signed: ClientSigned) -> None:
        onboarding.open_intake(
            signed.company,
            contact_email=signed.contact_email,
            contact_name=signed.contact_name,
            origin=f"won lead {signed.lead_id}",
            key=f"ClientSigned:{signed.event_id}",
        )

    return [Subscription(ClientSigned, "onboarding.open_intake", open_intake_for_signed_client)]


def brief_parser() -> BriefParser:
    """A parser that needs no database, so a bad brief is rejected before anything is written."""
    return bootstrap_brief_parser()


def webhook_addresses(settings: Settings) -> WebhookAddressPolicy:
    """The rules a webhook URL must meet, checked before anything is written."""
    return bootstrap_webhook_addresses(allow_private=settings.webhook_allow_private)
