"""The REST API under /api/v1: the command line's runs, reports, packages and events over
HTTP, for scripts that hold an API token (`Authorization: Bearer …`)."""
