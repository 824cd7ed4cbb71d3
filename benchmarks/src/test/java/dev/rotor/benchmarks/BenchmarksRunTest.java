package dev.rotor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Every benchmark runs: one short iteration each, in this JVM. Not a measurement, a smoke test. */
class BenchmarksRunTest {

    @Test
    void everyBenchmarkRunsAndProducesAScore() throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                        .include("dev\\.rotor\\.benchmarks\\..*Bench\\..*")
                        .forks(0)
                        .warmupIterations(0)
                        .measurementIterations(1)
                        .measurementTime(TimeValue.milliseconds(200))
                        .shouldFailOnError(true)
                        .build())
                .run();

        Map<String, Double> scores = results.stream()
                .collect(Collectors.toMap(
                        result -> result.getParams().getBenchmark().replace("dev.rotor.benchmarks.", ""),
                        result -> result.getPrimaryResult().getScore()));
        assertThat(scores)
                .containsKeys(
                        "SignBench.rotor",
                        "SignBench.baseline",
                        "VerifyBench.rotor",
                        "VerifyBench.baseline",
                        "IssueBench.rotor",
                        "IssueBench.baseline",
                        "RefreshMemoryBench.rotor",
                        "RefreshMemoryBench.baselineTwoThreads",
                        "RefreshRedisBench.rotor",
                        "RefreshRedisBench.baselineTwoThreads",
                        "RefreshJdbcBench.rotor",
                        "RefreshJdbcBench.baselineTwoThreads");
        assertThat(scores.values()).allSatisfy(score -> assertThat(score).isPositive());
    }
}
