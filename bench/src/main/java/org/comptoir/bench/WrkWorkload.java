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
 * W3 and W1-direct driven by wrk, a C load generator: on a 2-core machine the JDK's HTTP client spends
 * about as much CPU as the platform it measures, while the limit it is compared with is driven by
 * pgbench, also C. The requests are those of {@link AvailabilityWorkload} and {@link CheckoutWorkload}
 * (16 connections, random SKUs of the data set), built by a Lua script.
 */
final class WrkWorkload {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in ([0-9.]+)(us|ms|s|m)");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern CHECKOUT = Pattern.compile("CHECKOUT orders=(\\d+) errors=(\\d+) seconds=([0-9.]+) "
            + "p50=([0-9.]+) p95=([0-9.]+) p99=([0-9.]+) place_p99=([0-9.]+)");

    private final String wrk;
    private final String base;
    private final String key;

    WrkWorkload(String wrk, String base, String key) {
        this.wrk = wrk;
        this.base = base;
        this.key = key;
    }

    /**
     * W3: one random SKU's availability at every location per request; 45 s warm-up then 30 s
     * measured: on 2 busy cores the JIT's C2 compiler still takes a third of a core after 20 s of
     * load, and the figure wanted is the steady state a running shop sees.
     */
    Map<String, Object> availability() throws Exception {
        String script = """
                math.randomseed(42)
                request = function()
                  local path = string.format("/api/v1/inventory/availability/SKU-%%04d?channel=%s", math.random(1, %d))
                  return wrk.format("GET", path, {["Authorization"] = "Bearer %s"})
                end
                """.formatted(DataSet.CHANNEL, DataSet.PRODUCTS, key);
        Map<String, Object> figures = run(script, 45, 30);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("users", 16);
        answer.put("req_per_s", Math.round((double) figures.get("rate")));
        answer.put("p50_ms", figures.get("p50"));
        answer.put("p99_ms", figures.get("p99"));
        answer.put("errors", figures.get("errors"));
        answer.put("driver", "wrk");
        return answer;
    }

    /**
     * SEARCH: a first page of 20 with the category and brand facets, for one of the shoppers' queries
     * or (one time in ten) a random SKU of the imported catalogue; 45 s warm-up then 30 s measured, as W3.
     */
    Map<String, Object> search(java.util.List<String> queries, int variants) throws Exception {
        StringBuilder list = new StringBuilder();
        for (String q : queries) {
            // an argument of formatted() below, so its % signs stay as they are
            list.append('"').append(java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).append("\",");
        }
        String script = """
                math.randomseed(42)
                local queries = {%s}
                request = function()
                  local q
                  if math.random(1, 10) == 1 then
                    q = "BENCH-" .. math.random(1, %d)
                  else
                    q = queries[math.random(1, #queries)]
                  end
                  return wrk.format("GET", "/api/v1/search/products?limit=20&facets=category,brand&q=" .. q,
                    {["Authorization"] = "Bearer %s"})
                end
                """.formatted(list, variants, key);
        Map<String, Object> figures = run(script, 45, 30);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("req_per_s", Math.round((double) figures.get("rate")));
        answer.put("p50_ms", figures.get("p50"));
        answer.put("p99_ms", figures.get("p99"));
        answer.put("errors", figures.get("errors"));
        answer.put("driver", "wrk");
        return answer;
    }

    /**
     * W1-direct: a 3-line order of distinct random SKUs, quantity 1, home delivery in Paris, placed in
     * one call; 15 s warm-up then 60 s measured, as the reference workload says. Only placed orders
     * (201) count.
     */
    Map<String, Object> directOrders() throws Exception {
        String script = """
                local threads = 0
                setup = function(thread)
                  thread:set("seed", 42 + threads)
                  threads = threads + 1
                end
                init = function()
                  math.randomseed(seed)
                end
                local headers = {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json"}
                local line = '{"sku":"SKU-%%04d","quantity":1}'
                request = function()
                  local a = math.random(1, %d)
                  local b = a
                  while b == a do b = math.random(1, %d) end
                  local c = a
                  while c == a or c == b do c = math.random(1, %d) end
                  local body = '{"channelCode":"%s","groups":[{"code":"home","method":"HOME_DELIVERY",'
                    .. '"address":{"line1":"12 rue de Rivoli","postalCode":"75004","city":"Paris","country":"FR"}}],'
                    .. '"lines":[' .. string.format(line, a) .. ',' .. string.format(line, b) .. ','
                    .. string.format(line, c) .. ']}'
                  return wrk.format("POST", "/api/v1/orders", headers, body)
                end
                """.formatted(key, DataSet.PRODUCTS, DataSet.PRODUCTS, DataSet.PRODUCTS, DataSet.CHANNEL);
        Map<String, Object> figures = run(script, 15, 60);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("users", 16);
        long placed = (long) figures.get("requests") - (long) figures.get("errors");
        answer.put("orders_per_s", Math.round(placed / (double) figures.get("seconds") * 10) / 10.0);
        answer.put("place_p50_ms", figures.get("p50"));
        answer.put("place_p99_ms", figures.get("p99"));
        answer.put("errors", figures.get("errors"));
        answer.put("driver", "wrk");
        return answer;
    }

    /**
     * W1: the full web checkout (create a cart, add 3 distinct random SKUs, choose home delivery in
     * Paris, place the order) as a web shop does it, with the channel's publishable key and the cart's
     * secret on every call after the first; 15 s warm-up then 60 s measured. Each wrk thread drives one connection
     * (one virtual user) through the calls in turn; the script times the whole checkout and the final
     * placement with the monotonic clock and counts an error, and starts a new checkout, on any answer
     * other than the expected 201 or 200.
     */
    Map<String, Object> checkout(int users) throws Exception {
        String script = """
                local ffi = require("ffi")
                ffi.cdef[[
                typedef struct { long tv_sec; long tv_nsec; } comptoir_timespec;
                int clock_gettime(int clk_id, comptoir_timespec *tp);
                ]]
                local ts = ffi.new("comptoir_timespec")
                local function now()
                  ffi.C.clock_gettime(1, ts)
                  return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
                end
                local threads = {}
                setup = function(thread)
                  thread:set("seed", 42 + #threads)
                  table.insert(threads, thread)
                end
                local key = "Bearer %s"
                local headers = {["Authorization"] = key, ["Content-Type"] = "application/json"}
                local products = %d
                local address = '{"line1":"12 rue de Rivoli","postalCode":"75004","city":"Paris","country":"FR"}'
                step, id, skus, began, placing, secret = 0, nil, nil, 0, 0, nil
                checkouts, places, errors = {}, {}, 0
                init = function()
                  math.randomseed(seed)
                end
                request = function()
                  if step == 0 then
                    local a = math.random(1, products)
                    local b = a
                    while b == a do b = math.random(1, products) end
                    local c = a
                    while c == a or c == b do c = math.random(1, products) end
                    skus = {a, b, c}
                    began = now()
                    return wrk.format("POST", "/api/v1/carts", headers, '{"channelCode":"%s"}')
                  end
                  local mine = {["Authorization"] = key, ["Content-Type"] = "application/json",
                    ["Cart-Secret"] = secret}
                  if step <= 3 then
                    return wrk.format("POST", "/api/v1/carts/" .. id .. "/lines", mine,
                      string.format('{"sku":"SKU-%%04d","quantity":1}', skus[step]))
                  elseif step == 4 then
                    return wrk.format("PUT", "/api/v1/carts/" .. id .. "/groups/main", mine,
                      '{"method":"HOME_DELIVERY","address":' .. address .. '}')
                  end
                  placing = now()
                  return wrk.format("POST", "/api/v1/carts/" .. id .. "/order", mine, nil)
                end
                response = function(status, hdrs, body)
                  local expected = (step == 0 or step == 5) and 201 or 200
                  if status ~= expected then
                    errors = errors + 1
                    step = 0
                  elseif step == 0 then
                    id = string.match(body, '"id"%%s*:%%s*"([^"]+)"')
                    secret = string.match(body, '"secret"%%s*:%%s*"([^"]+)"')
                    step = (id and secret) and 1 or 0
                  elseif step == 5 then
                    local t = now()
                    table.insert(checkouts, t - began)
                    table.insert(places, t - placing)
                    step = 0
                  else
                    step = step + 1
                  end
                end
                local function quantile(sorted, q)
                  if #sorted == 0 then return 0 end
                  return sorted[math.min(#sorted, math.floor(#sorted * q) + 1)] / 1000
                end
                done = function(summary, latency, requests)
                  local all, placed, errs = {}, {}, 0
                  for _, t in ipairs(threads) do
                    for _, v in ipairs(t:get("checkouts")) do table.insert(all, v) end
                    for _, v in ipairs(t:get("places")) do table.insert(placed, v) end
                    errs = errs + t:get("errors")
                  end
                  table.sort(all)
                  table.sort(placed)
                  io.write(string.format("CHECKOUT orders=%%d errors=%%d seconds=%%.3f p50=%%.2f p95=%%.2f p99=%%.2f place_p99=%%.2f\\n",
                    #all, errs, summary.duration / 1e6, quantile(all, 0.5), quantile(all, 0.95), quantile(all, 0.99),
                    quantile(placed, 0.99)))
                end
                """.formatted(key, DataSet.PRODUCTS, DataSet.CHANNEL);
        Path file = Files.createTempFile("comptoir-wrk-", ".lua");
        Files.writeString(file, script, StandardCharsets.UTF_8);
        try {
            wrk(file, users, users, 15, false);
            String out = wrk(file, users, users, 60, false);
            Matcher m = CHECKOUT.matcher(out);
            if (!m.find()) {
                throw new IllegalStateException("unexpected wrk output: " + out);
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("users", users);
            answer.put("orders_per_s", Math.round(Long.parseLong(m.group(1)) / Double.parseDouble(m.group(3)) * 10)
                    / 10.0);
            answer.put("checkout_p50_ms", m.group(4));
            answer.put("checkout_p95_ms", m.group(5));
            answer.put("checkout_p99_ms", m.group(6));
            answer.put("place_p99_ms", m.group(7));
            answer.put("errors", Long.parseLong(m.group(2)));
            answer.put("driver", "wrk");
            return answer;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Warms up, then measures: requests, seconds, rate, p50 and p99 (ms, as text) and errors. */
    private Map<String, Object> run(String lua, int warmUp, int measured) throws Exception {
        Path script = Files.createTempFile("comptoir-wrk-", ".lua");
        Files.writeString(script, lua, StandardCharsets.UTF_8);
        try {
            wrk(script, 2, 16, warmUp, false);
            String out = wrk(script, 2, 16, measured, true);
            Map<String, Object> figures = new LinkedHashMap<>();
            Matcher total = TOTAL.matcher(out);
            if (!total.find()) {
                throw new IllegalStateException("unexpected wrk output: " + out);
            }
            figures.put("requests", Long.parseLong(total.group(1)));
            figures.put("seconds", toMs(Double.parseDouble(total.group(2)), total.group(3)) / 1000);
            figures.put("rate", Double.parseDouble(find(RATE, out, 1)));
            figures.put("p50", "%.2f".formatted(percentileMs(out, "50%")));
            figures.put("p99", "%.2f".formatted(percentileMs(out, "99%")));
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
            return figures;
        } finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * Runs wrk for {@code seconds}: two threads share the 16 connections of one-call workloads; the
     * checkout has a thread per connection, since its script keeps one user's state per thread.
     */
    private String wrk(Path script, int threads, int connections, int seconds, boolean latency)
            throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(java.util.List.of(wrk, "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "-s", script.toString()));
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
        return toMs(Double.parseDouble(m.group(1)), m.group(2));
    }

    private static double toMs(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            case "m" -> value * 60_000;
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
