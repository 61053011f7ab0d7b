"""addrnet: neural address parsing and geocoding. This package holds the CLI and the Settings."""

__version__ = "0.1.0"
