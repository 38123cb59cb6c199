"""Driving the kiosk from outside: the automation socket, its requests and their schema, and the fleet's commands."""

from kiosk.automation.client import request

__all__ = ["request"]
