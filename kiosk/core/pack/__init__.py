"""A content pack and the feeds in it: reading, checking, signature, playlist, the store's map and collections."""
