"""The shopper's visit: session, cart, comparison, the share link, its email and printed slip."""
