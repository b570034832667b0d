"""``tspark.sql.row``: Row, defined in tspark._row (the workers build Rows too)."""
from tspark._row import Row, _create_row  # noqa: F401

__all__ = ["Row"]
