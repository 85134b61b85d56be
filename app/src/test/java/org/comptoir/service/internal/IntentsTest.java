package org.comptoir.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.comptoir.search.Language;
import org.comptoir.search.internal.Analysis;
import org.junit.jupiter.api.Test;

/**
 * The bot's reading of customers' messages, measured on the labelled set {@code service/intents.tsv}
 * (French and English): precision and recall per intent are printed, and the test fails below the
 * thresholds set a little under the first measurement.
 */
class IntentsTest {

    private final Analysis analysis = new Analysis();
    private final Intents intents = new Intents(analysis, null);

    /** The bot's intents as the labelled set names them: greetings and thanks are small talk. */
    private static String label(Bot.Intent intent) {
        return switch (intent) {
            case GREETING, THANKS -> "SMALL_TALK";
            case UNKNOWN -> "OTHER";
            default -> intent.name();
        };
    }

    @Test
    void intentsAreRecognisedInBothLanguagesAboveTheirThresholds() throws Exception {
        List<String[]> labelled = new ArrayList<>();
        try (var in = new BufferedReader(new InputStreamReader(
                IntentsTest.class.getResourceAsStream("/service/intents.tsv"), StandardCharsets.UTF_8))) {
            in.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> labelled.add(l.split("\t")));
        }
        Map<String, int[]> counts = new LinkedHashMap<>(); // true positives, false positives, false negatives
        List<String> wrong = new ArrayList<>();
        int right = 0;
        for (String[] m : labelled) {
            String guessed = label(intents.recognise(m[0]));
            counts.computeIfAbsent(m[1], k -> new int[3]);
            counts.computeIfAbsent(guessed, k -> new int[3]);
            if (guessed.equals(m[1])) {
                counts.get(m[1])[0]++;
                right++;
            } else {
                counts.get(guessed)[1]++;
                counts.get(m[1])[2]++;
                wrong.add(m[0] + " -> " + guessed + " (" + m[1] + ")");
            }
        }
        double worstPrecision = 1;
        double worstRecall = 1;
        StringBuilder report = new StringBuilder("BOT INTENTS messages=" + labelled.size() + " accuracy="
                + String.format("%.3f", right / (double) labelled.size()));
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            double precision = c[0] + c[1] == 0 ? 1 : c[0] / (double) (c[0] + c[1]);
            double recall = c[0] + c[2] == 0 ? 1 : c[0] / (double) (c[0] + c[2]);
            worstPrecision = Math.min(worstPrecision, precision);
            worstRecall = Math.min(worstRecall, recall);
            report.append(String.format(" %s=P%.2f/R%.2f", e.getKey(), precision, recall));
        }
        System.out.println(report);
        wrong.forEach(w -> System.out.println("  missed: " + w));
        assertThat(labelled).hasSizeGreaterThanOrEqualTo(150);
        assertThat(right / (double) labelled.size()).as(wrong.toString()).isGreaterThanOrEqualTo(0.90);
        assertThat(worstPrecision).as(report.toString()).isGreaterThanOrEqualTo(0.80);
        assertThat(worstRecall).as(report.toString()).isGreaterThanOrEqualTo(0.80);
    }

    @Test
    void theLanguageOfAMessageIsDetected() {
        for (String fr : List.of("Bonjour, où en est ma commande ?", "Quand les sécateurs seront-ils de nouveau en "
                + "stock ?", "merci", "je veux un remboursement", "Avez-vous des gants à Boulogne ?",
                "le magasin est ouvert dimanche ?", "un humain svp", "Coucou")) {
            assertThat(analysis.detect(fr)).as(fr).isEqualTo(Language.FR);
        }
        for (String en : List.of("Where is my order?", "When will the shears be back in stock?", "thanks",
                "I want a refund", "Do you have gloves in Boulogne?", "is the store open on Sunday?",
                "a human please", "Hello")) {
            assertThat(analysis.detect(en)).as(en).isEqualTo(Language.EN);
        }
    }
}
