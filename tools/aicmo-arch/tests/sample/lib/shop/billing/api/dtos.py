"""Values crossing the boundary."""

import enum


class Status(enum.Enum):
    OPEN = "open"
    DONE = "done"
