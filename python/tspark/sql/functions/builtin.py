"""``pyspark.sql.functions``: one-line wrappers whose names are the engine registry's (STYLE habit 11).

The wrappers live in one module per family, each with its own ``__all__``; this module
star-imports them, one line each, and its ``__all__`` is their concatenation. A new family is
a new ``_<family>.py`` plus one import line here.
"""
from tspark.sql.functions._columns import *  # noqa: F401,F403
from tspark.sql.functions._udf import *  # noqa: F401,F403
from tspark.sql.functions._agg import *  # noqa: F401,F403
from tspark.sql.functions._math import *  # noqa: F401,F403
from tspark.sql.functions._string import *  # noqa: F401,F403
from tspark.sql.functions._conditional import *  # noqa: F401,F403
from tspark.sql.functions._hash import *  # noqa: F401,F403
from tspark.sql.functions._misc import *  # noqa: F401,F403
from tspark.sql.functions._json import *  # noqa: F401,F403
from tspark.sql.functions._datetime import *  # noqa: F401,F403
from tspark.sql.functions._collection import *  # noqa: F401,F403
from tspark.sql.functions._aggregate_stats import *  # noqa: F401,F403
from tspark.sql.functions._try import *  # noqa: F401,F403
from tspark.sql.functions._hints import *  # noqa: F401,F403
from tspark.sql.functions._number_format import *  # noqa: F401,F403
from tspark.sql.functions._crypto import *  # noqa: F401,F403
from tspark.sql.functions._xml import *  # noqa: F401,F403
from tspark.sql.functions._grouping import *  # noqa: F401,F403
from tspark.sql.functions._window import *  # noqa: F401,F403
from tspark.sql.functions._variant import *  # noqa: F401,F403
from tspark.sql.functions._sketch import *  # noqa: F401,F403
from tspark.sql.functions._collation import *  # noqa: F401,F403
from tspark.sql.functions._udt import *  # noqa: F401,F403
from tspark.sql.functions._time_window import *  # noqa: F401,F403
from tspark.sql.functions._partitioning import *  # noqa: F401,F403

# The concatenation of the star-imported families' __all__ (each a function defined there).
__all__ = [n for n, v in list(globals().items())
           if not n.startswith("_") and str(getattr(v, "__module__", "")).startswith("tspark.sql.functions._")]
