"""A shop: orders, billing, a web front."""
