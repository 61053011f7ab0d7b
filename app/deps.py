"""Annotated dependencies for the routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from app.errors import APIError
from app.state import AppState
from model.tagger import Tagger


def get_state(request: Request) -> AppState:
    state: AppState = request.app.state.addrnet
    return state


StateDep = Annotated[AppState, Depends(get_state)]


def pick_tagger(state: AppState, arm: str | None) -> Tagger:
    name = arm or state.arms.primary
    tagger = state.arms.get(name)
    if tagger is not None:
        return tagger
    if name in state.arms.errors:
        raise APIError(503, "arm_unavailable", f"arm {name!r} failed to load: {state.arms.errors[name]}")
    raise APIError(404, "unknown_arm", f"unknown arm {name!r}; loaded arms: {sorted(state.arms.taggers)}")
