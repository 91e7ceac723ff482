"""Portability: export, import and deleting an account."""
