package org.comptoir.service.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The service desk's records. */
final class Model {

    private Model() {}

    /** Where a message arrives or leaves. */
    enum Channel {
        WEB_CHAT,
        APP_CHAT,
        EMAIL,
        SMS,
        WHATSAPP,
        SOCIAL_DM,
        PHONE,
        IN_STORE;

        /** The touchpoint a message on this channel is on the customer's timeline. */
        String touchpoint() {
            return this == PHONE ? "CALL" : this == IN_STORE ? "STORE_VISIT" : "CHAT";
        }
    }

    enum Status {
        BOT,
        WAITING,
        OPEN,
        PENDING,
        SNOOZED,
        RESOLVED,
        MERGED;

        boolean active() {
            return this != RESOLVED && this != MERGED;
        }
    }

    enum Priority {
        LOW,
        NORMAL,
        HIGH,
        URGENT
    }

    /** IN from the customer, OUT to them, NOTE for agents only, CALL a phone call logged, EVENT what happened. */
    enum Kind {
        IN,
        OUT,
        NOTE,
        CALL,
        EVENT
    }

    enum Author {
        CUSTOMER,
        BOT,
        AGENT,
        SYSTEM
    }

    /** Opening hours per day ({@code MONDAY → [09:00, 19:00]}); none at all means always open. */
    record Team(String code, String name, String timeZone, Map<String, List<LocalTime>> hours,
            long firstResponseSeconds, long resolutionSeconds, Instant createdAt) {}

    record Inbox(String code, String name, Channel channel, String address, String locationCode, String salesChannel,
            boolean bot, String teamCode, Instant createdAt) {}

    record Agent(UUID id, String keyId, String name, String teamCode, int maxOpen, boolean active,
            Instant lastAssignedAt) {}

    record Conversation(UUID id, long number, UUID customerId, Status status, String inboxCode, String lastInboxCode,
            String locationCode, String teamCode, UUID assigneeId, Priority priority, List<String> tags,
            int botFailures, Instant handedOverAt, String handoffReason, String handoffSummary, Instant snoozedUntil,
            Instant firstResponseDue, Instant resolutionDue, Instant firstResponseAt, boolean firstResponseBreached,
            boolean resolutionBreached, Instant resolvedAt, UUID resolvedBy, Instant csatAskedAt, Integer csatScore,
            String csatComment, UUID mergedInto, Instant createdAt, Instant updatedAt, int version) {

        Conversation {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }

        /** A copy to change: {@code c.with().status(OPEN).assigneeId(agent).build()}. */
        Changes with() {
            return new Changes(this);
        }
    }

    /** The fields of a conversation that change, set one by one on a copy. */
    static final class Changes {
        private UUID id;
        private long number;
        private UUID customerId;
        private Status status;
        private String inboxCode;
        private String lastInboxCode;
        private String locationCode;
        private String teamCode;
        private UUID assigneeId;
        private Priority priority;
        private List<String> tags;
        private int botFailures;
        private Instant handedOverAt;
        private String handoffReason;
        private String handoffSummary;
        private Instant snoozedUntil;
        private Instant firstResponseDue;
        private Instant resolutionDue;
        private Instant firstResponseAt;
        private boolean firstResponseBreached;
        private boolean resolutionBreached;
        private Instant resolvedAt;
        private UUID resolvedBy;
        private Instant csatAskedAt;
        private Integer csatScore;
        private String csatComment;
        private UUID mergedInto;
        private Instant createdAt;
        private Instant updatedAt;
        private int version;

        private Changes(Conversation c) {
            id = c.id();
            number = c.number();
            customerId = c.customerId();
            status = c.status();
            inboxCode = c.inboxCode();
            lastInboxCode = c.lastInboxCode();
            locationCode = c.locationCode();
            teamCode = c.teamCode();
            assigneeId = c.assigneeId();
            priority = c.priority();
            tags = c.tags();
            botFailures = c.botFailures();
            handedOverAt = c.handedOverAt();
            handoffReason = c.handoffReason();
            handoffSummary = c.handoffSummary();
            snoozedUntil = c.snoozedUntil();
            firstResponseDue = c.firstResponseDue();
            resolutionDue = c.resolutionDue();
            firstResponseAt = c.firstResponseAt();
            firstResponseBreached = c.firstResponseBreached();
            resolutionBreached = c.resolutionBreached();
            resolvedAt = c.resolvedAt();
            resolvedBy = c.resolvedBy();
            csatAskedAt = c.csatAskedAt();
            csatScore = c.csatScore();
            csatComment = c.csatComment();
            mergedInto = c.mergedInto();
            createdAt = c.createdAt();
            updatedAt = c.updatedAt();
            version = c.version();
        }

        Changes status(Status value) {
            status = value;
            return this;
        }

        Changes lastInboxCode(String value) {
            lastInboxCode = value;
            return this;
        }

        Changes assigneeId(UUID value) {
            assigneeId = value;
            return this;
        }

        Changes priority(Priority value) {
            priority = value;
            return this;
        }

        Changes tags(List<String> value) {
            tags = value;
            return this;
        }

        Changes botFailures(int value) {
            botFailures = value;
            return this;
        }

        Changes handedOverAt(Instant value) {
            handedOverAt = value;
            return this;
        }

        Changes handoffReason(String value) {
            handoffReason = value;
            return this;
        }

        Changes handoffSummary(String value) {
            handoffSummary = value;
            return this;
        }

        Changes snoozedUntil(Instant value) {
            snoozedUntil = value;
            return this;
        }

        Changes firstResponseDue(Instant value) {
            firstResponseDue = value;
            return this;
        }

        Changes resolutionDue(Instant value) {
            resolutionDue = value;
            return this;
        }

        Changes firstResponseAt(Instant value) {
            firstResponseAt = value;
            return this;
        }

        Changes firstResponseBreached(boolean value) {
            firstResponseBreached = value;
            return this;
        }

        Changes resolutionBreached(boolean value) {
            resolutionBreached = value;
            return this;
        }

        Changes resolvedAt(Instant value) {
            resolvedAt = value;
            return this;
        }

        Changes resolvedBy(UUID value) {
            resolvedBy = value;
            return this;
        }

        Changes csatAskedAt(Instant value) {
            csatAskedAt = value;
            return this;
        }

        Changes csatScore(Integer value) {
            csatScore = value;
            return this;
        }

        Changes csatComment(String value) {
            csatComment = value;
            return this;
        }

        Changes mergedInto(UUID value) {
            mergedInto = value;
            return this;
        }

        Changes updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        Changes version(int value) {
            version = value;
            return this;
        }

        Conversation build() {
            return new Conversation(id, number, customerId, status, inboxCode, lastInboxCode, locationCode, teamCode,
                    assigneeId, priority, tags, botFailures, handedOverAt, handoffReason, handoffSummary, snoozedUntil,
                    firstResponseDue, resolutionDue, firstResponseAt, firstResponseBreached, resolutionBreached,
                    resolvedAt, resolvedBy, csatAskedAt, csatScore, csatComment, mergedInto, createdAt, updatedAt,
                    version);
        }
    }

    record Message(UUID id, UUID conversationId, Kind kind, Channel channel, String inboxCode, Author authorKind,
            String author, UUID agentId, String body, String externalId, String sender, String locationCode,
            Integer durationSeconds, String actionJson, Instant createdAt) {}

    record CannedReply(String code, String title, String body) {}
}
