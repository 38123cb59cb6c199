"""Time and hours: the injected clock, opening hours, which slides play now, when screens are lit."""
