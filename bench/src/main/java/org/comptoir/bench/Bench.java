package org.comptoir.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator. It talks to a running platform over HTTP only, like any client, and prints one
 * {@code RESULT} line per workload (see the reference workload), plus the same figures as JSON.
 *
 * <p>Usage: {@code Bench <base-url> <admin-key> <results.json> WORKLOAD...}
 */
public final class Bench {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Bench() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: Bench <base-url> <admin-key> <results.json> WORKLOAD...");
            System.exit(2);
        }
        var client = new Client(args[0], args[1]);
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        List<String> workloads = List.of(args).subList(3, args.length);
        DataSet data = null;
        if (workloads.stream().anyMatch(w -> w.startsWith("W") || w.equals("CHAOS"))) {
            long start = System.nanoTime();
            data = new DataSet(client).load();
            System.out.printf("data set loaded in %.1f s%n", (System.nanoTime() - start) / 1e9);
        }
        // The web checkouts go through a storefront, as the shop's pages do: a publishable key, then the
        // cart's secret on every call on it. Tills and imports (W1-direct) use their back-office key.
        Client shop = data != null ? client.storefront(DataSet.CHANNEL) : null;
        run(client, shop, data, workloads, "", results);
        // BENCH_CLUSTER_URL: the same workloads again through a load balancer in front of several nodes.
        String cluster = System.getenv("BENCH_CLUSTER_URL");
        if (cluster != null) {
            var through = new Client(cluster, client.key());
            run(through, data != null ? through.storefront(DataSet.CHANNEL) : null, data,
                    workloads.stream().filter(List.of("W1", "W1-direct", "W3")::contains).toList(),
                    "@" + System.getenv("BENCH_NODES") + "nodes", results);
        }
        Files.writeString(Path.of(args[2]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
    }

    private static void run(Client client, Client shop, DataSet data, List<String> workloads, String suffix,
            Map<String, Map<String, Object>> results) throws Exception {
        for (String workload : workloads) {
            if (workload.equals("CHAOS")) {
                // The platform is killed under it by bench/chaos.sh; the database checks follow there.
                var chaos = new ChaosWorkload(client, data.skus, Path.of(System.getenv("CHAOS_STOP_FILE")),
                        Path.of(System.getenv("CHAOS_ANSWERED_FILE"))).run(8);
                results.put(workload, chaos);
                print("CHAOS-client", chaos);
                continue;
            }
            if (workload.equals("CUSTOMERS")) {
                var crm = new CustomerWorkload(client, 100_000, 1_000_000).run();
                crm.forEach((name, figures) -> {
                    results.put(name, figures);
                    print(name, figures);
                });
                continue;
            }
            String wrk = System.getenv("BENCH_WRK");
            if (workload.equals("W1")) {
                // W1 runs with 1 user, then with 16: two result lines.
                var single = wrk != null ? new WrkWorkload(wrk, shop.base(), shop.key()).checkout(1)
                        : new CheckoutWorkload(shop, data.skus, false).run(1);
                results.put("W1-1user" + suffix, single);
                print("W1" + suffix, single);
            }
            Map<String, Object> figures = switch (workload) {
                case "W1" -> wrk != null ? new WrkWorkload(wrk, shop.base(), shop.key()).checkout(16)
                        : new CheckoutWorkload(shop, data.skus, false).run(16);
                case "W1-direct" -> System.getenv("BENCH_WRK") != null
                        ? new WrkWorkload(System.getenv("BENCH_WRK"), client.base(), client.key()).directOrders()
                        : new CheckoutWorkload(client, data.skus, true).run(16);
                case "IMPORT" -> new ImportWorkload(client, 100_000).run();
                case "SEARCH" -> new SearchWorkload(client, 100_000).run();
                case "W2" -> new HotSkuWorkload(client, shop).run();
                case "W3" -> System.getenv("BENCH_WRK") != null
                        ? new WrkWorkload(System.getenv("BENCH_WRK"), client.base(), client.key()).availability()
                        : new AvailabilityWorkload(client, data.skus).run();
                default -> throw new IllegalArgumentException("unknown workload " + workload
                        + " (this version knows IMPORT, SEARCH, W1, W1-direct, W2, W3, CUSTOMERS)");
            };
            results.put(workload + suffix, figures);
            print(workload + suffix, figures);
        }
    }

    private static void print(String workload, Map<String, Object> figures) {
        StringBuilder line = new StringBuilder("RESULT ").append(workload);
        figures.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
        System.out.println(line);
    }

    /** A minimal authenticated HTTP client for the platform. */
    record Client(String base, String key, String cartSecret) {

        Client(String base, String key) {
            this(base, key, null);
        }

        /** The same caller proving it owns a cart, as a shop's pages do after creating it. */
        Client withCartSecret(String secret) {
            return new Client(base, key, secret);
        }

        /** A web shop of the channel: a new publishable key of it, made with this (admin) client. */
        Client storefront(String channel) throws Exception {
            var made = send("POST", "/api/v1/channels/" + channel + "/publishable-keys", null, null);
            if (made.statusCode() != 201) {
                throw new IllegalStateException("publishable key: " + made.statusCode() + " " + made.body());
            }
            return new Client(base, JSON.readTree(made.body()).path("key").asString());
        }

        private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
            var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                    .timeout(Duration.ofMinutes(5));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (cartSecret != null) {
                request.header("Cart-Secret", cartSecret);
            }
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        JsonNode get(String path) throws Exception {
            var response = send("GET", path, null, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        }
    }
}
