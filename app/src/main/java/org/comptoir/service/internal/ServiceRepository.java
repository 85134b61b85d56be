package org.comptoir.service.internal;

import static org.comptoir.service.internal.db.tables.Agent.AGENT;
import static org.comptoir.service.internal.db.tables.CannedReply.CANNED_REPLY;
import static org.comptoir.service.internal.db.tables.Conversation.CONVERSATION;
import static org.comptoir.service.internal.db.tables.Inbox.INBOX;
import static org.comptoir.service.internal.db.tables.Message.MESSAGE;
import static org.comptoir.service.internal.db.tables.Team.TEAM;

import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.service.internal.Model.Agent;
import org.comptoir.service.internal.Model.CannedReply;
import org.comptoir.service.internal.Model.Conversation;
import org.comptoir.service.internal.Model.Inbox;
import org.comptoir.service.internal.Model.Message;
import org.comptoir.service.internal.Model.Team;
import org.comptoir.service.internal.db.tables.records.ConversationRecord;
import org.comptoir.service.internal.db.tables.records.MessageRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Sequence;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Teams, inboxes, agents, conversations and their messages. */
@Repository
class ServiceRepository {

    private static final Sequence<Long> NUMBER = DSL.sequence(DSL.name("service", "conversation_number"), Long.class);
    private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {};

    private final DSLContext db;
    private final ObjectMapper json;

    ServiceRepository(DSLContext db, ObjectMapper json) {
        this.db = db;
        this.json = json;
    }

    // Teams, inboxes, agents, canned replies

    void upsert(Team t) {
        Map<String, List<String>> hours = new LinkedHashMap<>();
        t.hours().forEach((day, range) -> hours.put(day, range.stream().map(LocalTime::toString).toList()));
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(TEAM.NAME, t.name());
        v.put(TEAM.TIME_ZONE, t.timeZone());
        v.put(TEAM.HOURS_JSON, json.writeValueAsString(hours));
        v.put(TEAM.FIRST_RESPONSE_SECONDS, t.firstResponseSeconds());
        v.put(TEAM.RESOLUTION_SECONDS, t.resolutionSeconds());
        if (db.update(TEAM).set(v).where(TEAM.CODE.eq(t.code())).execute() == 0) {
            db.insertInto(TEAM).set(v).set(TEAM.CODE, t.code()).set(TEAM.CREATED_AT, t.createdAt()).execute();
        }
    }

    Optional<Team> team(String code) {
        return db.selectFrom(TEAM).where(TEAM.CODE.eq(code)).fetchOptional(r -> {
            Map<String, List<LocalTime>> hours = new LinkedHashMap<>();
            json.readValue(r.getHoursJson(), HOURS).forEach((day, range) -> hours.put(day,
                    range.stream().map(LocalTime::parse).toList()));
            return new Team(r.getCode(), r.getName(), r.getTimeZone(), hours, r.getFirstResponseSeconds(),
                    r.getResolutionSeconds(), r.getCreatedAt());
        });
    }

    List<String> teamCodes() {
        return db.select(TEAM.CODE).from(TEAM).orderBy(TEAM.CODE).fetch(TEAM.CODE);
    }

    void upsert(Inbox i) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(INBOX.NAME, i.name());
        v.put(INBOX.CHANNEL, i.channel().name());
        v.put(INBOX.ADDRESS, i.address());
        v.put(INBOX.LOCATION_CODE, i.locationCode());
        v.put(INBOX.SALES_CHANNEL, i.salesChannel());
        v.put(INBOX.BOT, i.bot());
        v.put(INBOX.TEAM_CODE, i.teamCode());
        if (db.update(INBOX).set(v).where(INBOX.CODE.eq(i.code())).execute() == 0) {
            db.insertInto(INBOX).set(v).set(INBOX.CODE, i.code()).set(INBOX.CREATED_AT, i.createdAt()).execute();
        }
    }

    Optional<Inbox> inbox(String code) {
        return db.selectFrom(INBOX).where(INBOX.CODE.eq(code)).fetchOptional(ServiceRepository::inbox);
    }

    Optional<Inbox> inboxByAddress(String address) {
        return db.selectFrom(INBOX).where(DSL.lower(INBOX.ADDRESS).eq(address.toLowerCase()))
                .fetchOptional(ServiceRepository::inbox);
    }

    List<Inbox> inboxes() {
        return db.selectFrom(INBOX).orderBy(INBOX.CODE).fetch(ServiceRepository::inbox);
    }

    private static Inbox inbox(org.comptoir.service.internal.db.tables.records.InboxRecord r) {
        return new Inbox(r.getCode(), r.getName(), Model.Channel.valueOf(r.getChannel()), r.getAddress(),
                r.getLocationCode(), r.getSalesChannel(), r.getBot(), r.getTeamCode(), r.getCreatedAt());
    }

    void upsert(Agent a) {
        if (db.update(AGENT).set(AGENT.NAME, a.name()).set(AGENT.TEAM_CODE, a.teamCode())
                .set(AGENT.MAX_OPEN, a.maxOpen()).set(AGENT.ACTIVE, a.active()).where(AGENT.KEY_ID.eq(a.keyId()))
                .execute() == 0) {
            db.insertInto(AGENT).set(AGENT.ID, a.id()).set(AGENT.KEY_ID, a.keyId()).set(AGENT.NAME, a.name())
                    .set(AGENT.TEAM_CODE, a.teamCode()).set(AGENT.MAX_OPEN, a.maxOpen()).set(AGENT.ACTIVE, a.active())
                    .set(AGENT.LAST_ASSIGNED_AT, a.lastAssignedAt()).execute();
        }
    }

    Optional<Agent> agent(UUID id) {
        return db.selectFrom(AGENT).where(AGENT.ID.eq(id)).fetchOptional(ServiceRepository::agent);
    }

    Optional<Agent> agentByKey(String keyId) {
        return db.selectFrom(AGENT).where(AGENT.KEY_ID.eq(keyId)).fetchOptional(ServiceRepository::agent);
    }

    List<Agent> agents() {
        return db.selectFrom(AGENT).orderBy(AGENT.NAME).fetch(ServiceRepository::agent);
    }

    /**
     * The next agent of the team to take a conversation: active, under their cap, the one who waited
     * longest since their last assignment. Agents are locked in a fixed order so two assignments at
     * once never give the same agent more than their cap.
     */
    Optional<Agent> nextAgent(String teamCode) {
        List<Agent> team = db.selectFrom(AGENT).where(AGENT.TEAM_CODE.eq(teamCode), AGENT.ACTIVE.isTrue())
                .orderBy(AGENT.ID).forUpdate().fetch(ServiceRepository::agent);
        return team.stream().filter(a -> openCount(a.id()) < a.maxOpen())
                .min(java.util.Comparator.comparing(Agent::lastAssignedAt).thenComparing(Agent::id));
    }

    int openCount(UUID agentId) {
        return db.fetchCount(CONVERSATION, CONVERSATION.ASSIGNEE_ID.eq(agentId),
                CONVERSATION.STATUS.in(Model.Status.OPEN.name(), Model.Status.PENDING.name(),
                        Model.Status.SNOOZED.name()));
    }

    void assigned(UUID agentId, Instant at) {
        db.update(AGENT).set(AGENT.LAST_ASSIGNED_AT, at).where(AGENT.ID.eq(agentId)).execute();
    }

    private static Agent agent(org.comptoir.service.internal.db.tables.records.AgentRecord r) {
        return new Agent(r.getId(), r.getKeyId(), r.getName(), r.getTeamCode(), r.getMaxOpen(), r.getActive(),
                r.getLastAssignedAt());
    }

    void upsert(CannedReply c) {
        if (db.update(CANNED_REPLY).set(CANNED_REPLY.TITLE, c.title()).set(CANNED_REPLY.BODY, c.body())
                .where(CANNED_REPLY.CODE.eq(c.code())).execute() == 0) {
            db.insertInto(CANNED_REPLY).set(CANNED_REPLY.CODE, c.code()).set(CANNED_REPLY.TITLE, c.title())
                    .set(CANNED_REPLY.BODY, c.body()).execute();
        }
    }

    Optional<CannedReply> canned(String code) {
        return db.selectFrom(CANNED_REPLY).where(CANNED_REPLY.CODE.eq(code))
                .fetchOptional(r -> new CannedReply(r.getCode(), r.getTitle(), r.getBody()));
    }

    List<CannedReply> canned() {
        return db.selectFrom(CANNED_REPLY).orderBy(CANNED_REPLY.CODE)
                .fetch(r -> new CannedReply(r.getCode(), r.getTitle(), r.getBody()));
    }

    // Conversations

    long nextNumber() {
        return db.nextval(NUMBER);
    }

    void insert(Conversation c) {
        db.insertInto(CONVERSATION).set(values(c)).set(CONVERSATION.ID, c.id()).set(CONVERSATION.NUMBER, c.number())
                .set(CONVERSATION.CREATED_AT, c.createdAt()).execute();
    }

    /** Writes the conversation if it is still at {@code c.version() - 1}. */
    boolean update(Conversation c) {
        return db.update(CONVERSATION).set(values(c)).where(CONVERSATION.ID.eq(c.id()),
                CONVERSATION.VERSION.eq(c.version() - 1)).execute() == 1;
    }

    private Map<Field<?>, Object> values(Conversation c) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(CONVERSATION.CUSTOMER_ID, c.customerId());
        v.put(CONVERSATION.STATUS, c.status().name());
        v.put(CONVERSATION.INBOX_CODE, c.inboxCode());
        v.put(CONVERSATION.LAST_INBOX_CODE, c.lastInboxCode());
        v.put(CONVERSATION.LOCATION_CODE, c.locationCode());
        v.put(CONVERSATION.TEAM_CODE, c.teamCode());
        v.put(CONVERSATION.ASSIGNEE_ID, c.assigneeId());
        v.put(CONVERSATION.PRIORITY, c.priority().name());
        v.put(CONVERSATION.TAGS, String.join(",", c.tags()));
        v.put(CONVERSATION.BOT_FAILURES, c.botFailures());
        v.put(CONVERSATION.HANDED_OVER_AT, c.handedOverAt());
        v.put(CONVERSATION.HANDOFF_REASON, c.handoffReason());
        v.put(CONVERSATION.HANDOFF_SUMMARY, c.handoffSummary());
        v.put(CONVERSATION.SNOOZED_UNTIL, c.snoozedUntil());
        v.put(CONVERSATION.FIRST_RESPONSE_DUE, c.firstResponseDue());
        v.put(CONVERSATION.RESOLUTION_DUE, c.resolutionDue());
        v.put(CONVERSATION.FIRST_RESPONSE_AT, c.firstResponseAt());
        v.put(CONVERSATION.FIRST_RESPONSE_BREACHED, c.firstResponseBreached());
        v.put(CONVERSATION.RESOLUTION_BREACHED, c.resolutionBreached());
        v.put(CONVERSATION.RESOLVED_AT, c.resolvedAt());
        v.put(CONVERSATION.RESOLVED_BY, c.resolvedBy());
        v.put(CONVERSATION.CSAT_ASKED_AT, c.csatAskedAt());
        v.put(CONVERSATION.CSAT_SCORE, c.csatScore());
        v.put(CONVERSATION.CSAT_COMMENT, c.csatComment());
        v.put(CONVERSATION.MERGED_INTO, c.mergedInto());
        v.put(CONVERSATION.UPDATED_AT, c.updatedAt());
        v.put(CONVERSATION.VERSION, c.version());
        return v;
    }

    Optional<Conversation> find(UUID id) {
        return db.selectFrom(CONVERSATION).where(CONVERSATION.ID.eq(id)).fetchOptional(ServiceRepository::conversation);
    }

    Optional<Conversation> lock(UUID id) {
        return db.selectFrom(CONVERSATION).where(CONVERSATION.ID.eq(id)).forUpdate()
                .fetchOptional(ServiceRepository::conversation);
    }

    /** The customer's conversation still going on, whatever its channel (the newest, locked). */
    Optional<Conversation> activeOf(Collection<UUID> customerIds) {
        return db.selectFrom(CONVERSATION).where(CONVERSATION.CUSTOMER_ID.in(customerIds),
                        CONVERSATION.STATUS.notIn(Model.Status.RESOLVED.name(), Model.Status.MERGED.name()))
                .orderBy(CONVERSATION.CREATED_AT.desc()).limit(1).forUpdate()
                .fetchOptional(ServiceRepository::conversation);
    }

    /** The customer's latest resolved conversation whose satisfaction question waits for an answer. */
    Optional<Conversation> awaitingCsat(Collection<UUID> customerIds, Instant since) {
        return db.selectFrom(CONVERSATION).where(CONVERSATION.CUSTOMER_ID.in(customerIds),
                        CONVERSATION.STATUS.eq(Model.Status.RESOLVED.name()), CONVERSATION.CSAT_ASKED_AT.ge(since),
                        CONVERSATION.CSAT_SCORE.isNull())
                .orderBy(CONVERSATION.RESOLVED_AT.desc()).limit(1).forUpdate()
                .fetchOptional(ServiceRepository::conversation);
    }

    List<Conversation> ofCustomers(Collection<UUID> customerIds) {
        return db.selectFrom(CONVERSATION).where(CONVERSATION.CUSTOMER_ID.in(customerIds))
                .orderBy(CONVERSATION.CREATED_AT.desc()).fetch(ServiceRepository::conversation);
    }

    /** A page of a queue: by status, team, assignee, inbox, location, newest first by id. */
    List<Conversation> list(Collection<Model.Status> statuses, String teamCode, UUID assigneeId, String inboxCode,
            String locationCode, UUID before, int limit) {
        Condition where = DSL.noCondition();
        if (!statuses.isEmpty()) {
            where = where.and(CONVERSATION.STATUS.in(statuses.stream().map(Enum::name).toList()));
        }
        if (teamCode != null) {
            where = where.and(CONVERSATION.TEAM_CODE.eq(teamCode));
        }
        if (assigneeId != null) {
            where = where.and(CONVERSATION.ASSIGNEE_ID.eq(assigneeId));
        }
        if (inboxCode != null) {
            where = where.and(CONVERSATION.INBOX_CODE.eq(inboxCode).or(CONVERSATION.LAST_INBOX_CODE.eq(inboxCode)));
        }
        if (locationCode != null) {
            where = where.and(CONVERSATION.LOCATION_CODE.eq(locationCode));
        }
        if (before != null) {
            where = where.and(CONVERSATION.ID.lt(before));
        }
        return db.selectFrom(CONVERSATION).where(where).orderBy(CONVERSATION.ID.desc()).limit(limit)
                .fetch(ServiceRepository::conversation);
    }

    /** Waiting conversations, oldest first (to assign when agents free up). */
    List<UUID> waiting(int limit) {
        return db.select(CONVERSATION.ID).from(CONVERSATION).where(CONVERSATION.STATUS.eq(Model.Status.WAITING.name()))
                .orderBy(CONVERSATION.CREATED_AT).limit(limit).fetch(CONVERSATION.ID);
    }

    /** Conversations past a target not yet flagged. */
    List<UUID> overdue(Instant now, int limit) {
        return db.select(CONVERSATION.ID).from(CONVERSATION).where(CONVERSATION.STATUS.notIn(Model.Status.RESOLVED.name(),
                        Model.Status.MERGED.name(), Model.Status.BOT.name()),
                        CONVERSATION.FIRST_RESPONSE_BREACHED.isFalse().and(CONVERSATION.FIRST_RESPONSE_AT.isNull())
                                .and(CONVERSATION.FIRST_RESPONSE_DUE.le(now))
                                .or(CONVERSATION.RESOLUTION_BREACHED.isFalse().and(CONVERSATION.RESOLUTION_DUE.le(now))))
                .limit(limit).fetch(CONVERSATION.ID);
    }

    /** Conversations only the bot answered, untouched since {@code before}. */
    List<UUID> idleWithBot(Instant before, int limit) {
        return db.select(CONVERSATION.ID).from(CONVERSATION).where(CONVERSATION.STATUS.eq(Model.Status.BOT.name()),
                CONVERSATION.UPDATED_AT.lt(before)).limit(limit).fetch(CONVERSATION.ID);
    }

    /** Snoozed conversations whose time came. */
    List<UUID> wakeUp(Instant now, int limit) {
        return db.select(CONVERSATION.ID).from(CONVERSATION).where(CONVERSATION.STATUS.eq(Model.Status.SNOOZED.name()),
                CONVERSATION.SNOOZED_UNTIL.le(now)).limit(limit).fetch(CONVERSATION.ID);
    }

    List<Conversation> between(Instant from, Instant to) {
        return db.selectFrom(CONVERSATION).where(CONVERSATION.CREATED_AT.ge(from), CONVERSATION.CREATED_AT.lt(to),
                CONVERSATION.STATUS.ne(Model.Status.MERGED.name())).fetch(ServiceRepository::conversation);
    }

    private static Conversation conversation(ConversationRecord r) {
        return new Conversation(r.getId(), r.getNumber(), r.getCustomerId(), Model.Status.valueOf(r.getStatus()),
                r.getInboxCode(), r.getLastInboxCode(), r.getLocationCode(), r.getTeamCode(), r.getAssigneeId(),
                Model.Priority.valueOf(r.getPriority()),
                r.getTags().isEmpty() ? List.of() : Arrays.asList(r.getTags().split(",")), r.getBotFailures(),
                r.getHandedOverAt(), r.getHandoffReason(), r.getHandoffSummary(), r.getSnoozedUntil(),
                r.getFirstResponseDue(), r.getResolutionDue(), r.getFirstResponseAt(), r.getFirstResponseBreached(),
                r.getResolutionBreached(), r.getResolvedAt(), r.getResolvedBy(), r.getCsatAskedAt(), r.getCsatScore(),
                r.getCsatComment(), r.getMergedInto(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion());
    }

    // Messages

    /** Inserts the message; false when the inbox already has its external id (a retried delivery). */
    boolean insert(Message m) {
        try {
            db.insertInto(MESSAGE).set(MESSAGE.ID, m.id()).set(MESSAGE.CONVERSATION_ID, m.conversationId())
                    .set(MESSAGE.KIND, m.kind().name()).set(MESSAGE.CHANNEL, m.channel().name())
                    .set(MESSAGE.INBOX_CODE, m.inboxCode()).set(MESSAGE.AUTHOR_KIND, m.authorKind().name())
                    .set(MESSAGE.AUTHOR, m.author()).set(MESSAGE.AGENT_ID, m.agentId()).set(MESSAGE.BODY, m.body())
                    .set(MESSAGE.EXTERNAL_ID, m.externalId()).set(MESSAGE.SENDER, m.sender())
                    .set(MESSAGE.LOCATION_CODE, m.locationCode()).set(MESSAGE.DURATION_SECONDS, m.durationSeconds())
                    .set(MESSAGE.ACTION_JSON, m.actionJson()).set(MESSAGE.CREATED_AT, m.createdAt()).execute();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    Optional<Message> byExternalId(String inboxCode, String externalId) {
        return db.selectFrom(MESSAGE).where(MESSAGE.INBOX_CODE.eq(inboxCode), MESSAGE.EXTERNAL_ID.eq(externalId))
                .fetchOptional(ServiceRepository::message);
    }

    List<Message> messages(UUID conversationId) {
        return db.selectFrom(MESSAGE).where(MESSAGE.CONVERSATION_ID.eq(conversationId))
                .orderBy(MESSAGE.CREATED_AT, MESSAGE.ID).fetch(ServiceRepository::message);
    }

    List<Message> messagesOf(Collection<UUID> conversationIds) {
        return db.selectFrom(MESSAGE).where(MESSAGE.CONVERSATION_ID.in(conversationIds))
                .orderBy(MESSAGE.CREATED_AT, MESSAGE.ID).fetch(ServiceRepository::message);
    }

    void moveMessages(UUID from, UUID to) {
        db.update(MESSAGE).set(MESSAGE.CONVERSATION_ID, to).where(MESSAGE.CONVERSATION_ID.eq(from)).execute();
    }

    int moveMessages(Collection<UUID> ids, UUID from, UUID to) {
        return db.update(MESSAGE).set(MESSAGE.CONVERSATION_ID, to).where(MESSAGE.ID.in(ids),
                MESSAGE.CONVERSATION_ID.eq(from)).execute();
    }

    /** Erasure: what the customer wrote and what was written to them goes; who, when and how long stays. */
    int eraseBodies(Collection<UUID> conversationIds) {
        return db.update(MESSAGE).set(MESSAGE.BODY, "(erased)").setNull(MESSAGE.SENDER).setNull(MESSAGE.ACTION_JSON)
                .where(MESSAGE.CONVERSATION_ID.in(conversationIds)).execute()
                + db.update(CONVERSATION).setNull(CONVERSATION.HANDOFF_SUMMARY).setNull(CONVERSATION.CSAT_COMMENT)
                        .where(CONVERSATION.ID.in(conversationIds)).execute();
    }

    private static Message message(MessageRecord r) {
        return new Message(r.getId(), r.getConversationId(), Model.Kind.valueOf(r.getKind()),
                Model.Channel.valueOf(r.getChannel()), r.getInboxCode(), Model.Author.valueOf(r.getAuthorKind()),
                r.getAuthor(), r.getAgentId(), r.getBody(), r.getExternalId(), r.getSender(), r.getLocationCode(),
                r.getDurationSeconds(), r.getActionJson(), r.getCreatedAt());
    }
}
