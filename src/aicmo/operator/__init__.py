"""Entry points for people and scripts: the CLI (and later the web UI and REST API)."""
