"""aicmo-arch: a modular monolith's architecture rules, checked on its source tree.

The project declares its packages, layers and modules in `[tool.aicmo.architecture]` of its
pyproject.toml; `aicmo-arch check` reports every finding by rule with file:line and the fix.
Layers of this package, top to bottom: `cli`, `bootstrap`, `adapters`, `application`, `domain`.
"""
