package org.comptoir.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Renders {@link ApiProblem}s, in MVC handlers and in filters that answer before MVC runs. */
@Component
class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    ProblemDetail toDetail(ApiProblem problem, String instance) {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
        detail.setType(problem.type());
        detail.setTitle(problem.title());
        if (instance != null) {
            detail.setInstance(java.net.URI.create(instance));
        }
        if (!problem.errors().isEmpty()) {
            detail.setProperty("errors", problem.errors());
        }
        problem.properties().forEach(detail::setProperty);
        return detail;
    }

    void write(HttpServletRequest request, HttpServletResponse response, ApiProblem problem) throws IOException {
        response.resetBuffer();
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), toDetail(problem, request.getRequestURI()));
    }
}
