"""What strategy can do, one use case per file; each takes strategy's unit of work."""
