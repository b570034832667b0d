"""``spark.udtf``: Python UDTFs registered under a name for SQL (PySpark's UDTFRegistration).
Apart from udtf.py, which needs the active session: the session imports this module."""
from typing import Any

from tspark.errors import PySparkTypeError

#: PySpark's PythonEvalType.SQL_TABLE_UDF and SQL_ARROW_TABLE_UDF.
SQL_TABLE_UDF = 300
SQL_ARROW_TABLE_UDF = 301


class UDTFRegistration:
    """``spark.udtf``: register a UDTF under a name for SQL's FROM clause and LATERAL joins of this session."""

    def __init__(self, sparkSession: Any):
        self.sparkSession = sparkSession

    def register(self, name: str, f: Any) -> Any:
        """Register ``f`` (made by ``udtf``) as ``name``; returns a UDTF of that name."""
        import base64

        from tspark._bridge import protocol
        # a UserDefinedTableFunction (udtf.py), known by its eval type: that module imports the session
        if not (hasattr(f, "func") and hasattr(f, "_struct") and hasattr(f, "evalType")):
            raise PySparkTypeError(errorClass="CANNOT_REGISTER_UDTF", messageParameters={"name": name})
        if f.evalType not in (SQL_TABLE_UDF, SQL_ARROW_TABLE_UDF):
            raise PySparkTypeError(errorClass="INVALID_UDTF_EVAL_TYPE", messageParameters={
                "name": name, "eval_type": "SQL_TABLE_UDF, SQL_ARROW_TABLE_UDF"})
        u = type(f)(f.func, f._returnType, name=name, evalType=f.evalType, deterministic=f.deterministic)
        client = self.sparkSession._client_checked()
        args = [name, base64.b64encode(u._command()).decode("ascii"), u._struct().simpleString(),
                str(u.evalType), "true" if u.deterministic else "false"]
        client.request(protocol.catalog(client.next_id(), client.session_id, "registerTableFunction", args))
        return u
