"""The operator console: signed-in pages for the agency's users, server-rendered, HTMX where it helps."""
