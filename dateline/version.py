"""dateline's version: from the installed package's metadata, or pyproject.toml in a checkout."""

import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

try:
    __version__ = version("dateline")
except PackageNotFoundError:  # a checkout run without installing: what pyproject.toml declares
    _PROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
    __version__ = tomllib.loads(_PROJECT.read_text(encoding="utf-8"))["project"]["version"]
