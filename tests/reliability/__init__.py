"""``make reliability``: schemathesis, a hand fuzz, a load run and fault injections against a real uvicorn."""
