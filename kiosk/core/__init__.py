"""The product's rules: pure Python and SQLite, no pygame, no threads, no network."""
