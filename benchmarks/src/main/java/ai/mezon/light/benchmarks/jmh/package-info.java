/**
 * JMH microbenchmarks of the SDK's codecs; run from {@code benchmarks/target/benchmarks.jar}.
 */
@NullMarked
package ai.mezon.light.benchmarks.jmh;

import org.jspecify.annotations.NullMarked;
