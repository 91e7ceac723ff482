"""Sync: the entries' contract, push and pull, and the JSON API's shared routes."""
