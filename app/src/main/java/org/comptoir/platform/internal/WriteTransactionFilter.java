package org.comptoir.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.internal.IdempotencyRepository.StoredResponse;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.SelfManagedTransactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Runs every API write in one database transaction that commits only when the answer is a success,
 * so a refused or failed request never leaves a partial write, and implements Idempotency-Key on
 * POST: the remembered answer is stored in the same transaction as the work it describes, so a
 * retry after a lost response replays it and never does the work twice. Two concurrent requests with
 * one key both run, but only the first to commit keeps its work; the other is rolled back and
 * replays the first answer.
 *
 * <p>The endpoints modules declare {@link SelfManagedTransactions} (those that call a payment
 * provider between two transactions of their own) run without that transaction: their key is claimed
 * first, so a concurrent request with it is told to retry, and answered when they end.
 *
 * <p>Keys are per caller; a storefront's key is shared by all its shoppers, so theirs are per shopper
 * (the cart secret or customer token they present, else their address). An answer larger than the
 * configured bound is remembered without its body. A change made with an audited key is written to the
 * audit log in the same transaction.
 */
class WriteTransactionFilter extends OncePerRequestFilter {

    private static final String PURGE_JOB_PERIOD = "${comptoir.platform.idempotency-purge-interval:PT1H}";

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(WriteTransactionFilter.class);

    private final TransactionTemplate transaction;
    private final List<PathPattern> selfManaged;
    private final IdempotencyRepository records;
    private final ProblemWriter problems;
    private final PlatformSettings settings;
    private final ClusterJobs jobs;
    private final AuditTrail audit;
    private final Clock clock;

    WriteTransactionFilter(PlatformTransactionManager transactions, IdempotencyRepository records,
            ProblemWriter problems, PlatformSettings settings, Clock clock, List<SelfManagedTransactions> selfManaged,
            ClusterJobs jobs, AuditTrail audit) {
        this.jobs = jobs;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.selfManaged = selfManaged.stream().flatMap(s -> s.patterns().stream())
                .map(PathPatternParser.defaultInstance::parse).toList();
        this.records = records;
        this.problems = problems;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !request.getRequestURI().startsWith("/api/") || method.equals("GET") || method.equals("HEAD")
                || method.equals("OPTIONS");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getMethod().equals("POST") ? request.getHeader(KEY_HEADER) : null;
        if (key != null && (key.isBlank() || key.length() > 255)) {
            problems.write(request, response, ApiProblem.invalid(KEY_HEADER, "must have 1 to 255 characters"));
            return;
        }
        String principal = principal(request);
        String fingerprint = key == null ? null : fingerprint(request);
        if (request.getMethod().equals("POST") && selfManaged(request)) {
            runSelfManaged(request, response, chain, principal, key, fingerprint);
            return;
        }
        if (key != null) {
            Optional<StoredResponse> first = records.find(principal, key, clock.instant());
            if (first.isPresent()) {
                replayOrRefuse(request, response, first.get(), fingerprint);
                return;
            }
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            transaction.executeWithoutResult(status -> {
                run(chain, request, buffered);
                if (buffered.getStatus() >= 400) {
                    status.setRollbackOnly();
                    return;
                }
                if (key != null) {
                    remember(principal, key, request, fingerprint, buffered);
                }
                audit.changed(request, buffered.getStatus(), buffered.getHeader(HttpHeaders.LOCATION));
            });
        } catch (DataIntegrityViolationException race) {
            if (key == null) {
                throw race;
            }
            // Another request with the same key committed first: its answer is the answer.
            buffered.resetBuffer();
            Optional<StoredResponse> first = records.find(principal, key, clock.instant());
            if (first.isPresent()) {
                replayOrRefuse(request, buffered, first.get(), fingerprint);
            } else {
                problems.write(request, buffered, inFlight());
            }
        } catch (org.springframework.transaction.CannotCreateTransactionException e) {
            // no connection to begin with: nothing ran
            log.warn("No transaction for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            buffered.resetBuffer();
            buffered.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER);
            problems.write(request, buffered, DatabaseUnavailable.nothingDone());
        } catch (TransactionException e) {
            if (buffered.getStatus() >= 400) {
                // the refusal's rollback failed with its connection: nothing was committed, the refusal stands
                log.warn("Rollback failed for {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            } else {
                // the commit was sent and not confirmed: it may have been made, so never say it was not
                log.error("Commit unconfirmed for {} {}", request.getMethod(), request.getRequestURI(), e);
                buffered.resetBuffer();
                buffered.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER);
                problems.write(request, buffered, DatabaseUnavailable.outcomeUnknown());
            }
        } catch (Wrapped e) {
            throw e.unwrap();
        }
        if (key != null && buffered.getStatus() >= 400 && buffered.getStatus() < 500) {
            Optional<StoredResponse> first = records.find(principal, key, clock.instant());
            if (first.isPresent()) {
                // Refused because a concurrent request with the same key did the work first (its
                // resource now exists): that request's answer is the answer.
                buffered.resetBuffer();
                replayOrRefuse(request, buffered, first.get(), fingerprint);
            } else {
                // A refusal is an answer too: a retry with the same key gets it again, not another try.
                rememberRefusal(principal, key, request, fingerprint, buffered);
            }
        }
        buffered.copyBodyToResponse();
    }

    private boolean selfManaged(HttpServletRequest request) {
        if (selfManaged.isEmpty()) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return selfManaged.stream().anyMatch(pattern -> pattern.matches(path));
    }

    /** No transaction around the request: its key claimed before, its answer stored after. */
    private void runSelfManaged(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            String principal, String key, String fingerprint) throws IOException, ServletException {
        if (key != null) {
            Optional<StoredResponse> first = records.find(principal, key, clock.instant());
            if (first.isEmpty()) {
                try {
                    Instant now = clock.instant();
                    transaction.executeWithoutResult(status -> records.claim(principal, key, request.getMethod(),
                            request.getRequestURI(), fingerprint, now, now.plus(settings.idempotencyRetention())));
                } catch (DataIntegrityViolationException race) {
                    first = records.find(principal, key, clock.instant());
                    if (first.isEmpty()) {
                        problems.write(request, response, inFlight());
                        return;
                    }
                }
            }
            if (first.isPresent()) {
                replayOrRefuse(request, response, first.get(), fingerprint);
                return;
            }
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        boolean answered = false;
        try {
            chain.doFilter(request, buffered);
            answered = buffered.getStatus() < 500;
            if (buffered.getStatus() < 400) {
                transaction.executeWithoutResult(status -> audit.changed(request, buffered.getStatus(),
                        buffered.getHeader(HttpHeaders.LOCATION)));
            }
        } finally {
            if (key != null) {
                if (answered) {
                    StoredResponse stored = stored(fingerprint, buffered);
                    transaction.executeWithoutResult(status -> records.complete(principal, key, stored));
                } else {
                    transaction.executeWithoutResult(status -> records.release(principal, key));
                }
            }
        }
        buffered.copyBodyToResponse();
    }

    private void rememberRefusal(String principal, String key, HttpServletRequest request, String fingerprint,
            ContentCachingResponseWrapper buffered) {
        try {
            transaction.executeWithoutResult(status -> remember(principal, key, request, fingerprint, buffered));
        } catch (DataIntegrityViolationException race) {
            log.debug("Idempotency key {} was stored by a concurrent request", key);
        }
    }

    private void remember(String principal, String key, HttpServletRequest request, String fingerprint,
            ContentCachingResponseWrapper buffered) {
        Instant now = clock.instant();
        records.insert(principal, key, request.getMethod(), request.getRequestURI(), stored(fingerprint, buffered),
                now, now.plus(settings.idempotencyRetention()));
    }

    /** The answer to keep: its body only when within the bound, so that stored answers cannot fill the disk. */
    private StoredResponse stored(String fingerprint, ContentCachingResponseWrapper buffered) {
        byte[] body = buffered.getContentAsByteArray();
        boolean dropped = body.length > settings.idempotencyMaxBody().toBytes();
        return new StoredResponse(fingerprint, buffered.getStatus(), buffered.getContentType(),
                buffered.getHeader(HttpHeaders.LOCATION), buffered.getHeader(HttpHeaders.ETAG),
                dropped ? null : new String(body, StandardCharsets.UTF_8), dropped);
    }

    private void replayOrRefuse(HttpServletRequest request, HttpServletResponse response, StoredResponse first,
            String fingerprint) throws IOException {
        if (!first.requestHash().equals(fingerprint)) {
            problems.write(request, response, new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request"));
            return;
        }
        if (first.inFlight()) {
            problems.write(request, response, inFlight());
            return;
        }
        if (first.bodyDropped()) {
            ApiProblem tooLarge = new ApiProblem(HttpStatus.CONFLICT, "idempotent-answer-not-kept",
                    "Answer not kept", "The request was done; its answer was too large to keep for a replay"
                            + (first.location() == null ? "" : ": read it at " + first.location()));
            if (first.location() != null) {
                tooLarge.with("location", first.location());
            }
            problems.write(request, response, tooLarge);
            response.setHeader(REPLAYED_HEADER, "true");
            return;
        }
        response.setStatus(first.status());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        if (first.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, first.etag());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        if (first.body() != null) {
            response.getOutputStream().write(first.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static ApiProblem inFlight() {
        return new ApiProblem(HttpStatus.CONFLICT, "idempotency-key-in-flight", "Request in progress",
                "A request with this Idempotency-Key is still being processed; retry shortly");
    }

    /** The same key must come back with the same method, target and body to be a retry. */
    private static String fingerprint(HttpServletRequest request) {
        Object body = request.getAttribute(RequestBodyFilter.BODY_ATTRIBUTE);
        String bodyHash = body instanceof SpooledBody spooled ? spooled.sha256Hex() : "";
        String target = request.getMethod() + " " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return SecretTokens.sha256Hex((target + "\n" + bodyHash).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whose keys these are: the caller's. A storefront's key is public and shared by every shopper, so
     * an anonymous shopper's keys are theirs only, by the secrets they present or their address.
     */
    private static String principal(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof Caller caller)) {
            return "anonymous";
        }
        if (!caller.storefront() || caller.customerId().isPresent()) {
            return caller.id();
        }
        String shopper = caller.secrets().isEmpty() ? "address:" + request.getRemoteAddr()
                : String.join(",", new java.util.TreeSet<>(caller.secrets()));
        return caller.id() + "|" + SecretTokens.sha256Hex(shopper.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new Wrapped(e);
        }
    }

    @Scheduled(fixedDelayString = PURGE_JOB_PERIOD)
    void purgeExpiredKeys() {
        jobs.runOnce("platform.idempotency-purge", PURGE_JOB_PERIOD, this::purgeExpiredKeysNow);
    }

    private void purgeExpiredKeysNow() {
        int purged = transaction.execute(status -> records.deleteExpired(clock.instant()));
        if (purged > 0) {
            log.info("Purged {} expired idempotency keys", purged);
        }
    }

    /** Carries a checked exception of the filter chain through the transaction callback. */
    private static final class Wrapped extends RuntimeException {
        Wrapped(Exception cause) {
            super(cause);
        }

        ServletException unwrap() {
            return getCause() instanceof ServletException se ? se : new ServletException(getCause());
        }
    }
}
