"""What other modules and the operator may ask of onboarding."""

from __future__ import annotations

from typing import Protocol

from aicmo.onboarding.api.dtos import Brief, BriefId, BriefRecord, BriefVersionId, ExampleBrief, Intake


class BriefFiles(Protocol):
    """The files a brief names (its logo), read from beside the brief file by whoever holds it."""

    def read(self, name: str, max_bytes: int) -> bytes:
        """The bytes of `name`, a path relative to the brief file.

        Raises:
            InvalidInput: the file is missing, a folder, unreadable or larger than `max_bytes`;
                its summary says what to do.
        """
        ...


class BriefParser(Protocol):
    """Reads and validates a brief file; touches no storage, so bad input leaves no trace."""

    def parse_brief(self, data: bytes, source: str, files: BriefFiles | None = None) -> Brief:
        """Validate a YAML or JSON brief.

        Args:
            data: the file's bytes (at most 1 MiB).
            source: the file name, used to pick the format and in messages.
            files: reads the files the brief names (brand.logo); without it a brief naming a
                file is refused.

        Raises:
            InvalidInput: listing every problem with its field path and the fix.
        """
        ...

    def example_brief(self) -> ExampleBrief:
        """The example brief this parser's messages name, with its content."""
        ...


class BriefIntake(Protocol):
    """Keeps every version of a client's brief."""

    def capture(self, brief: Brief, source: str, *, key: str | None = None) -> BriefRecord:
        """Store `brief` as the next version of its client's brief and return that version.

        A second call with the same `key` (a workflow step run again) returns the first version.
        """
        ...

    def open_intake(
        self, client_name: str, *, contact_email: str | None, contact_name: str | None, origin: str, key: str
    ) -> Intake:
        """Open an intake for a client who has no brief yet (a won deal); the same `key` opens it once."""
        ...

    def intakes(self, limit: int = 100) -> list[Intake]:
        """Intakes, newest first."""
        ...

    def get_version(self, version_id: BriefVersionId) -> BriefRecord:
        """One stored version; raises NotFound when there is none."""
        ...

    def archive(self, brief_id: BriefId) -> None:
        """Compensation: mark the brief archived. Idempotent."""
        ...
