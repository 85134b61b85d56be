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
    }

    record Message(UUID id, UUID conversationId, Kind kind, Channel channel, String inboxCode, Author authorKind,
            String author, UUID agentId, String body, String externalId, String sender, String locationCode,
            Integer durationSeconds, String actionJson, Instant createdAt) {}

    record CannedReply(String code, String title, String body) {}
}
