"""What the displays of one process share: the shop, the staff's local settings, and the service ports."""
