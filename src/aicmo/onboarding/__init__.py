"""The onboarding module: import its public surface from aicmo.onboarding.api."""
