package org.comptoir.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of the CHAOS run: tills placing orders (W1-direct's orders) while the platform is
 * killed and restarted and PostgreSQL restarted under them, as {@code bench/chaos.sh} does. Each order
 * carries its own {@code externalId} and {@code Idempotency-Key}; a till that gets no answer, a 503 or
 * a 5xx sends the same request again with the same key until it gets a final answer, as a till would.
 * It runs until {@code stopFile} appears, finishes the orders it has started, writes every answered
 * order (externalId, id) to {@code answeredFile} for the database checks, and returns its counts,
 * with those of a webhook receiver subscribed to the placements (deliveries per event id).
 */
final class ChaosWorkload {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final Bench.Client client;
    private final List<String> skus;
    private final Path stopFile;
    private final Path answeredFile;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong status500 = new AtomicLong();
    private final AtomicLong status503 = new AtomicLong();
    private final AtomicLong otherStatus = new AtomicLong();
    private final AtomicLong noAnswer = new AtomicLong();
    private final AtomicLong unfinished = new AtomicLong();
    private final AtomicLong retryAfterMissing = new AtomicLong();
    private final Map<String, Integer> deliveries = new java.util.concurrent.ConcurrentHashMap<>();

    ChaosWorkload(Bench.Client client, List<String> skus, Path stopFile, Path answeredFile) {
        this.client = client;
        this.skus = skus;
        this.stopFile = stopFile;
        this.answeredFile = answeredFile;
    }

    Map<String, Object> run(int tills) throws Exception {
        var receiver = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("localhost", 0), 64);
        receiver.createContext("/hook", exchange -> {
            String id = Bench.JSON.readTree(exchange.getRequestBody().readAllBytes()).path("id").asString();
            deliveries.merge(id, 1, Integer::sum);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        var subscribed = client.send("POST", "/api/v1/webhooks", "application/json", DataSet.json(Map.of(
                "url", "http://localhost:" + receiver.getAddress().getPort() + "/hook",
                "eventTypes", List.of("ordering.order.placed"))));
        if (subscribed.statusCode() != 201) {
            throw new IllegalStateException("webhook: " + subscribed.statusCode() + " " + subscribed.body());
        }
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < tills; t++) {
            int till = t;
            threads.add(Thread.ofPlatform().start(() -> till(till)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Files.write(answeredFile, answered);
        // The deliveries of the orders placed: every one is sent, once per event id.
        long waitUntil = System.nanoTime() + GIVE_UP.toNanos();
        while (deliveries.size() < answered.size() && System.nanoTime() < waitUntil) {
            Thread.sleep(500);
        }
        receiver.stop(0);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("answered", answered.size());
        figures.put("refused", refused.get());
        figures.put("status_500", status500.get());
        figures.put("status_503", status503.get());
        figures.put("status_503_without_retry_after", retryAfterMissing.get());
        figures.put("other_5xx", otherStatus.get());
        figures.put("no_answer", noAnswer.get());
        figures.put("unfinished", unfinished.get());
        figures.put("webhook_events", deliveries.size());
        figures.put("webhook_duplicates", deliveries.values().stream().mapToInt(c -> c - 1).sum());
        return figures;
    }

    private void till(int till) {
        Random random = new Random(till);
        int n = 0;
        while (!Files.exists(stopFile)) {
            String externalId = "CHAOS-" + run + "-" + till + "-" + n++;
            List<Map<String, Object>> lines = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                lines.add(Map.of("sku", skus.get(random.nextInt(skus.size())), "quantity", 1));
            }
            byte[] body = DataSet.json(Map.of("channelCode", DataSet.CHANNEL, "externalId", externalId,
                    "groups", List.of(Map.of("code", "home", "method", "HOME_DELIVERY", "address",
                            CheckoutWorkload.PARIS)), "lines", lines));
            place(externalId, UUID.randomUUID().toString(), body);
        }
    }

    /** Sends the order until it has a final answer (2xx or 4xx), always with the same key. */
    private void place(String externalId, String key, byte[] body) {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        long backoff = 100;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(client.base()
                                + "/api/v1/orders")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + client.key()).header("Content-Type", "application/json")
                        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 201) {
                    answered.add(externalId + "," + Bench.JSON.readTree(response.body()).path("id").asString());
                    return;
                }
                if (status >= 400 && status < 500) {
                    refused.incrementAndGet();
                    return;
                }
                if (status == 503) {
                    status503.incrementAndGet();
                    if (response.headers().firstValue("Retry-After").isEmpty()) {
                        retryAfterMissing.incrementAndGet();
                    }
                } else if (status == 500) {
                    status500.incrementAndGet();
                } else {
                    otherStatus.incrementAndGet();
                }
            } catch (IOException e) {
                noAnswer.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            sleep(backoff);
            backoff = Math.min(backoff * 2, 2_000);
        }
        unfinished.incrementAndGet();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
