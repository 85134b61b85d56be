package org.comptoir.service.internal;

import static org.comptoir.service.internal.db.tables.BotMiss.BOT_MISS;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.comptoir.platform.cluster.CacheTopics;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.persistence.Snapshot;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.search.Language;
import org.comptoir.search.TextAnalysis;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * The messages the bot did not understand, kept for the team to label. Kept without their sender and
 * with e-mail addresses, phone and card numbers masked, since they are for teaching, not for the
 * customer's file. A labelled message teaches the bot: the same words again get its intent.
 */
@Service
class BotMisses {

    record Miss(UUID id, String text, String language, String guessed, String label, java.time.Instant createdAt) {}

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d[\\d .-]{6,}\\d");

    private final DSLContext db;
    private final TextAnalysis analysis;
    private final Clock clock;
    private final Snapshot<Map<String, Bot.Intent>> learned;

    BotMisses(DSLContext db, TextAnalysis analysis, Clock clock, CacheTopics topics) {
        this.db = db;
        this.analysis = analysis;
        this.clock = clock;
        this.learned = new Snapshot<>(topics, "service.bot-learned", this::loadLearned);
    }

    void keep(String text, Language language, Bot.Intent guessed) {
        String masked = mask(text);
        db.insertInto(BOT_MISS).set(BOT_MISS.ID, Ids.newId())
                .set(BOT_MISS.TEXT, masked.length() > 2000 ? masked.substring(0, 2000) : masked)
                .set(BOT_MISS.LANGUAGE, language.name().toLowerCase(java.util.Locale.ROOT))
                .set(BOT_MISS.GUESSED, guessed.name()).set(BOT_MISS.CREATED_AT, clock.instant()).execute();
    }

    /** E-mail addresses and long numbers (phones, cards, orders) out of what is kept and compared. */
    private static String mask(String text) {
        return NUMBER.matcher(EMAIL.matcher(text).replaceAll("[email]")).replaceAll("[number]");
    }

    List<Miss> page(boolean labelled, PageRequest page) {
        var query = db.selectFrom(BOT_MISS).where(labelled ? BOT_MISS.LABEL.isNotNull() : BOT_MISS.LABEL.isNull());
        if (page.afterId().isPresent()) {
            query = query.and(BOT_MISS.ID.gt(page.afterId().get()));
        }
        return query.orderBy(BOT_MISS.ID).limit(page.limit() + 1).fetch(r -> new Miss(r.getId(), r.getText(),
                r.getLanguage(), r.getGuessed(), r.getLabel(), r.getCreatedAt()));
    }

    Miss label(UUID id, String intent) {
        Bot.Intent label;
        try {
            label = Bot.Intent.valueOf(intent == null ? "" : intent);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("intent", "must be one of " + java.util.Arrays.toString(Bot.Intent.values()));
        }
        if (db.update(BOT_MISS).set(BOT_MISS.LABEL, label.name()).set(BOT_MISS.LABELLED_AT, clock.instant())
                .where(BOT_MISS.ID.eq(id)).execute() == 0) {
            throw ApiProblem.notFound("missed message", id);
        }
        learned.changed();
        return db.selectFrom(BOT_MISS).where(BOT_MISS.ID.eq(id)).fetchOne(r -> new Miss(r.getId(), r.getText(),
                r.getLanguage(), r.getGuessed(), r.getLabel(), r.getCreatedAt()));
    }

    /** The intent the team gave to a message with the same words, if any. */
    Optional<Bot.Intent> learnedIntent(String text) {
        Map<String, Bot.Intent> known = learned.get();
        return known.isEmpty() ? Optional.empty() : Optional.ofNullable(known.get(key(mask(text))));
    }

    private Map<String, Bot.Intent> loadLearned() {
        Map<String, Bot.Intent> known = new HashMap<>();
        db.select(BOT_MISS.TEXT, BOT_MISS.LABEL).from(BOT_MISS).where(BOT_MISS.LABEL.isNotNull())
                .forEach(r -> known.put(key(r.value1()), Bot.Intent.valueOf(r.value2())));
        return known;
    }

    /** The message's words as a set of stems: word order, inflections and stop words aside. */
    private String key(String text) {
        return String.join(" ", new TreeSet<>(analysis.terms(text, analysis.detect(text))));
    }
}
