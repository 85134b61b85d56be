package org.comptoir.platform.web;

import org.springframework.http.HttpStatus;

/**
 * Optimistic concurrency on shared resources: the ETag of a resource is its version, and an update
 * must say which version it was made from in {@code If-Match}. Missing is 428, stale is 412.
 */
public final class Versions {

    /** {@code If-Match: *}: the caller accepts to overwrite whatever version is current. */
    public static final int ANY = -1;

    private Versions() {}

    public static String etag(int version) {
        return "\"" + version + "\"";
    }

    /** The version an {@code If-Match} header names, or {@link #ANY}. */
    public static int fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag of the resource you read, so that concurrent changes are not lost");
        }
        String value = ifMatch.trim();
        if (value.equals("*")) {
            return ANY;
        }
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        try {
            return Integer.parseInt(value.replace("\"", ""));
        } catch (NumberFormatException e) {
            throw stale(null);
        }
    }

    /** The answer to an update made from an old version. */
    public static ApiProblem stale(Integer currentVersion) {
        ApiProblem problem = new ApiProblem(HttpStatus.PRECONDITION_FAILED, "precondition-failed", "Precondition failed",
                "The resource was changed since you read it: read it again and reapply your change");
        if (currentVersion != null) {
            problem.with("currentEtag", etag(currentVersion));
        }
        return problem;
    }
}
