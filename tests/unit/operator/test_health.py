"""/healthz tells a monitor whether the server can reach its database, without saying why not."""

from fastapi import FastAPI
from fastapi.testclient import TestClient

from aicmo.operator.web.head_as_get import HeadAsGet
from aicmo.operator.web.health import health_router
from aicmo.platform.db.database import Database


def client_on(url: str) -> TestClient:
    web = FastAPI()
    web.add_middleware(HeadAsGet)
    web.include_router(health_router(Database(url, [])))
    return TestClient(web)


def test_a_reachable_database_is_healthy_to_get_and_to_head(tmp_path):
    client = client_on(f"sqlite:///{tmp_path / 'aicmo.db'}")

    got, headed = client.get("/healthz"), client.head("/healthz")

    assert got.status_code == headed.status_code == 200
    assert got.json() == {"status": "ok", "database": "answers"} and headed.content == b""


def test_a_database_that_does_not_answer_is_503_and_its_address_is_not_told(tmp_path):
    client = client_on("postgresql+psycopg://secret-user@127.0.0.1:1/test?connect_timeout=2")

    answer = client.get("/healthz")

    assert answer.status_code == 503 and answer.json() == {"status": "unavailable", "database": "does not answer"}
    assert "secret-user" not in answer.text and "127.0.0.1" not in answer.text
