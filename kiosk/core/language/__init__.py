"""Words in the shopper's language: translations, locale formats, text as search compares it."""
