package org.comptoir.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * W3 driven by wrk, a C load generator: on a 2-core machine the JDK's HTTP client spends about as
 * much CPU as the platform it measures, while the limit it is compared with is driven by pgbench, also
 * C. Same requests as {@link AvailabilityWorkload}: 16 connections, one random SKU of the data set
 * per request, 45 s warm-up then 30 s measured: on 2 busy cores the JIT's C2 compiler still takes a
 * third of a core after 20 s of load, and the figure wanted is the steady state a running shop sees.
 */
final class WrkAvailabilityWorkload {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final String wrk;
    private final String base;
    private final String key;

    WrkAvailabilityWorkload(String wrk, String base, String key) {
        this.wrk = wrk;
        this.base = base;
        this.key = key;
    }

    Map<String, Object> run() throws Exception {
        Path script = Files.createTempFile("comptoir-w3-", ".lua");
        Files.writeString(script, """
                math.randomseed(42)
                request = function()
                  local path = string.format("/api/v1/inventory/availability/SKU-%%04d?channel=%s", math.random(1, %d))
                  return wrk.format("GET", path, {["Authorization"] = "Bearer %s"})
                end
                """.formatted(DataSet.CHANNEL, DataSet.PRODUCTS, key), StandardCharsets.UTF_8);
        try {
            wrk(script, 45, false);
            String out = wrk(script, 30, true);
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("users", 16);
            figures.put("req_per_s", Math.round(Double.parseDouble(find(RATE, out, 1))));
            figures.put("p50_ms", "%.2f".formatted(percentileMs(out, "50%")));
            figures.put("p99_ms", "%.2f".formatted(percentileMs(out, "99%")));
            long errors = 0;
            Matcher non2xx = NON_2XX.matcher(out);
            if (non2xx.find()) {
                errors += Long.parseLong(non2xx.group(1));
            }
            Matcher socket = SOCKET.matcher(out);
            if (socket.find()) {
                for (int g = 1; g <= 4; g++) {
                    errors += Long.parseLong(socket.group(g));
                }
            }
            figures.put("errors", errors);
            figures.put("driver", "wrk");
            return figures;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private String wrk(Path script, int seconds, boolean latency) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(java.util.List.of(wrk, "-t2", "-c16", "-d" + seconds + "s", "-s",
                script.toString()));
        if (latency) {
            command.add("--latency");
        }
        command.add(base);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        return out;
    }

    /** wrk prints latencies as 1.23ms, 456.00us or 1.02s. */
    private static double percentileMs(String out, String label) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(label) + "\\s+([0-9.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return -1;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static String find(Pattern pattern, String out, int group) {
        Matcher m = pattern.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output: " + out);
        }
        return m.group(group);
    }
}
