"""Fakes of the ports, named after them, for tests that pass them through `bootstrap`."""

from tests.fakes.writer import FakeWriter

__all__ = ["FakeWriter"]
