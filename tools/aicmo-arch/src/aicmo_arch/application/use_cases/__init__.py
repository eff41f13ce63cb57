"""The things aicmo-arch can do, one per file."""
