"""The shared kernel: ids, clock, the DomainEvent base and error types.

It imports nothing else of aicmo, so every layer may depend on it.
"""
