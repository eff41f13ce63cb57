"""In-memory twins of the checker's ports, one file per port, for tests without a disk, git or imports."""
