"""addrnet: neural address parsing and geocoding.

``from addrnet import Parser, Geocoder`` (see ``addrnet.api``). The names are loaded on first use, so
importing ``addrnet`` (or its CLI) imports neither FastAPI, SQLAlchemy nor torch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from addrnet.api import Component, Geocoder, ParsedAddress, Parser, Place, Token

__all__ = ["Component", "Geocoder", "ParsedAddress", "Parser", "Place", "Token", "__version__"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from addrnet import api

        return getattr(api, name)
    raise AttributeError(f"module 'addrnet' has no attribute {name!r}")
