package org.comptoir.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.comptoir.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document describes each operation's real body: two controllers' request records of the
 * same simple name ({@code CreatePayload} of carts and of customers) once shared one schema, so that a
 * client generated from it sent the customers' body to {@code POST /carts}.
 */
class OpenApiDocumentTest extends ApiTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void everyOperationsRequestBodySchemaHasTheFieldsOfItsHandlersRecord() {
        JsonNode document = admin.get("/v3/api-docs").json();
        JsonNode schemas = document.path("components").path("schemas");
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Class<?> body = Arrays.stream(entry.getValue().getMethodParameters())
                    .filter(p -> p.hasParameterAnnotation(RequestBody.class)).map(MethodParameter::getParameterType)
                    .filter(Class::isRecord).findFirst().orElse(null);
            if (body == null || info.getPathPatternsCondition() == null) {
                continue;
            }
            Set<String> fields = new TreeSet<>(Arrays.stream(body.getRecordComponents())
                    .map(RecordComponent::getName).toList());
            for (String path : info.getPathPatternsCondition().getPatternValues()) {
                for (var method : info.getMethodsCondition().getMethods()) {
                    JsonNode ref = document.path("paths").path(path).path(method.name().toLowerCase())
                            .path("requestBody").path("content").path("application/json").path("schema").path("$ref");
                    String name = ref.asString("").replace("#/components/schemas/", "");
                    Set<String> documented = new TreeSet<>();
                    schemas.path(name).path("properties").propertyNames().forEach(documented::add);
                    checked++;
                    if (!documented.equals(fields)) {
                        wrong.add(method + " " + path + ": " + name + " documents " + documented + ", the handler reads "
                                + fields);
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(50);
        assertThat(wrong).isEmpty();
        assertThat(document.path("paths").path("/api/v1/carts").path("post").path("requestBody").toString())
                .contains("CartCreatePayload");
    }
}
