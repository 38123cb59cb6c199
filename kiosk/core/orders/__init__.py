"""Orders and the outbox: what a shopper confirms, kept durably, and the emails it sends."""
