package org.comptoir.platform.internal;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.comptoir.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page (errors raised outside MVC: by a filter, by the security firewall, by
 * the servlet container) answers a problem document like the API does, never Spring Boot's default
 * JSON or an HTML page. The exception itself is logged, never shown.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    private final ProblemWriter writer;

    ProblemErrorController(ProblemWriter writer) {
        this.writer = writer;
    }

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // Asked for directly, not dispatched by the container: there is no such endpoint.
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(writer.toDetail(new ApiProblem(HttpStatus.NOT_FOUND, "route-not-found", "Not found",
                            "No endpoint " + request.getMethod() + " " + request.getRequestURI()),
                            request.getRequestURI()));
        }
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status.is5xxServerError() && failure != null && DatabaseUnavailable.is(failure)) {
            // in a filter (an API key looked up, say) with the database away: try again in a moment
            log.warn("Database unavailable outside the API's handlers on {}: {}", uri, failure.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After",
                    DatabaseUnavailable.RETRY_AFTER).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(writer.toDetail(DatabaseUnavailable.nothingDone(), String.valueOf(uri)));
        }
        if (status.is5xxServerError()) {
            log.error("Failure outside the API's handlers on {}", uri, failure);
        }
        ApiProblem problem = switch (status.value()) {
            case 400 -> new ApiProblem(status, "malformed-request", "Malformed request",
                    "The request was refused before it reached the API (its path, headers or encoding)");
            case 401 -> new ApiProblem(status, "unauthenticated", "Unauthenticated",
                    "Send an API key: Authorization: Bearer <key>");
            case 403 -> ApiProblem.forbidden("The request is not allowed");
            case 404 -> new ApiProblem(status, "route-not-found", "Not found", "No endpoint at " + uri);
            case 405 -> new ApiProblem(status, "method-not-allowed", "Method not allowed",
                    "The endpoint does not take this method");
            default -> status.is5xxServerError()
                    ? new ApiProblem(status, "internal-error", "Internal error",
                            "The request failed unexpectedly; nothing was changed. Quote the correlation id to support")
                    : new ApiProblem(status, "request-refused", status.getReasonPhrase(), "The request was refused");
        };
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(writer.toDetail(problem, uri == null ? null : uri.toString()));
    }
}
