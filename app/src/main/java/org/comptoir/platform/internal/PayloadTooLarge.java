package org.comptoir.platform.internal;

import java.io.IOException;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/** Raised while reading a body that passes its route's size limit. */
class PayloadTooLarge extends IOException {

    private final long limit;

    PayloadTooLarge(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    ApiProblem problem() {
        ApiProblem problem = new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The request body is larger than this endpoint accepts");
        if (limit > 0) {
            problem.with("maxBytes", limit);
        }
        return problem;
    }
}
