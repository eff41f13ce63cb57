"""Starts the shop."""

from shop.wiring import build


def main() -> None:
    build()
