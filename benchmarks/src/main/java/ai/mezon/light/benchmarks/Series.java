package ai.mezon.light.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Repeated measurements of one figure: the harness reports the median and the spread (min..max)
 * because the machine it runs on is shared and noisy.
 */
final class Series {

	private final List<Double> values = new ArrayList<>();

	void add(double value) {
		this.values.add(value);
	}

	boolean isEmpty() {
		return this.values.isEmpty();
	}

	double median() {
		double[] sorted = sorted();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int mid = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	double min() {
		double[] sorted = sorted();
		return (sorted.length == 0) ? Double.NaN : sorted[0];
	}

	double max() {
		double[] sorted = sorted();
		return (sorted.length == 0) ? Double.NaN : sorted[sorted.length - 1];
	}

	/** @return e.g. {@code 41 200 (39 800..44 100, n=3)} */
	String describe(String format) {
		if (this.values.isEmpty()) {
			return "n/a";
		}
		return String.format(format, median()) + " (" + String.format(format, min()) + ".."
				+ String.format(format, max()) + ", n=" + this.values.size() + ")";
	}

	private double[] sorted() {
		double[] sorted = this.values.stream().mapToDouble(Double::doubleValue).toArray();
		Arrays.sort(sorted);
		return sorted;
	}

	/**
	 * Exact percentile of recorded nanos (nearest rank). A sorted array is exact and needs no
	 * dependency; the harness records at most a few tens of thousands of samples per run.
	 * @param sortedNanos the samples, sorted ascending
	 * @param percentile e.g. 99.9
	 * @return the sample at that rank
	 */
	static long percentile(long[] sortedNanos, double percentile) {
		if (sortedNanos.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
		return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))];
	}

}
