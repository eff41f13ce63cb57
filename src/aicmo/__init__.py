"""AICMO: the operating system of a small marketing agency, as a modular monolith."""
