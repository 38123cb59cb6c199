"""Configuration: TOML files read once into typed, immutable values."""

from kiosk.core.problems import ConfigError, Problem
from kiosk.config.settings import KioskConfig, load_config

__all__ = ["ConfigError", "KioskConfig", "Problem", "load_config"]
