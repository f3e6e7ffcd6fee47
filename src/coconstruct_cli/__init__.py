"""coconstruct-cli: a command-line guide to Le RAMEAU's kit « co-construction territoriale »."""

__version__ = "0.2.0"


def version_line() -> str:
    """What `kit --version` prints."""
    return f"kit (coconstruct-cli) {__version__}\n"
