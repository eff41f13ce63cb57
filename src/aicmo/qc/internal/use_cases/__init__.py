"""What QC can do, one use case per file; each takes QC's unit of work."""
