// Records commons-math3 3.6.1's PoissonDistribution.sample() counts (what Spark's PoissonSampler
// draws for sample(withReplacement=true)) into poisson-counts.json, for poisson-sampler.test.ts:
//   java -cp /path/to/pyspark/jars/commons-math3-3.6.1.jar RecordPoisson.java > poisson-counts.json
import org.apache.commons.math3.distribution.PoissonDistribution;

public class RecordPoisson {
  public static void main(String[] args) {
    double[] means = {0.5, 39.99, 40.0, 45.5, 64.0, 100.0, 1000.25, 12345.5};
    long[] seeds = {42L, 7L, -5L, 123456789012345L};
    StringBuilder out = new StringBuilder("[\n");
    boolean first = true;
    for (double mean : means) {
      for (long seed : seeds) {
        PoissonDistribution d = new PoissonDistribution(mean);
        d.reseedRandomGenerator(seed);
        StringBuilder counts = new StringBuilder();
        for (int i = 0; i < 200; i++) counts.append(i == 0 ? "" : ",").append(d.sample());
        out.append(first ? "" : ",\n").append("{\"mean\":").append(mean).append(",\"seed\":\"").append(seed).append("\",\"counts\":[").append(counts).append("]}");
        first = false;
      }
    }
    System.out.println(out.append("\n]"));
  }
}
