package org.comptoir.platform.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Optional;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Audit log", description = "Changes made with admin, merchandiser and agent keys (admins only)")
@RestController
@RequestMapping("/api/v1/audit-log")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** Oldest first; {@code callerId} is a key's caller id ({@code key:<id>}), {@code from} and {@code to} instants. */
    @GetMapping
    CursorPage<AuditTrail.Entry> list(@RequestParam(required = false) String callerId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.invalid("to", "must be after from");
        }
        PageRequest page = PageRequest.of(limit, cursor);
        var filter = new AuditTrail.Filter(Optional.ofNullable(callerId), Optional.ofNullable(from),
                Optional.ofNullable(to));
        return CursorPage.of(trail.list(filter, page), page, entry -> entry.id().toString());
    }
}
