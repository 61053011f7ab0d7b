"""The API's routers (one module a resource)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter


def post_route(router: APIRouter, path: str) -> Any:
    """The route of ``POST path`` on ``router``, as the router would set it in the scope (the fast paths set it
    themselves: ``app.observe`` labels metrics and logs by it)."""
    return next(r for r in router.routes if getattr(r, "path", None) == path and "POST" in getattr(r, "methods", ()))
