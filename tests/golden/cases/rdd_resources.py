# pyspark.resource: executor and task resource requests, ResourceProfileBuilder and the
# profiles it builds (ids from 1, the default profile being 0), sc.resources, and
# rdd.withResources, which local mode refuses with the JVM's SparkException (a Py4JJavaError),
# one message for a profile with executor resources, another for a task-only profile.
from pyspark.resource import (ExecutorResourceRequests, ResourceInformation, ResourceProfileBuilder,
                              TaskResourceRequests)
from _fixtures import golden_session


def java_text(e):
    """The JVM exception's first line (a Py4JJavaError's java_exception), else the message's."""
    j = getattr(e, "java_exception", None)
    return (j.toString() if j is not None else str(e)).splitlines()[0]


spark = golden_session()
sc = spark.sparkContext
print(sc.resources)
ereqs = ExecutorResourceRequests().cores(2).memory("2g").memoryOverhead("512m").pysparkMemory("1g") \
    .offheapMemory("256m").resource("gpu", 2, "/opt/find-gpus.sh", "nvidia")
for name, r in sorted(ereqs.requests.items()):
    print("executor", name, r.resourceName, r.amount, repr(r.discoveryScript), repr(r.vendor))
treqs = TaskResourceRequests().cpus(1).resource("gpu", 0.5)
for name, r in sorted(treqs.requests.items()):
    print("task", name, r.resourceName, r.amount)
builder = ResourceProfileBuilder().require(ereqs).require(treqs)
print(sorted(builder.executorResources), sorted(builder.taskResources))
rp = builder.build
print(type(rp).__name__, rp.id, sorted(rp.executorResources), sorted(rp.taskResources))
print(rp.executorResources["memory"].amount, rp.taskResources["cpus"].amount)
task_only = ResourceProfileBuilder().require(TaskResourceRequests().cpus(2)).build
print(task_only.id, task_only.executorResources, sorted(task_only.taskResources))
builder.clearExecutorResourceRequests()
builder.clearTaskResourceRequests()
print(builder.executorResources, builder.taskResources)
info = ResourceInformation("gpu", ["0", "1"])
print(info.name, info.addresses)
rdd = sc.parallelize(range(4), 2)
print(rdd.getResourceProfile())
for profile in (rp, task_only):
    other = sc.parallelize(range(4), 2)
    try:
        other.withResources(profile)
        print("no error")
    except Exception as e:
        print(type(e).__name__, java_text(e))
    # the profile stays on the RDD (a job over it would stop PySpark's SparkContext: "ResourceProfileId 1 not found!")
    print(other.getResourceProfile() is None, other.getResourceProfile().id == profile.id)
try:
    TaskResourceRequests().resource("gpu", 0.7)
    print("no error")
except Exception as e:
    print(type(e).__name__, java_text(e))
spark.stop()
