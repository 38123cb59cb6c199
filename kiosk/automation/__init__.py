"""Driving the kiosk from outside: the automation socket, its requests and their schema, and the fleet's commands."""
