"""The client review portal: a signed, expiring link to one run's pack, read and decided on without an account."""
