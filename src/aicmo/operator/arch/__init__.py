"""Architecture enforcement: the rules of the README's "Architecture rules" checked on the source tree.

`aicmo arch check` reads the declaration in pyproject.toml, parses every source file
once (cached by content hash) and reports findings by rule with file:line and the fix.
"""
