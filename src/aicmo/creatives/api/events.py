"""Creatives publishes no events."""
