"""No events yet."""
