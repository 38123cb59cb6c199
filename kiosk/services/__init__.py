"""The outside world behind small interfaces: the phone page server, and later mail, fleet and backend."""
