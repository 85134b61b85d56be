package org.comptoir.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A refusal the caller must handle, answered as an RFC 9457 problem document. The {@code type} is a
 * stable URI per kind of error ({@code urn:comptoir:problem:<slug>}), listed in docs/api.md; modules
 * raise their own kinds with a slug of their own ({@code sku-taken}).
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_PREFIX = "urn:comptoir:problem:";

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public ApiProblem(HttpStatus status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** One offending input: {@code field} is a dotted path into the body or a parameter name. */
    public record FieldError(String field, String message) {}

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " " + id + " does not exist")
                .with("resource", what);
    }

    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    public static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "validation-failed", "Validation failed",
                "The request has " + errors.size() + " invalid field(s)", errors);
    }

    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, slug, "Conflict", detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** Adds a member to the problem document (the SKU that is out of stock, the current version…). */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return URI.create(TYPE_PREFIX + slug);
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
