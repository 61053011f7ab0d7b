"""Rewrite tests/data/openapi.json from the current application."""

import json
from pathlib import Path

from app.main import create_app

path = Path(__file__).resolve().parents[1] / "tests" / "data" / "openapi.json"
path.write_text(json.dumps(create_app().openapi(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
print(f"wrote {path}")
