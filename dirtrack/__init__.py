"""dirtrack: follow up on what leaders decide in meetings."""

__version__ = "0.1.0"
