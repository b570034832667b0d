"""``SkipRestOfInputTableException`` (public as ``pyspark.sql.udtf``'s): defined at the package's
lowest layer because the Python workers catch it and must not import the client's tspark.sql."""

__all__ = ["SkipRestOfInputTableException"]


class SkipRestOfInputTableException(Exception):
    """Raised by a UDTF's ``eval`` to skip the rest of the current partition's rows; ``terminate`` still runs."""
