"""Tests that drive a real browser (Debian's chromium) against `aicmo serve`."""
