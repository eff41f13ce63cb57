"""Data files are private to the account that runs AICMO.

Leads, replies, briefs and deliveries hold personal and client data: every file a process
creates is 0600 and every folder 0700 (a process-wide umask), and the data folder itself
is closed to other accounts even when an older version created it open.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_UMASK = 0o077
PRIVATE_FOLDER = 0o700


def keep_files_private() -> None:
    """From now on this process creates files 0600 and folders 0700."""
    os.umask(PRIVATE_UMASK)


def private_folder(path: Path) -> Path:
    """Create `path` (and its parents) closed to other accounts; close it if it is ours and open."""
    path.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    if path.stat().st_uid == os.getuid() and path.stat().st_mode & 0o077:
        path.chmod(PRIVATE_FOLDER)
    return path
