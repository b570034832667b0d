"""XML reads through the Python client beyond the goldens (tests/golden/cases/files_xml*.py):
rowValidationXSDPath, which Spark honours with javax.xml.validation and tspark cannot (no XSD
validator), fails clearly instead of returning rows it did not validate."""
from __future__ import annotations

import pathlib

import pytest

from tspark.errors import IllegalArgumentException


def _rows(tmp_path: pathlib.Path) -> str:
    p = tmp_path / "rows.xml"
    p.write_text("<rows><row><a>1</a></row><row><a>oops</a></row></rows>")
    return str(p)


def test_row_validation_xsd_path_fails_clearly(spark, tmp_path: pathlib.Path):
    xsd = tmp_path / "s.xsd"
    xsd.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="row"/></xs:schema>')
    with pytest.raises(IllegalArgumentException, match="rowValidationXSDPath is not supported"):
        spark.read.option("rowTag", "row").option("rowValidationXSDPath", str(xsd)).xml(_rows(tmp_path)).collect()


def test_row_validation_xsd_path_names_a_missing_file(spark, tmp_path: pathlib.Path):
    with pytest.raises(IllegalArgumentException, match="does not exist"):
        spark.read.option("rowTag", "row").option("rowValidationXSDPath", "/no/such.xsd").xml(_rows(tmp_path)).collect()


def test_xml_without_xsd_still_reads(spark, tmp_path: pathlib.Path):
    assert [r.a for r in spark.read.option("rowTag", "row").schema("a STRING").xml(_rows(tmp_path)).collect()] == ["1", "oops"]
