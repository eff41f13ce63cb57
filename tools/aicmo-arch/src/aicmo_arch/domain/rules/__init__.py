"""One file per family of rules; each yields findings."""
