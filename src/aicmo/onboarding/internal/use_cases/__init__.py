"""What onboarding can do, one use case per file; each takes onboarding's unit of work."""
