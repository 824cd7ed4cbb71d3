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
                        .measurementTime(TimeValue.milliseconds(100))
                        .shouldFailOnError(true)
                        .build())
                .run();

        Map<String, Double> scores = results.stream()
                .collect(Collectors.toMap(
                        result -> result.getParams().getBenchmark().replace("dev.rotor.benchmarks.", ""),
                        result -> result.getPrimaryResult().getScore()));
        assertThat(scores)
                .containsOnlyKeys(
                        "SignBench.rotor",
                        "SignBench.baseline",
                        "SignBench.nimbus",
                        "SignBench.jjwt",
                        "SignBench.floor",
                        "VerifyBench.rotor",
                        "VerifyBench.baseline",
                        "VerifyBench.nimbus",
                        "VerifyBench.jjwt",
                        "VerifyBench.floor",
                        "RefuseBench.rotorValid",
                        "RefuseBench.rotorForged",
                        "RefuseBench.rotorAlgNone",
                        "RefuseBench.rotorOversized",
                        "RefuseBench.baselineForged",
                        "RefuseBench.baselineAlgNone",
                        "RefuseBench.baselineOversized",
                        "RefuseBench.nimbusForged",
                        "RefuseBench.nimbusAlgNone",
                        "RefuseBench.nimbusOversized",
                        "IssueBench.rotor",
                        "IssueBench.baseline",
                        "RefreshMemoryBench.rotor",
                        "RefreshMemoryBench.baseline",
                        "RefreshMemoryBench.floor",
                        "RefreshMemoryBench.rotorTwoThreads",
                        "RefreshMemoryBench.baselineTwoThreads",
                        "RefreshMemoryBench.floorTwoThreads",
                        "RefreshRedisBench.rotor",
                        "RefreshRedisBench.baseline",
                        "RefreshRedisBench.floor",
                        "RefreshRedisBench.rotorTwoThreads",
                        "RefreshRedisBench.baselineTwoThreads",
                        "RefreshRedisBench.floorTwoThreads",
                        "RefreshRedisBench.rotorEightThreads",
                        "RefreshRedisBench.baselineEightThreads",
                        "RefreshRedisBench.floorEightThreads",
                        "RefreshJdbcBench.rotor",
                        "RefreshJdbcBench.baseline",
                        "RefreshJdbcBench.rotorTwoThreads",
                        "RefreshJdbcBench.baselineTwoThreads");
        assertThat(scores.values()).allSatisfy(score -> assertThat(score).isPositive());
    }
}
