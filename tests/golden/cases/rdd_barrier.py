# rdd.barrier().mapPartitions / mapPartitionsWithIndex: a barrier stage, every task at once;
# BarrierTaskContext.barrier(), allGather() (every task's message, by partition),
# getTaskInfos(), TaskContext.get() inside, and NOT_IN_BARRIER_STAGE outside one.
from pyspark.sql import SparkSession
from pyspark import BarrierTaskContext, TaskContext
spark = SparkSession.builder.appName("golden").getOrCreate()
sc = spark.sparkContext
rdd = sc.parallelize(range(10), 2)
print(rdd.barrier().mapPartitions(lambda it: [sum(it)]).collect())
def f(it):
    ctx = BarrierTaskContext.get()
    ctx.barrier()
    msgs = ctx.allGather(str(ctx.partitionId()))
    yield (ctx.partitionId(), msgs, len(ctx.getTaskInfos()), TaskContext.get().partitionId())
print(sc.parallelize(range(4), 2).barrier().mapPartitions(f).collect())
print(sc.parallelize(range(8), 2).barrier().mapPartitionsWithIndex(lambda i, it: [(i, BarrierTaskContext.get().allGather(str(sum(it))))]).collect())
def outside(it):
    try:
        BarrierTaskContext.get()
    except Exception as e:
        yield type(e).__name__ + ": " + str(e)
print(sc.parallelize([1], 1).mapPartitions(outside).collect())
spark.stop()
