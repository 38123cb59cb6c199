"""The catalogue: built from a checked pack into SQLite, then browsed and searched."""
