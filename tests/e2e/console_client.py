"""Signing in to the console with FastAPI's TestClient, and the CSRF token a page carries."""

import re

from fastapi.testclient import TestClient

PASSWORD = "correct horse battery"


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def sign_in(client: TestClient, email: str, password: str = PASSWORD):
    token = csrf_of(client.get("/login").text)
    return client.post("/login", data={"email": email, "password": password, "csrf": token, "next": "/"})
