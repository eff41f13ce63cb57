"""The web front."""
