"""Renderers: each turns a query result into text (or a rich renderable) and prints nothing."""
