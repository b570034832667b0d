"""Date and time functions as one-line wrappers (PySpark 4.0's signatures); the engine's
registry (ts-engine/src/expr/functions/datetime*.ts) holds their semantics."""
from typing import Any, Optional

from tspark.sql._plan import expressions as E
from tspark.sql._plan.literals import make_literal
from tspark.sql.column import Column
from tspark.sql._invoke import invoke, to_col_expr
from tspark.sql.functions._family import family_all


def _call(name: str, *args: Any) -> Column:
    """``name(args...)`` from already-built expressions."""
    return Column(E.function(name, list(args)))


def _lit(v: Any) -> Any:
    """A Column's expression, else a literal (PySpark's ``lit`` for non-Column arguments)."""
    return v._expr if isinstance(v, Column) else make_literal(v)


def _str(v: Any) -> Any:
    """A Python-str parameter (pattern, unit, day of week): PySpark hands it to the JVM as is,
    so a Column there fails as iterating a Column does (NOT_ITERABLE)."""
    if isinstance(v, Column):
        iter(v)
    return make_literal(v)


def _col_or_lit(v: Any) -> Any:
    """An int/float argument as a literal, a Column or column name as a column."""
    return make_literal(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else to_col_expr(v)


def current_date() -> Column:
    return _call("current_date")


def curdate() -> Column:
    return _call("curdate")


def current_timestamp() -> Column:
    return _call("current_timestamp")


def now() -> Column:
    return _call("now")


def localtimestamp() -> Column:
    return _call("localtimestamp")


def current_timezone() -> Column:
    return _call("current_timezone")


def date_format(date: Any, format: str) -> Column:
    return _call("date_format", to_col_expr(date), _str(format))


def year(col: Any) -> Column:
    return invoke("year", col)


def quarter(col: Any) -> Column:
    return invoke("quarter", col)


def month(col: Any) -> Column:
    return invoke("month", col)


def dayofweek(col: Any) -> Column:
    return invoke("dayofweek", col)


def dayofmonth(col: Any) -> Column:
    return invoke("dayofmonth", col)


def day(col: Any) -> Column:
    return invoke("day", col)


def dayofyear(col: Any) -> Column:
    return invoke("dayofyear", col)


def hour(col: Any) -> Column:
    return invoke("hour", col)


def minute(col: Any) -> Column:
    return invoke("minute", col)


def second(col: Any) -> Column:
    return invoke("second", col)


def weekofyear(col: Any) -> Column:
    return invoke("weekofyear", col)


def weekday(col: Any) -> Column:
    return invoke("weekday", col)


def monthname(col: Any) -> Column:
    return invoke("monthname", col)


def dayname(col: Any) -> Column:
    return invoke("dayname", col)


def extract(field: Any, source: Any) -> Column:
    return _call("extract", to_col_expr(field, "field"), to_col_expr(source, "source"))


def date_part(field: Any, source: Any) -> Column:
    return _call("date_part", to_col_expr(field, "field"), to_col_expr(source, "source"))


def datepart(field: Any, source: Any) -> Column:
    return _call("datepart", to_col_expr(field, "field"), to_col_expr(source, "source"))


def make_date(year: Any, month: Any, day: Any) -> Column:
    return invoke("make_date", year, month, day)


def date_add(start: Any, days: Any) -> Column:
    return _call("date_add", to_col_expr(start, "start"), _col_or_lit(days))


def dateadd(start: Any, days: Any) -> Column:
    return _call("dateadd", to_col_expr(start, "start"), _col_or_lit(days))


def date_sub(start: Any, days: Any) -> Column:
    return _call("date_sub", to_col_expr(start, "start"), _col_or_lit(days))


def datediff(end: Any, start: Any) -> Column:
    return invoke("datediff", end, start)


def date_diff(end: Any, start: Any) -> Column:
    return invoke("date_diff", end, start)


def date_from_unix_date(days: Any) -> Column:
    return invoke("date_from_unix_date", days)


def add_months(start: Any, months: Any) -> Column:
    return _call("add_months", to_col_expr(start, "start"), _col_or_lit(months))


def months_between(date1: Any, date2: Any, roundOff: bool = True) -> Column:
    return _call("months_between", to_col_expr(date1, "date1"), to_col_expr(date2, "date2"), make_literal(roundOff))


def to_date(col: Any, format: Optional[str] = None) -> Column:
    return invoke("to_date", col) if format is None else _call("to_date", to_col_expr(col), _str(format))


def to_timestamp(col: Any, format: Optional[str] = None) -> Column:
    return invoke("to_timestamp", col) if format is None else _call("to_timestamp", to_col_expr(col), _str(format))


def try_to_timestamp(col: Any, format: Optional[Any] = None) -> Column:
    return invoke("try_to_timestamp", col) if format is None else invoke("try_to_timestamp", col, format)


def to_timestamp_ltz(timestamp: Any, format: Optional[Any] = None) -> Column:
    return invoke("to_timestamp_ltz", timestamp) if format is None else invoke("to_timestamp_ltz", timestamp, format)


def to_timestamp_ntz(timestamp: Any, format: Optional[Any] = None) -> Column:
    return invoke("to_timestamp_ntz", timestamp) if format is None else invoke("to_timestamp_ntz", timestamp, format)


def trunc(date: Any, format: str) -> Column:
    return _call("trunc", to_col_expr(date, "date"), _str(format))


def date_trunc(format: str, timestamp: Any) -> Column:
    return _call("date_trunc", _str(format), to_col_expr(timestamp, "timestamp"))


def next_day(date: Any, dayOfWeek: str) -> Column:
    return _call("next_day", to_col_expr(date, "date"), _str(dayOfWeek))


def last_day(date: Any) -> Column:
    return invoke("last_day", date)


def from_unixtime(timestamp: Any, format: str = "yyyy-MM-dd HH:mm:ss") -> Column:
    return _call("from_unixtime", to_col_expr(timestamp, "timestamp"), _str(format))


def unix_timestamp(timestamp: Optional[Any] = None, format: str = "yyyy-MM-dd HH:mm:ss") -> Column:
    if timestamp is None:
        return _call("unix_timestamp", _call("current_timestamp")._expr, _str(format))
    return _call("unix_timestamp", to_col_expr(timestamp, "timestamp"), _str(format))


def to_unix_timestamp(timestamp: Any, format: Optional[Any] = None) -> Column:
    return invoke("to_unix_timestamp", timestamp) if format is None else invoke("to_unix_timestamp", timestamp, format)


def from_utc_timestamp(timestamp: Any, tz: Any) -> Column:
    return _call("from_utc_timestamp", to_col_expr(timestamp, "timestamp"), _lit(tz))


def to_utc_timestamp(timestamp: Any, tz: Any) -> Column:
    return _call("to_utc_timestamp", to_col_expr(timestamp, "timestamp"), _lit(tz))


def convert_timezone(sourceTz: Optional[Column], targetTz: Column, sourceTs: Any) -> Column:
    if sourceTz is None:
        return _call("convert_timezone", to_col_expr(targetTz, "targetTz"), to_col_expr(sourceTs, "sourceTs"))
    return _call("convert_timezone", to_col_expr(sourceTz, "sourceTz"), to_col_expr(targetTz, "targetTz"), to_col_expr(sourceTs, "sourceTs"))


def timestamp_seconds(col: Any) -> Column:
    return invoke("timestamp_seconds", col)


def timestamp_millis(col: Any) -> Column:
    return invoke("timestamp_millis", col)


def timestamp_micros(col: Any) -> Column:
    return invoke("timestamp_micros", col)


def unix_date(col: Any) -> Column:
    return invoke("unix_date", col)


def unix_seconds(col: Any) -> Column:
    return invoke("unix_seconds", col)


def unix_millis(col: Any) -> Column:
    return invoke("unix_millis", col)


def unix_micros(col: Any) -> Column:
    return invoke("unix_micros", col)


def timestamp_add(unit: str, quantity: Any, ts: Any) -> Column:
    return _call("timestampadd", make_literal(unit), to_col_expr(quantity, "quantity"), to_col_expr(ts, "ts"))


def timestamp_diff(unit: str, start: Any, end: Any) -> Column:
    return _call("timestampdiff", make_literal(unit), to_col_expr(start, "start"), to_col_expr(end, "end"))


def _make_ts(name: str, cols: Any, timezone: Optional[Any]) -> Column:
    args = [to_col_expr(c) for c in cols]
    if timezone is not None:
        args.append(to_col_expr(timezone, "timezone"))
    return Column(E.function(name, args))


def make_timestamp(years: Any, months: Any, days: Any, hours: Any, mins: Any, secs: Any, timezone: Optional[Any] = None) -> Column:
    return _make_ts("make_timestamp", (years, months, days, hours, mins, secs), timezone)


def make_timestamp_ltz(years: Any, months: Any, days: Any, hours: Any, mins: Any, secs: Any, timezone: Optional[Any] = None) -> Column:
    return _make_ts("make_timestamp_ltz", (years, months, days, hours, mins, secs), timezone)


def make_timestamp_ntz(years: Any, months: Any, days: Any, hours: Any, mins: Any, secs: Any) -> Column:
    return _make_ts("make_timestamp_ntz", (years, months, days, hours, mins, secs), None)


def try_make_timestamp(years: Any, months: Any, days: Any, hours: Any, mins: Any, secs: Any, timezone: Optional[Any] = None) -> Column:
    return _make_ts("try_make_timestamp", (years, months, days, hours, mins, secs), timezone)


def try_make_timestamp_ltz(years: Any, months: Any, days: Any, hours: Any, mins: Any, secs: Any, timezone: Optional[Any] = None) -> Column:
    return _make_ts("try_make_timestamp_ltz", (years, months, days, hours, mins, secs), timezone)


def try_make_timestamp_ntz(years: Any, months: Any, days: Any, hours: Any, mins: Any, secs: Any) -> Column:
    return _make_ts("try_make_timestamp_ntz", (years, months, days, hours, mins, secs), None)


def _zero_or_col(v: Any) -> Any:
    """PySpark's interval constructors: an absent field is ``lit(0)``, else a Column or name."""
    return make_literal(0) if v is None else to_col_expr(v)


def make_dt_interval(days: Any = None, hours: Any = None, mins: Any = None, secs: Any = None) -> Column:
    return _call("make_dt_interval", *(_zero_or_col(v) for v in (days, hours, mins, secs)))


def make_ym_interval(years: Any = None, months: Any = None) -> Column:
    return _call("make_ym_interval", *(_zero_or_col(v) for v in (years, months)))


def _interval_fields(years: Any, months: Any, weeks: Any, days: Any, hours: Any, mins: Any, secs: Any) -> list:
    import decimal
    fields = [_zero_or_col(v) for v in (years, months, weeks, days, hours, mins)]
    return fields + [make_literal(decimal.Decimal(0)) if secs is None else to_col_expr(secs)]


def make_interval(years: Any = None, months: Any = None, weeks: Any = None, days: Any = None, hours: Any = None,
                  mins: Any = None, secs: Any = None) -> Column:
    return _call("make_interval", *_interval_fields(years, months, weeks, days, hours, mins, secs))


def try_make_interval(years: Any = None, months: Any = None, weeks: Any = None, days: Any = None, hours: Any = None,
                      mins: Any = None, secs: Any = None) -> Column:
    return _call("try_make_interval", *_interval_fields(years, months, weeks, days, hours, mins, secs))


__all__ = family_all(globals())
