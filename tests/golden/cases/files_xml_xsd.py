# rowValidationXSDPath as PySpark 4.0.1 applies it: a row that does not validate against the XSD
# (a bad value, a missing required attribute, an undeclared element) is a malformed record in
# inference and in reading, under each mode.
import os
import tempfile

from pyspark.sql import SparkSession
from pyspark.errors import PySparkException

spark = SparkSession.builder.appName("files_xml_xsd").getOrCreate()
d = tempfile.mkdtemp()
xsd = os.path.join(d, "book.xsd")
with open(xsd, "w") as f:
    f.write("""<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="book">
    <xs:complexType>
      <xs:sequence>
        <xs:element name="title" type="xs:string"/>
        <xs:element name="price" type="xs:decimal"/>
        <xs:element name="tag" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
      </xs:sequence>
      <xs:attribute name="id" type="xs:integer" use="required"/>
    </xs:complexType>
  </xs:element>
</xs:schema>
""")
books = os.path.join(d, "books.xml")
with open(books, "w") as f:
    f.write("""<books>
<book id="1"><title>A</title><price>1.50</price><tag>x</tag><tag>y</tag></book>
<book id="2"><title>B</title><price>abc</price></book>
<book><title>C</title><price>3</price></book>
<book id="4"><title>D</title><price>4.25</price><extra>x</extra></book>
<book id="5"><title>E &amp; F</title><price>5</price></book>
<book id="x6"><title>G</title><price>6</price></book>
</books>
""")


def reader(mode="PERMISSIVE"):
    return spark.read.option("rowTag", "book").option("rowValidationXSDPath", xsd).option("mode", mode)


def show_error(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        cond = e.getCondition() if isinstance(e, PySparkException) else None
        print(type(e).__name__, cond)


for mode in ["PERMISSIVE", "DROPMALFORMED"]:
    df = reader(mode).xml(books)
    df.printSchema()
    df.orderBy("_id").show(truncate=False)
reader().schema("_id INT, title STRING, price DOUBLE, tag ARRAY<STRING>, _corrupt_record STRING").xml(books).show(truncate=False)
print(reader().schema("_id INT, title STRING").xml(books).where("title IS NOT NULL").count())
# a missing XSD fails the job in PySpark (FileNotFoundException in a task: Py4JJavaError);
# tspark fails the read naming the file (tests/e2e/test_files_xml.py)
show_error(lambda: reader().xml(os.path.join(d, "no-such-dir")).collect())
