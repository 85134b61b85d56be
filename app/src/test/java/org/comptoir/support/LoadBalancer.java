package org.comptoir.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy (Debian's package, installed by {@code .ci/run}) in front of platform nodes on the loopback,
 * round robin, checking each node's readiness as a production load balancer would.
 */
public final class LoadBalancer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path config;

    private LoadBalancer(Process process, int port, Path config) {
        this.process = process;
        this.port = port;
        this.config = config;
    }

    public static LoadBalancer start(List<Integer> nodePorts) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String servers = IntStream.range(0, nodePorts.size())
                .mapToObj(i -> "    server n" + i + " 127.0.0.1:" + nodePorts.get(i) + " check inter 1s")
                .collect(Collectors.joining("\n"));
        Path config = Files.createTempFile("haproxy", ".cfg");
        Files.writeString(config, """
                global
                    maxconn 2000
                defaults
                    mode http
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                frontend api
                    bind 127.0.0.1:%d
                    default_backend nodes
                backend nodes
                    balance roundrobin
                    option httpchk GET /actuator/health/readiness
                    http-check expect status 200
                %s
                """.formatted(port, servers));
        Process process = new ProcessBuilder("haproxy", "-f", config.toString(), "-db")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        LoadBalancer balancer = new LoadBalancer(process, port, config);
        balancer.awaitUp();
        return balancer;
    }

    public int port() {
        return port;
    }

    private void awaitUp() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(1)).build();
                var answer = http.send(health, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited with " + process.exitValue());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("haproxy did not come up on port " + port);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        Files.deleteIfExists(config);
    }
}
