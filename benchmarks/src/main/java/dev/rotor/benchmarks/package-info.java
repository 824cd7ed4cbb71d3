/**
 * JMH comparisons of Rotor's hot paths. Each class has a {@code rotor} and a {@code baseline} method measured
 * side by side in one run: {@link dev.rotor.benchmarks.SignBench}, {@link dev.rotor.benchmarks.VerifyBench},
 * {@link dev.rotor.benchmarks.IssueBench}, {@link dev.rotor.benchmarks.RefreshMemoryBench} and {@link
 * dev.rotor.benchmarks.RefreshRedisBench}. See BENCHMARKS.md for how to run them and what they found.
 */
package dev.rotor.benchmarks;
