"""PySpark's pandas and Arrow interop (pyspark.sql.pandas): toPandas, toArrow and createDataFrame
from pandas, pyarrow and numpy, with PySpark 4.0.1's dtypes and Arrow switches."""
