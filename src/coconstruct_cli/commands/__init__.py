"""Command modules too large to live in `cli`; each exposes plain functions that `cli` registers."""
