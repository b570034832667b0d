"""``df.plot``: PySpark 4.0's plotting accessor. PySpark draws with plotly; each call first
requires it (PACKAGE_NOT_INSTALLED without it, as PySpark). tspark does not draw: with plotly
installed a call raises NOT_IMPLEMENTED."""
from typing import Any, Optional

from tspark.errors import PySparkImportError, PySparkNotImplementedError, PySparkValueError

__all__ = ["PySparkPlotAccessor", "require_package"]


def require_package(module: str, minimum_version: str, package_name: str) -> None:
    """PySpark's require_minimum_*_version: PACKAGE_NOT_INSTALLED when ``module`` does not import."""
    try:
        __import__(module)
    except ImportError as error:
        raise PySparkImportError(errorClass="PACKAGE_NOT_INSTALLED", messageParameters={
            "package_name": package_name, "minimum_version": minimum_version}) from error


class PySparkPlotAccessor:
    """``df.plot(kind=…)`` and ``df.plot.line(…)`` … as PySpark's accessor."""

    def __init__(self, data: Any):
        self.data = data

    def __call__(self, kind: str = "line", backend: Optional[str] = None, **kwargs: Any) -> Any:
        if (backend or "plotly") != "plotly":
            raise PySparkValueError(errorClass="UNSUPPORTED_PLOT_BACKEND", messageParameters={
                "backend": str(backend), "supported_backends": "plotly"})
        require_package("plotly", "4.8", "Plotly")
        raise PySparkNotImplementedError.feature("DataFrame.plot (%s)" % kind)

    def line(self, x: str, y: Any, **kwargs: Any) -> Any:
        return self(kind="line", x=x, y=y, **kwargs)

    def bar(self, x: str, y: Any, **kwargs: Any) -> Any:
        return self(kind="bar", x=x, y=y, **kwargs)

    def barh(self, x: Any, y: Any, **kwargs: Any) -> Any:
        return self(kind="barh", x=x, y=y, **kwargs)

    def scatter(self, x: str, y: str, **kwargs: Any) -> Any:
        return self(kind="scatter", x=x, y=y, **kwargs)

    def area(self, x: str, y: Any, **kwargs: Any) -> Any:
        return self(kind="area", x=x, y=y, **kwargs)

    def pie(self, x: str, y: Optional[str] = None, **kwargs: Any) -> Any:
        return self(kind="pie", x=x, y=y, **kwargs)

    def box(self, column: Any = None, **kwargs: Any) -> Any:
        return self(kind="box", column=column, **kwargs)

    def kde(self, column: Any = None, bw_method: Any = None, ind: Any = None, **kwargs: Any) -> Any:
        return self(kind="kde", column=column, bw_method=bw_method, ind=ind, **kwargs)

    def hist(self, column: Any = None, bins: int = 10, **kwargs: Any) -> Any:
        return self(kind="hist", column=column, bins=bins, **kwargs)
