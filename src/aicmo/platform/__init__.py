"""Technical infrastructure: settings, databases with owner-scoped sessions, migrations,
durable execution, logging. It knows no business module; the composition root hands it
what it needs (module metadata, migration folders)."""
