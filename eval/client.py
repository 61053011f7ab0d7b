"""The eval suite's only way into the product: HTTP against the running service."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import httpx


class ServiceError(RuntimeError):
    """The service answered with an error body or an unexpected status (``status``; None: no answer)."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


class Client:
    def __init__(self, url: str, arm: str | None = None, timeout: float = 120.0,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.url = url.rstrip("/")
        self.arm = arm
        self.http = httpx.Client(base_url=self.url, timeout=timeout, transport=transport)
        self.models_seen: dict[str, dict[str, Any]] = {}
        self.parsed: dict[str, dict[str, Any]] = {}  # text -> parse, filled by eval.runners.parse_all
        self._arms: dict[str, Any] | None = None

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        try:
            resp = self.http.request(method, path, json=body)
        except httpx.HTTPError as exc:
            raise ServiceError(f"{method} {self.url}{path}: {exc.__class__.__name__}: {exc}") from exc
        try:
            data = resp.json()
        except ValueError:
            data = None
        if resp.status_code != 200:
            err = data.get("error") if isinstance(data, dict) else None
            detail = f"{err.get('code')}: {err.get('message')}" if isinstance(err, dict) else resp.text[:300]
            raise ServiceError(f"{method} {path} -> HTTP {resp.status_code} ({detail})", resp.status_code)
        return data

    def _with_arm(self, body: dict[str, Any]) -> dict[str, Any]:
        if self.arm is not None:
            body["arm"] = self.arm
        return body

    def _check_parse(self, parse: dict[str, Any]) -> None:
        """Every parse must come from the arm asked for: a silent fallback would poison the report."""
        arm = parse.get("arm")
        if self.arm is not None and arm != self.arm:
            raise ServiceError(f"asked for arm {self.arm!r}, service answered with arm {arm!r}")
        model = parse.get("model") or {}
        self.models_seen[str(arm)] = model

    def arms(self) -> dict[str, Any]:
        """GET /v1/arms, once per client: every runner of a run records the same answer."""
        if self._arms is None:
            data = self._request("GET", "/v1/arms")
            if not isinstance(data, dict) or "arms" not in data or "primary" not in data:
                raise ServiceError(f"/v1/arms answered an unexpected body: {str(data)[:300]}")
            self._arms = data
        return self._arms

    def parse(self, text: str) -> dict[str, Any]:
        data = self._request("POST", "/parse", self._with_arm({"text": text}))
        self._check_parse(data)
        return data

    def parse_batch(self, texts: Sequence[str], chunk: int = 200) -> Iterator[list[dict[str, Any]]]:
        """Yield the parses chunk by chunk (≤ 1000 per request, the API's limit)."""
        chunk = max(1, min(chunk, 1000))
        for i in range(0, len(texts), chunk):
            part = list(texts[i : i + chunk])
            data = self._request("POST", "/parse/batch", self._with_arm({"texts": part}))
            results = data.get("results") if isinstance(data, dict) else None
            if not isinstance(results, list) or len(results) != len(part):
                raise ServiceError(f"/parse/batch returned {len(results or [])} results for {len(part)} texts")
            for r in results:
                self._check_parse(r)
            yield results

    def resolve(self, text: str, limit: int = 1, country: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {"text": text, "limit": limit}
        if country:
            body["country"] = country
        data = self._request("POST", "/resolve", self._with_arm(body))
        if data.get("parse"):
            self._check_parse(data["parse"])
        return data
