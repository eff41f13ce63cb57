"""R1 and R2: each way of reaching into another module's internal is caught at its line."""

import pytest

INTERNAL = "ARCH-R1-INTERNAL"


def test_an_absolute_import_of_another_internal(project):
    line = project.append("strategy/internal/service.py", "\nfrom aicmo.onboarding.internal.models import BriefRow\n")

    assert f"src/aicmo/strategy/internal/service.py:{line + 1}" in project.where(INTERNAL)


def test_a_relative_import_of_another_internal(project):
    line = project.append("qc/internal/service.py", "\nfrom ...onboarding.internal import models\n")

    assert f"src/aicmo/qc/internal/service.py:{line + 1}" in project.where(INTERNAL)


def test_a_type_checking_import_of_another_internal(project):
    code = (
        "\nfrom typing import TYPE_CHECKING\n\n"
        "if TYPE_CHECKING:\n"
        "    from aicmo.delivery.internal.models import PackageRow\n"
    )
    line = project.append("production/internal/service.py", code)

    findings = [f for f in project.findings() if f.rule == INTERNAL]
    assert [f.location for f in findings] == [f"src/aicmo/production/internal/service.py:{line + 4}"]
    assert "TYPE_CHECKING import" in findings[0].message


def test_an_importlib_import_of_another_internal(project):
    code = '\nimport importlib\n\nSERVICE = importlib.import_module("aicmo.production.internal.service")\n'
    line = project.append("delivery/internal/service.py", code)

    assert f"src/aicmo/delivery/internal/service.py:{line + 3}" in project.where(INTERNAL)


def test_a_dunder_import_of_another_internal(project):
    line = project.append("qc/internal/evaluator.py", '\nMODELS = __import__("aicmo.strategy.internal.models")\n')

    assert f"src/aicmo/qc/internal/evaluator.py:{line + 1}" in project.where(INTERNAL)


def test_the_composition_root_may_wire_internals(project):
    project.append(
        "orchestration/composition/modules.py", "\nfrom aicmo.cam.internal import __name__ as CAM_INTERNAL\n"
    )

    assert project.where(INTERNAL) == set()


def test_a_lower_layer_importing_a_higher_one(project):
    line = project.append("platform/settings.py", "\nfrom aicmo.strategy.api import Strategy\n")

    assert f"src/aicmo/platform/settings.py:{line + 1}" in project.where("ARCH-R2-LAYER")


def test_an_undeclared_module_dependency(project):
    line = project.append("qc/internal/evaluator.py", "\nfrom aicmo.delivery.api import Package\n")

    assert f"src/aicmo/qc/internal/evaluator.py:{line + 1}" in project.where("ARCH-R2-UNDECLARED")


def test_reaching_past_another_modules_api(project):
    line = project.append("delivery/internal/manifest.py", "\nimport aicmo.qc\n")

    assert project.where("ARCH-R1-NOT-API") == {f"src/aicmo/delivery/internal/manifest.py:{line + 1}"}


@pytest.mark.parametrize("package", ["analytics"])
def test_a_package_missing_from_the_declaration(project, package):
    (project.root / "src" / "aicmo" / package).mkdir()
    (project.root / "src" / "aicmo" / package / "__init__.py").write_text('"""New."""\n')

    assert project.where("ARCH-DECLARATION") == {f"src/aicmo/{package}:1"}
