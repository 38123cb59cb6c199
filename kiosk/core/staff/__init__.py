"""Staff access: PINs and the hidden corner gesture."""
