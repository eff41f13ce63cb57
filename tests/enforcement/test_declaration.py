"""A malformed declaration is one clear error naming the key, never a traceback."""

import pytest

from aicmo_arch.application.use_cases.declaration import load_declaration
from aicmo_arch.bootstrap import bootstrap
from aicmo_arch.domain.errors import InvalidDeclaration

from .planting import aicmo_arch


def edit(project, old: str, new: str) -> None:
    path = project.root / "pyproject.toml"
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "key", "says"),
    [
        (
            'qc = ["onboarding", "production"]',
            'qc = ["onboarding", "billing"]',
            "modules.qc",
            "unknown module 'billing'",
        ),
        ("onboarding = []", 'onboarding = ["orchestration"]', "modules", "dependency cycle"),
        ('["creatives", "gateways"]', '["creatives", "gateways", "billing"]', "layers", "'billing' matches no package"),
        ('["platform"]', '["platform", "kernel"]', "layers", "'kernel' is in more than one layer"),
        (
            'composition_root = "aicmo.orchestration.composition"',
            'composition_root = "aicmo.wiring"',
            "composition_root",
            "matches no package",
        ),
        (
            'rules_doc = "docs/design.md#rules"',
            'rules_doc = "docs/rules.md"',
            "rules_doc",
            "'docs/rules.md' matches no file",
        ),
    ],
)
def test_each_malformed_declaration_names_its_key(project, old, new, key, says):
    edit(project, old, new)

    with pytest.raises(InvalidDeclaration) as caught:
        load_declaration(bootstrap(project.root))

    assert any(p.field == f"tool.aicmo.architecture.{key}" and says in p.message for p in caught.value.problems)


def test_the_cli_reports_it_in_one_block_and_exits_2(project):
    edit(project, 'qc = ["onboarding", "production"]', 'qc = ["onboarding", "billing"]')

    result = aicmo_arch("check", "--root", str(project.root))

    assert result.returncode == 2
    assert "tool.aicmo.architecture.modules.qc: depends on unknown module 'billing'" in result.stderr
    assert "Traceback" not in result.stderr
