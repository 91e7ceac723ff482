"""Guidance: a client's guides, what is shared with them, and a guide's practice."""
