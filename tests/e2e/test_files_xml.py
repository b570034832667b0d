"""XML reads through the Python client beyond the goldens (tests/golden/cases/files_xml*.py):
rowValidationXSDPath, which Spark honours with javax.xml.validation and tspark with libxml2's
XSD validator (golden files_xml_xsd), and its errors for a missing or broken XSD."""
from __future__ import annotations

import pathlib

import pytest

from tspark.errors import IllegalArgumentException


def _rows(tmp_path: pathlib.Path) -> str:
    p = tmp_path / "rows.xml"
    p.write_text("<rows><row><a>1</a></row><row><a>oops</a></row></rows>")
    return str(p)


def test_row_validation_xsd_path_validates_each_row(spark, tmp_path: pathlib.Path):
    # rowValidationXSDPath used to be refused; now a row that does not validate is malformed
    xsd = tmp_path / "s.xsd"
    xsd.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="row"><xs:complexType><xs:sequence>'
                   '<xs:element name="a" type="xs:integer"/></xs:sequence></xs:complexType></xs:element></xs:schema>')
    def r():
        return spark.read.option("rowTag", "row").option("rowValidationXSDPath", "file://" + str(xsd))
    assert [tuple(x) for x in r().schema("a STRING, _corrupt_record STRING").xml(_rows(tmp_path)).collect()] == [
        ("1", None), (None, "<row><a>oops</a></row>")]
    assert [tuple(x) for x in r().option("mode", "DROPMALFORMED").xml(_rows(tmp_path)).collect()] == [(1,)]
    with pytest.raises(Exception, match="MALFORMED_RECORD_IN_PARSING"):
        r().option("mode", "FAILFAST").schema("a STRING").xml(_rows(tmp_path)).collect()


def test_row_validation_xsd_path_names_a_broken_schema(spark, tmp_path: pathlib.Path):
    xsd = tmp_path / "broken.xsd"
    xsd.write_text("<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'><xs:element")
    with pytest.raises(IllegalArgumentException, match="broken.xsd is not a valid XML schema"):
        spark.read.option("rowTag", "row").option("rowValidationXSDPath", str(xsd)).xml(_rows(tmp_path)).collect()


def test_row_validation_xsd_path_names_a_missing_file(spark, tmp_path: pathlib.Path):
    with pytest.raises(IllegalArgumentException, match="does not exist"):
        spark.read.option("rowTag", "row").option("rowValidationXSDPath", "/no/such.xsd").xml(_rows(tmp_path)).collect()


def test_xml_without_xsd_still_reads(spark, tmp_path: pathlib.Path):
    assert [r.a for r in spark.read.option("rowTag", "row").schema("a STRING").xml(_rows(tmp_path)).collect()] == ["1", "oops"]
