"""What production can do, one use case per file; each takes production's unit of work."""
