"""How a family module of ``tspark.sql.functions`` lists its public names."""
from typing import Any, Dict, List


def family_all(namespace: Dict[str, Any]) -> List[str]:
    """The public callables defined in the module whose globals are ``namespace`` (its ``__all__``).

    Imported helpers (Column, invoke …) are left out because their ``__module__`` is another
    module's; aliases such as ``power = pow`` stay in because they are the same function object.
    """
    module = namespace["__name__"]
    return [n for n, v in list(namespace.items())
            if not n.startswith("_") and callable(v) and getattr(v, "__module__", None) == module]
