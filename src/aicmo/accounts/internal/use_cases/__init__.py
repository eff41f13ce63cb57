"""What accounts can do, one use case per file."""
