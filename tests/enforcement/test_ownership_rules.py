"""R3 and R4 on the source: every kind of write to another module's table is found at its line."""

WRITE, UNRESOLVED = "ARCH-R3-WRITE", "ARCH-R3-UNRESOLVED"
MODELS = "from aicmo.onboarding.internal.models import BriefRow, IntakeRow\n"


def test_an_orm_add_of_another_modules_model(project):
    code = f"\n{MODELS}\n\ndef leak(session):\n    session.add(IntakeRow(client_name='x'))\n"
    line = project.append("strategy/internal/service.py", code)

    findings = [f for f in project.findings() if f.rule == WRITE]
    assert [(f.location, f.target) for f in findings] == [
        (f"src/aicmo/strategy/internal/service.py:{line + 5}", "onboarding_intakes")
    ]
    assert "owned by 'onboarding'" in findings[0].message and "module 'strategy'" in findings[0].message


def test_a_multi_line_constructor_followed_by_add(project):
    code = (
        f"\n{MODELS}\n\ndef leak(db):\n"
        "    with db.session_for('qc') as unit:\n"
        "        row = BriefRow(\n"
        "            client_key='x',\n"
        "            client_name='x',\n"
        "        )\n"
        "        unit.add(row)\n"
    )
    line = project.append("qc/internal/service.py", code)

    assert project.where(WRITE) == {f"src/aicmo/qc/internal/service.py:{line + 10}"}


def test_a_core_insert(project):
    code = (
        f"\nfrom sqlalchemy import insert\n{MODELS}\n\n"
        "def leak(session):\n"
        "    session.execute(insert(IntakeRow).values(client_name='x'))\n"
    )
    line = project.append("production/internal/service.py", code)

    assert project.where(WRITE) == {f"src/aicmo/production/internal/service.py:{line + 6}"}


def test_a_table_method_insert(project):
    code = (
        f"\n{MODELS}\n\ndef leak(connection):\n    connection.execute(BriefRow.__table__.update().values(status='x'))\n"
    )
    line = project.append("delivery/internal/service.py", code)

    assert project.where(WRITE) == {f"src/aicmo/delivery/internal/service.py:{line + 5}"}


def test_a_raw_sql_update(project):
    code = (
        "\nfrom sqlalchemy import text\n\n\n"
        "def leak(connection):\n"
        "    connection.execute(text(\"UPDATE onboarding_briefs SET status = 'x'\"))\n"
    )
    line = project.append("qc/internal/service.py", code)

    findings = [f for f in project.findings() if f.rule == WRITE]
    assert [(f.location, f.target) for f in findings] == [
        (f"src/aicmo/qc/internal/service.py:{line + 5}", "onboarding_briefs")
    ]


def test_driver_sql_through_a_cursor(project):
    code = "\n\ndef leak(cursor):\n    cursor.execute('DELETE FROM strategy_versions')\n"
    line = project.append("delivery/internal/service.py", code)

    assert project.where(WRITE) == {f"src/aicmo/delivery/internal/service.py:{line + 3}"}


def test_a_dynamic_sql_string_with_a_known_table(project):
    code = (
        "\nfrom sqlalchemy import text\n\n\n"
        "def leak(connection, status):\n"
        "    connection.execute(text(f\"UPDATE onboarding_briefs SET status = '{status}'\"))\n"
    )
    line = project.append("qc/internal/service.py", code)

    assert project.where(WRITE) == {f"src/aicmo/qc/internal/service.py:{line + 5}"}


def test_a_dynamically_built_table_name_is_a_finding_not_a_skip(project):
    code = (
        "\nfrom sqlalchemy import text\n\n\ndef leak(connection, kind):\n"
        "    statement = 'DELETE FROM onboarding_' + kind\n"
        "    connection.execute(text(statement))\n"
    )
    line = project.append("qc/internal/service.py", code)

    findings = [f for f in project.findings() if f.rule == UNRESOLVED]
    assert [f.location for f in findings] == [f"src/aicmo/qc/internal/service.py:{line + 6}"]
    assert "table is chosen at run time" in findings[0].message


def test_a_model_passed_in_a_variable_of_unknown_type(project):
    code = "\n\ndef save(session, anything):\n    session.add(anything)\n"
    line = project.append("strategy/internal/service.py", code)

    assert project.where(UNRESOLVED) == {f"src/aicmo/strategy/internal/service.py:{line + 3}"}


def test_writes_from_outside_any_module_internal(project):
    code = "\n\ndef leak(connection):\n    connection.exec_driver_sql('DELETE FROM qc_runs')\n"
    line = project.append("operator/cli/doctor.py", code)

    findings = [f for f in project.findings() if f.rule == WRITE]
    assert [f.location for f in findings] == [f"src/aicmo/operator/cli/doctor.py:{line + 3}"]
    assert "outside any module's internal" in findings[0].message


def test_a_foreign_key_into_another_module(project):
    line = project.replace(
        "strategy/internal/models.py",
        "brief_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True)",
        'brief_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("onboarding_briefs.id"), unique=True)',
    )

    assert project.where("ARCH-R4-FOREIGN-KEY") == {f"src/aicmo/strategy/internal/models.py:{line}"}


def test_a_table_without_its_owners_prefix(project):
    line = project.replace("qc/internal/models.py", '__tablename__ = "qc_findings"', '__tablename__ = "findings"')

    prefix = [f for f in project.findings() if f.rule == "ARCH-R3-PREFIX"]
    assert [(f.location, f.target) for f in prefix] == [(f"src/aicmo/qc/internal/models.py:{line - 1}", "findings")]


def test_the_same_table_in_two_modules(project):
    project.append(
        "delivery/internal/models.py",
        "\n\nclass Clash(DeliveryBase):\n"
        '    __tablename__ = "qc_runs"\n'
        "    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)\n",
    )

    assert any(f.target == "qc_runs" for f in project.findings() if f.rule == "ARCH-R3-DUPLICATE-TABLE")
