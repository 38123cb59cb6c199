"""Configuration: TOML files read once into typed, immutable values."""

from kiosk.config.settings import KioskConfig, load_config
from kiosk.core.problems import ConfigError, Problem

__all__ = ["ConfigError", "KioskConfig", "Problem", "load_config"]
