"""pyspark.ml.linalg vectors and matrices: reprs, str, equality, and VectorUDT columns
(printSchema, show, collect) with pyspark.ml.functions' conversions."""
from _fixtures import golden_session
from pyspark.ml.functions import array_to_vector, vector_to_array
from pyspark.ml.linalg import DenseMatrix, Matrices, SparseMatrix, Vectors

spark = golden_session()

dv, sv = Vectors.dense([1.0, 2.0]), Vectors.sparse(3, [0, 2], [1.0, 3.0])
print(repr(dv), str(dv), repr(sv), str(sv))
print(repr(Vectors.dense(1, 2.5)), repr(Vectors.sparse(4, {1: 2.0})), repr(Vectors.sparse(4, [(3, 1.5), (0, -1.0)])))
print(Vectors.dense(0.0, 2.0) == Vectors.sparse(2, {1: 2.0}), hash(Vectors.dense(0.0, 2.0)) == hash(Vectors.sparse(2, {1: 2.0})))
print(dv.dot(dv), sv.dot(Vectors.dense(1.0, 1.0, 1.0)), sv.squared_distance(Vectors.dense(0.0, 0.0, 0.0)), sv.norm(2), sv[2], sv.numNonzeros())
print(Vectors.dense(1e-7, 1e21, 123456789.0), Vectors.zeros(2), sv.toArray(), len(sv))
third = Vectors.dense(1 / 3, 2.123456, 1e-7, -0.00005)
print(repr(third), str(third), repr(Vectors.sparse(3, {1: 2 / 3})), repr(DenseMatrix(1, 2, [1 / 3, 2.5])))
m = DenseMatrix(2, 2, [1.0, 2.0, 3.0, 4.0])
print(repr(m))
print(str(m))
print(m.toArray(), m[1, 0], m == Matrices.dense(2, 2, [1.0, 2.0, 3.0, 4.0]))
s = SparseMatrix(2, 2, [0, 1, 2], [0, 1], [1.0, 2.0])
print(repr(s))
print(str(s))
print(repr(s.toDense()), s == s.toDense(), s[1, 1])

df = spark.createDataFrame([(1, dv), (2, sv), (3, None)], ["id", "features"])
df.printSchema()
df.show()
print(df.collect())
print(df.schema)
a = df.where("id < 3").select(vector_to_array("features").alias("a"), vector_to_array(df.features, "float32").alias("f"))
a.printSchema()
a.show()
b = a.select(array_to_vector("a").alias("v"))
b.printSchema()
b.show()
print(b.collect())
spark.createDataFrame([([1, 2],)], ["x"]).select(array_to_vector("x").alias("v")).show()  # Spark names the column UDF(x)
