"""``spark.conf``: runtime configuration kept by the engine's session."""
from typing import Any, Dict, Optional

from tspark._bridge import protocol
from tspark.errors import SparkNoSuchElementException

_NO_DEFAULT = object()


def _to_str(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v)


class RuntimeConfig:
    """set/get/unset/getAll forwarded to the engine (keys and defaults are the engine's)."""

    def __init__(self, session: Any):
        self._session = session

    def _req(self, op: str, key: Optional[str] = None, value: Optional[str] = None) -> Dict[str, Any]:
        c = self._session._client_checked()
        return c.request(protocol.config(c.next_id(), c.session_id, op, key, value))

    def set(self, key: str, value: Any) -> None:
        """Set a SQL conf for this session (booleans as "true"/"false")."""
        self._req("set", key, _to_str(value))

    def get(self, key: str, default: Any = _NO_DEFAULT) -> Optional[str]:
        """The value, else `default`, else the engine's default; unknown keys raise."""
        reply = self._req("get", key)
        value = reply.get("value")
        if value is not None:
            return value
        if default is not _NO_DEFAULT:
            return default
        if "value" in reply:
            return None
        raise SparkNoSuchElementException(
            errorClass="SQL_CONF_NOT_FOUND", messageParameters={"sqlConf": '"%s"' % key},
            sqlState="42K0I",
            _full_message='[SQL_CONF_NOT_FOUND] The SQL config "%s" cannot be found. '
                          'Please verify that the config exists. SQLSTATE: 42K0I' % key)

    def unset(self, key: str) -> None:
        """Reset a key to its default."""
        self._req("unset", key)

    def getAll(self) -> Dict[str, str]:
        """All explicitly set keys."""
        pairs = self._req("getAll").get("pairs") or {}
        if isinstance(pairs, list):
            return {str(k): str(v) for k, v in pairs}
        return {str(k): str(v) for k, v in pairs.items()}

    def isModifiable(self, key: str) -> bool:
        """SQL confs are runtime-modifiable; static spark.* keys are not."""
        return key.startswith("spark.sql.")
