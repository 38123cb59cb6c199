"""The touch-first widget toolkit on pygame-ce: theme, text, widgets, gestures, scene stack."""
