package org.comptoir.catalog.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bulk imports: the body is the file ({@code text/csv} or {@code application/json}), answered 202. */
@Tag(name = "Catalogue imports", description = "Streamed bulk upserts of products by SKU")
@RestController
@RequestMapping("/api/v1/catalog/imports")
class ImportController {

    record JobView(UUID id, ImportJob.Format format, ImportJob.Status status, Long rowsTotal, long rowsDone,
            long rowsFailed, String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
            String message) {
        static JobView of(ImportJob j) {
            return new JobView(j.id(), j.format(), j.status(), j.rowsTotal(), j.rowsDone(), j.rowsFailed(),
                    j.createdBy(), j.createdAt(), j.startedAt(), j.finishedAt(), j.message());
        }
    }

    private final ImportRunner runner;

    ImportController(ImportRunner runner) {
        this.runner = runner;
    }

    @PostMapping(consumes = {"text/csv", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<JobView> submit(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() == 0) {
            throw ApiProblem.invalid("body", "is the file to import and must not be empty");
        }
        MediaType type = MediaType.parseMediaType(request.getContentType());
        ImportJob.Format format = MediaType.APPLICATION_JSON.includes(type) ? ImportJob.Format.JSON
                : ImportJob.Format.CSV;
        ImportJob job = runner.submit(format, request.getInputStream(), Callers.current().name());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/v1/catalog/imports/" + job.id()))
                .body(JobView.of(job));
    }

    @GetMapping
    CursorPage<JobView> list(@RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        return runner.jobs(PageRequest.of(limit, cursor)).map(JobView::of);
    }

    @GetMapping("/{id}")
    JobView get(@PathVariable UUID id) {
        return JobView.of(runner.job(id));
    }

    @GetMapping("/{id}/errors")
    CursorPage<ImportJobRepository.RowError> errors(@PathVariable UUID id,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return runner.errors(id, PageRequest.of(limit, cursor));
    }
}
