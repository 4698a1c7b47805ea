"""Readers for files users bring in (the End User List as METI publishes it, templates)."""
