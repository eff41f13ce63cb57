"""What delivery can do, one use case per file; each takes delivery's unit of work."""
