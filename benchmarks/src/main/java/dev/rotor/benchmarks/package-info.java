/**
 * JMH comparisons of Rotor's hot paths, each measured side by side in one run with its contenders and its
 * floor: {@link dev.rotor.benchmarks.SignBench} and {@link dev.rotor.benchmarks.VerifyBench} (java-jwt, Nimbus
 * JOSE+JWT, jjwt, one HMAC), {@link dev.rotor.benchmarks.RefuseBench} (hostile tokens), {@link
 * dev.rotor.benchmarks.IssueBench}, {@link dev.rotor.benchmarks.RefreshMemoryBench} and {@link
 * dev.rotor.benchmarks.RefreshRedisBench} (the original Go service's flow, the unavoidable parts). {@link
 * dev.rotor.benchmarks.Ratios} computes every ratio and target from a JSON result. See BENCHMARKS.md for how to
 * run them and what they found.
 */
package dev.rotor.benchmarks;
