package org.comptoir.platform.internal;

import static org.comptoir.platform.internal.db.tables.AuditEntry.AUDIT_ENTRY;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.security.Role;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.PageRequest;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The audit log: every change made with an admin, merchandiser or agent key (who, what, when, from
 * where), written by {@link WriteTransactionFilter} in the transaction of the change, so that a change
 * is never without its entry nor an entry without its change. Kept {@code comptoir.platform.audit-retention}.
 */
@Component
class AuditTrail {

    private static final Set<Role> AUDITED = EnumSet.of(Role.ADMIN, Role.MERCHANDISER, Role.AGENT);
    private static final String PURGE = "${comptoir.platform.audit-purge-interval:1h}";

    /** One change: {@code resource} is the created resource's address, when the answer named one. */
    record Entry(UUID id, Instant at, String callerId, String callerName, Set<String> roles, String method,
            String path, int status, String resource, String address, String correlationId) {}

    /** What a reader filters on. */
    record Filter(Optional<String> callerId, Optional<Instant> from, Optional<Instant> to) {}

    private final DSLContext db;
    private final ClusterJobs jobs;
    private final Clock clock;
    private final Duration retention;

    AuditTrail(DSLContext db, ClusterJobs jobs, Clock clock,
            @Value("${comptoir.platform.audit-retention:400d}") Duration retention) {
        this.db = db;
        this.jobs = jobs;
        this.clock = clock;
        this.retention = retention;
    }

    /** Records the change the request made, when its caller is audited. */
    void changed(HttpServletRequest request, int status, String resource) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof Caller caller)
                || caller.roles().stream().noneMatch(AUDITED::contains)) {
            return;
        }
        String path = request.getRequestURI();
        db.insertInto(AUDIT_ENTRY)
                .set(AUDIT_ENTRY.ID, Ids.newId())
                .set(AUDIT_ENTRY.AT, clock.instant())
                .set(AUDIT_ENTRY.CALLER_ID, caller.id())
                .set(AUDIT_ENTRY.CALLER_NAME, truncate(caller.name(), 200))
                .set(AUDIT_ENTRY.ROLES, caller.roles().stream().map(Role::name).sorted()
                        .collect(Collectors.joining(",")))
                .set(AUDIT_ENTRY.METHOD, request.getMethod())
                .set(AUDIT_ENTRY.PATH, truncate(path, 1000))
                .set(AUDIT_ENTRY.STATUS, status)
                .set(AUDIT_ENTRY.RESOURCE, resource == null ? null : truncate(resource, 1000))
                .set(AUDIT_ENTRY.ADDRESS, truncate(request.getRemoteAddr(), 64))
                .set(AUDIT_ENTRY.CORRELATION_ID, MDC.get(CorrelationIdFilter.MDC_KEY))
                .execute();
    }

    /** Oldest first from the cursor (ids are time-ordered); admins only, whatever the URL rules say. */
    List<Entry> list(Filter filter, PageRequest page) {
        if (!Callers.current().has(Role.ADMIN)) {
            throw ApiProblem.forbidden("Only admins read the audit log");
        }
        List<Condition> where = new ArrayList<>();
        filter.callerId().ifPresent(id -> where.add(AUDIT_ENTRY.CALLER_ID.eq(id)));
        filter.from().ifPresent(from -> where.add(AUDIT_ENTRY.AT.ge(from)));
        filter.to().ifPresent(to -> where.add(AUDIT_ENTRY.AT.lt(to)));
        page.afterId().ifPresent(after -> where.add(AUDIT_ENTRY.ID.gt(after)));
        return db.selectFrom(AUDIT_ENTRY).where(where).orderBy(AUDIT_ENTRY.ID).limit(page.limit() + 1)
                .fetch(r -> new Entry(r.getId(), r.getAt(), r.getCallerId(), r.getCallerName(),
                        Set.of(r.getRoles().split(",")), r.getMethod(), r.getPath(), r.getStatus(), r.getResource(),
                        r.getAddress(), r.getCorrelationId()));
    }

    @Scheduled(fixedDelayString = PURGE, initialDelay = 60_000)
    void purge() {
        jobs.runOnce("platform.audit-retention", PURGE, () -> db.deleteFrom(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.AT.lt(clock.instant().minus(retention))).execute());
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
