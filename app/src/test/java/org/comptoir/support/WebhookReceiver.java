package org.comptoir.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver as a retailer's ERP would write one from docs/api.md: it checks the signature
 * with the shared secret, and can be told to fail the first calls or to hang until released.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A delivery as received, with whether its signature was right. */
    public record Received(String eventType, String eventId, String body, boolean signatureValid) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile String secret;

    public WebhookReceiver() throws IOException {
        // Every local address: "localhost" may be reached over IPv4 or IPv6.
        server = HttpServer.create(new InetSocketAddress(0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/hook", exchange -> {
            calls.incrementAndGet();
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                hold.await(30, TimeUnit.SECONDS);
                if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                String signature = exchange.getRequestHeaders().getFirst("Comptoir-Signature");
                received.add(new Received(exchange.getRequestHeaders().getFirst("Comptoir-Event-Type"),
                        exchange.getRequestHeaders().getFirst("Comptoir-Event-Id"),
                        new String(body, StandardCharsets.UTF_8), verify(signature, body)));
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(500, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    public void secret(String value) {
        this.secret = value;
    }

    public void failNext(int times) {
        failuresLeft.set(times);
    }

    /** Makes calls hang until {@link #release()}, as a receiver that is down but accepts connections. */
    public void hang() {
        hold = new CountDownLatch(1);
    }

    public void release() {
        hold.countDown();
    }

    public int calls() {
        return calls.get();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedOf(String eventType) {
        return received.stream().filter(r -> eventType.equals(r.eventType())).toList();
    }

    /** The check a receiver does: t is recent, and v1 is the HMAC of "t.body". */
    private boolean verify(String header, byte[] body) {
        if (header == null || secret == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (t == null || v1 == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
            return java.security.MessageDigest.isEqual(HexFormat.of().formatHex(mac.doFinal(body))
                    .getBytes(StandardCharsets.UTF_8), v1.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            return false;
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
