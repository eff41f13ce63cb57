"""Gateways publishes no events."""
