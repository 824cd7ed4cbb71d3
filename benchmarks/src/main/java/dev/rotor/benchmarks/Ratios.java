package dev.rotor.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JMH JSON result of these benchmarks ({@code -rf json}) and prints every score with its ratios and
 * whether each target of BENCHMARKS.md holds. Run {@code java -cp benchmarks/target/benchmarks.jar
 * dev.rotor.benchmarks.Ratios result.json}.
 */
public final class Ratios {

    private final Map<String, JsonNode> results = new LinkedHashMap<>();
    private int failed;

    private Ratios(JsonNode json) {
        json.forEach(
                result -> results.put(result.get("benchmark").asText().replace("dev.rotor.benchmarks.", ""), result));
    }

    /**
     * Prints the table and the targets.
     *
     * @param args the JSON file
     * @throws IOException if it can't be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: Ratios result.json");
            System.exit(2);
        }
        Ratios ratios = new Ratios(new ObjectMapper().readTree(new File(args[0])));
        ratios.table();
        ratios.targets();
        System.exit(ratios.failed == 0 ? 0 : 1);
    }

    private void table() {
        System.out.println("| benchmark | threads | ops/s | ns/op per thread | alloc B/op |");
        System.out.println("|---|---:|---:|---:|---:|");
        results.forEach((name, result) -> {
            JsonNode primary = result.get("primaryMetric");
            JsonNode alloc =
                    result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            System.out.printf(
                    Locale.ROOT,
                    "| `%s` | %d | %,.0f ± %,.0f | %,.0f | %s |%n",
                    name,
                    result.get("threads").asInt(),
                    primary.get("score").asDouble(),
                    primary.get("scoreError").asDouble(),
                    nanos(name),
                    alloc.isMissingNode() ? "—" : String.format(Locale.ROOT, "%,.0f", alloc.asDouble()));
        });
        System.out.println();
    }

    private void targets() {
        for (String op : new String[] {"SignBench", "VerifyBench"}) {
            double limit = op.equals("SignBench") ? 1.5 : 2.0;
            double javaJwt = op.equals("SignBench") ? 3.0 : 1.8;
            check(op + " rotor vs java-jwt", speedup(op + ".rotor", op + ".baseline"), javaJwt, true);
            String peer = score(op + ".nimbus") >= score(op + ".jjwt") ? op + ".nimbus" : op + ".jjwt";
            check(op + " rotor vs faster peer (" + peer + ")", speedup(op + ".rotor", peer), 3.0, true);
            check(op + " rotor time vs floor", timeRatio(op + ".rotor", op + ".floor"), limit, false);
        }
        for (String refusal : new String[] {"Forged", "AlgNone", "Oversized"}) {
            check(
                    "RefuseBench rotor" + refusal + " vs rotorValid",
                    speedup("RefuseBench.rotor" + refusal, "RefuseBench.rotorValid"),
                    2.0,
                    true);
        }
        check(
                "RefreshMemoryBench rotor vs original flow",
                speedup("RefreshMemoryBench.rotor", "RefreshMemoryBench.baseline"),
                2.0,
                true);
        check(
                "RefreshMemoryBench rotor time vs floor",
                timeRatio("RefreshMemoryBench.rotor", "RefreshMemoryBench.floor"),
                1.3,
                false);
        check(
                "RefreshRedisBench rotor vs original flow",
                speedup("RefreshRedisBench.rotor", "RefreshRedisBench.baseline"),
                2.5,
                true);
        check(
                "RefreshJdbcBench rotor vs original flow",
                speedup("RefreshJdbcBench.rotor", "RefreshJdbcBench.baseline"),
                2.0,
                true);
        for (String threads : new String[] {"", "TwoThreads", "EightThreads"}) {
            check(
                    "RefreshRedisBench rotor" + threads + " vs floor" + threads,
                    speedup("RefreshRedisBench.rotor" + threads, "RefreshRedisBench.floor" + threads),
                    0.85,
                    true);
        }
    }

    private void check(String what, double value, double target, boolean atLeast) {
        if (Double.isNaN(value)) {
            System.out.printf(Locale.ROOT, "- %s: not in this run%n", what);
            return;
        }
        boolean holds = atLeast ? value >= target : value <= target;
        failed += holds ? 0 : 1;
        System.out.printf(
                Locale.ROOT,
                "- %s: %.2fx (target %s %.2fx) %s%n",
                what,
                value,
                atLeast ? ">=" : "<=",
                target,
                holds ? "holds" : "MISSED");
    }

    /** How many times the throughput of {@code other} {@code name} has. */
    private double speedup(String name, String other) {
        return score(name) / score(other);
    }

    /** How many times the time per operation of {@code floor} {@code name} takes. */
    private double timeRatio(String name, String floor) {
        return score(floor) / score(name);
    }

    private double score(String name) {
        JsonNode result = results.get(name);
        return result == null
                ? Double.NaN
                : result.get("primaryMetric").get("score").asDouble();
    }

    private double nanos(String name) {
        return results.get(name).get("threads").asInt() * 1e9 / score(name);
    }
}
