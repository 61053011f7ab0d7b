"""The framework ceiling for ``addrnet bench compare``: a bare FastAPI endpoint with /parse's request model.

It validates the same ``app.schemas.ParseRequest`` body and answers a small JSON object; served by the
same uvicorn options and worker count as addrnet (``uvicorn bench.bare_app:app``).
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

from app.schemas import ParseRequest

app = FastAPI(title="bare")


@app.post("/parse")
async def parse(req: ParseRequest) -> dict[str, Any]:
    return {"text": req.text, "components": []}


@app.get("/readyz")
async def readyz() -> dict[str, str]:
    return {"status": "ready"}
