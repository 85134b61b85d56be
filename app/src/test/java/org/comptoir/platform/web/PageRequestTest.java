package org.comptoir.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void aFullPageCarriesTheCursorOfItsLastItem() {
        PageRequest first = PageRequest.of(2, null);
        CursorPage<String> page = CursorPage.of(List.of("a", "b", "c"), first, s -> s);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(PageRequest.of(2, page.nextCursor()).after()).contains("b");
    }

    @Test
    void theLastPageHasNoCursor() {
        assertThat(CursorPage.of(List.of("a"), PageRequest.of(2, null), s -> s).nextCursor()).isNull();
    }

    @Test
    void limitsAndCursorsAreValidated() {
        assertThatThrownBy(() -> PageRequest.of(0, null)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> PageRequest.of(201, null)).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> PageRequest.of(10, "%%%")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> PageRequest.of(10, PageRequest.cursorFor("not-a-uuid")).afterId())
                .isInstanceOf(ApiProblem.class);
    }

    @Test
    void aCursorTheApiDidNotReturnIsRefusedWhateverTheListIsKeyedBy() {
        String madeUp = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("ST-PARIS".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThatThrownBy(() -> PageRequest.of(10, madeUp)).isInstanceOf(ApiProblem.class);
        String real = PageRequest.cursorFor("ST-PARIS");
        String tampered = real.substring(0, real.length() - 2) + (real.endsWith("AA") ? "BB" : "AA");
        assertThatThrownBy(() -> PageRequest.of(10, tampered)).isInstanceOf(ApiProblem.class);
        assertThat(PageRequest.of(10, real).after()).contains("ST-PARIS");
    }

    @Test
    void ifMatchIsRequiredAndParsed() {
        assertThatThrownBy(() -> Versions.fromIfMatch(null)).isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).status().value()).isEqualTo(428);
        assertThat(Versions.fromIfMatch("\"3\"")).isEqualTo(3);
        assertThat(Versions.fromIfMatch("W/\"3\"")).isEqualTo(3);
        assertThat(Versions.fromIfMatch("*")).isEqualTo(Versions.ANY);
        assertThatThrownBy(() -> Versions.fromIfMatch("\"abc\"")).isInstanceOf(ApiProblem.class)
                .extracting(e -> ((ApiProblem) e).status().value()).isEqualTo(412);
    }
}
