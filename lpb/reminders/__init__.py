"""Reminders: push devices, their schedules, the sender and the calendar feed."""
