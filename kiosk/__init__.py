"""In-store kiosk and smart-window application."""
