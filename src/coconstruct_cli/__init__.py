"""coconstruct-cli: a command-line guide to Le RAMEAU's kit « co-construction territoriale »."""

__version__ = "0.1.0"
