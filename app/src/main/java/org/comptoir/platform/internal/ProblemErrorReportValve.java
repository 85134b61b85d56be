package org.comptoir.platform.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * What Tomcat itself answers when it refuses a request before the application sees it (a path with
 * {@code %2F} or {@code %00}, an invalid escape): a problem document like every other error, not its
 * HTML page. Written by hand, as no Spring bean is reachable from a container valve.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = status == 400 ? "The request line or its path is malformed (encoded '/', NUL or a bad escape)"
                : "The request could not be served";
        String slug = status == 400 ? "malformed-request" : status >= 500 ? "internal-error" : "request-refused";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:comptoir:problem:" + slug + "\",\"title\":\"" + title(status)
                        + "\",\"status\":" + status + ",\"detail\":\"" + reason + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client is gone or the answer already started: nothing more to say.
        }
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Malformed request";
            case 404 -> "Not found";
            case 408 -> "Request timeout";
            case 413 -> "Payload too large";
            case 414 -> "URI too long";
            case 431 -> "Request header fields too large";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }
}
