package org.comptoir.service.internal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comptoir.customers.Customers;
import org.comptoir.platform.cluster.ClusterJobs;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.search.Language;
import org.comptoir.service.ConversationHandedOver;
import org.comptoir.service.ConversationResolved;
import org.comptoir.service.MessageSent;
import org.comptoir.service.SatisfactionRecorded;
import org.comptoir.service.ServiceTargetBreached;
import org.comptoir.service.internal.Model.Agent;
import org.comptoir.service.internal.Model.Author;
import org.comptoir.service.internal.Model.Channel;
import org.comptoir.service.internal.Model.Conversation;
import org.comptoir.service.internal.Model.Inbox;
import org.comptoir.service.internal.Model.Kind;
import org.comptoir.service.internal.Model.Message;
import org.comptoir.service.internal.Model.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The service desk. A message joins the customer's conversation still going on, whatever channel it
 * came from, or starts one in its inbox; the bot answers first where the inbox has it, and hands over
 * to the team's queue, where conversations are assigned round robin under each agent's cap. Targets
 * count in the team's business hours and breaches are flagged. After resolution the customer is asked
 * for a rating on the channel they last used; a conversation the bot answered and the customer left
 * there is resolved by the bot. Every message is on the customer's timeline.
 */
@Service
class Desk {

    private static final String SWEEP_JOB_PERIOD = "${comptoir.service.sweep-interval:30s}";

    private static final Pattern RATING = Pattern.compile("^\\s*([1-5])(?:\\s*/\\s*5)?\\b\\s*[-:,.!]*\\s*(.*)$",
            Pattern.DOTALL);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    static final int MAX_BODY = 20_000;

    /**
     * A message as it arrives: its inbox, who sent it (an identity or a profile id), what it says. It is
     * dated when it arrives, so the thread reads in the order the desk saw it, whatever clocks senders keep.
     */
    record Inbound(String inboxCode, String fromKind, String fromValue, UUID customerId, String body,
            String externalId) {}

    /** The conversation after a message, with the message and what the bot answered. */
    record Posted(Conversation conversation, Message message, List<Message> replies) {}

    private final ServiceRepository repository;
    private final Customers customers;
    private final Bot bot;
    private final BotMisses misses;
    private final ServiceSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final ObjectMapper json;
    private final ClusterJobs jobs;
    private final Clock clock;

    Desk(ServiceRepository repository, Customers customers, Bot bot, BotMisses misses, ServiceSettings settings,
            ApplicationEventPublisher events, TransactionTemplate transaction, MeterRegistry meters, ObjectMapper json,
            Clock clock, ClusterJobs jobs) {
        this.jobs = jobs;
        this.repository = repository;
        this.customers = customers;
        this.bot = bot;
        this.misses = misses;
        this.settings = settings;
        this.events = events;
        this.transaction = transaction;
        this.meters = meters;
        this.json = json;
        this.clock = clock;
    }

    // Inbound

    @Transactional
    Posted receive(Inbound in, Caller caller) {
        Inbox inbox = repository.inbox(in.inboxCode() == null ? "" : in.inboxCode())
                .orElseThrow(() -> ApiProblem.invalid("inbox", "no inbox has the code " + in.inboxCode()));
        caller.locationCode().ifPresent(own -> {
            if (!own.equals(inbox.locationCode())) {
                throw ApiProblem.forbidden("this key writes to its store's in-store inbox only");
            }
        });
        // A storefront's chat widget speaks for whoever types in it: chat inboxes only, and never as a
        // profile named by id.
        if (caller.channelCode().isPresent()) {
            if (inbox.channel() != Channel.WEB_CHAT && inbox.channel() != Channel.APP_CHAT) {
                throw ApiProblem.forbidden("a storefront key writes to chat inboxes only");
            }
            if (in.customerId() != null) {
                throw ApiProblem.forbidden("a storefront key names the sender by an identity, not a profile id");
            }
        }
        String body = body(in.body());
        if (in.externalId() != null) {
            var seen = repository.byExternalId(inbox.code(), in.externalId());
            if (seen.isPresent()) {
                Conversation c = repository.find(seen.get().conversationId()).orElseThrow();
                return new Posted(c, seen.get(), List.of());
            }
        }
        UUID customerId = sender(in, inbox, caller);
        Instant now = clock.instant();
        Set<UUID> ids = profileIds(customerId);
        var active = repository.activeOf(ids);
        if (active.isEmpty()) {
            var rated = rating(ids, body, inbox, now);
            if (rated.isPresent()) {
                return rated.get();
            }
        }
        Conversation conversation = active.orElseGet(() -> open(customerId, inbox, now));
        Message message = new Message(Ids.newId(), conversation.id(), Kind.IN, inbox.channel(), inbox.code(),
                Author.CUSTOMER, null, null, body, in.externalId(), in.fromValue(), inbox.locationCode(), null, null,
                now);
        repository.insert(message);
        Status status = switch (conversation.status()) {
            case PENDING, SNOOZED -> conversation.assigneeId() == null ? Status.WAITING : Status.OPEN;
            default -> conversation.status();
        };
        conversation = save(conversation.with().status(status).lastInboxCode(inbox.code())
                .snoozedUntil(status == Status.SNOOZED ? conversation.snoozedUntil() : null).build());
        customers.touch(customerId, inbox.channel().touchpoint(), inbox.channel().name(), now,
                "conversation " + conversation.number(), Map.of("conversationId", conversation.id().toString(),
                        "inbox", inbox.code(), "direction", "in"));
        List<Message> replies = new ArrayList<>();
        if (conversation.status() == Status.BOT) {
            conversation = answerByBot(conversation, customerId, message, inbox, replies,
                    !caller.storefront() || caller.customerId().isPresent());
        } else if (conversation.status() == Status.WAITING && conversation.assigneeId() == null) {
            conversation = assign(conversation);
        }
        return new Posted(conversation, message, replies);
    }

    /**
     * Who wrote. The back office and integrations say it (a profile id, or an identity they read from
     * the channel). A storefront's widget proves nothing: its signed-in shopper is their customer, and
     * anyone else is an anonymous visitor whatever address they type, kept apart from the profile that
     * address belongs to (an agent links them once they checked who it is).
     */
    private UUID sender(Inbound in, Inbox inbox, Caller caller) {
        if (caller.storefront()) {
            if (caller.customerId().isPresent()) {
                return caller.customerId().get();
            }
            if (in.fromKind() == null || in.fromValue() == null) {
                throw ApiProblem.invalid("from", "say who wrote: the visitor's id (DEVICE) or their address");
            }
            String visitor = "DEVICE".equals(in.fromKind()) ? in.fromValue() : "widget-" + SecretTokens.sha256Hex(
                    (inbox.code() + "|" + in.fromKind() + "|" + in.fromValue().strip().toLowerCase(java.util.Locale.ROOT))
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 32);
            return customers.recognise("DEVICE", visitor, inbox.channel().name());
        }
        if (in.customerId() != null) {
            return customers.resolve(in.customerId().toString())
                    .orElseThrow(() -> ApiProblem.invalid("customerId", "no customer has this id"));
        }
        if (in.fromKind() != null && in.fromValue() != null) {
            return customers.recognise(in.fromKind(), in.fromValue(), inbox.channel().name());
        }
        throw ApiProblem.invalid("from", "say who wrote: from (kind and value) or customerId");
    }

    /** An email, to the inbox whose address is among its recipients. */
    @Transactional
    Posted receiveEmail(String from, List<String> recipients, String body, String messageId, Caller caller) {
        Inbox inbox = recipients.stream().map(repository::inboxByAddress).flatMap(Optional::stream).findFirst()
                .orElseThrow(() -> ApiProblem.invalid("email", "no inbox has any of the recipients' addresses"));
        return receive(new Inbound(inbox.code(), "EMAIL", from, null, body, messageId), caller);
    }

    private Conversation open(UUID customerId, Inbox inbox, Instant now) {
        boolean byBot = inbox.bot();
        Conversation c = new Conversation(Ids.newId(), repository.nextNumber(), customerId,
                byBot ? Status.BOT : Status.WAITING, inbox.code(), inbox.code(), inbox.locationCode(), inbox.teamCode(),
                null, Model.Priority.NORMAL, List.of(), 0, byBot ? null : now, null, null, null, null, null, null,
                false, false, null, null, null, null, null, null, now, now, 1);
        if (!byBot) {
            c = withTargets(c, now);
        }
        repository.insert(c);
        return c;
    }

    private Conversation answerByBot(Conversation c, UUID customerId, Message in, Inbox inbox, List<Message> replies,
            boolean senderKnown) {
        Map<String, Object> context = lastBotContext(c.id());
        Bot.Answer answer = bot.answer(customerId, in.body(), context, c.botFailures(),
                inbox.salesChannel() == null ? settings.channel() : inbox.salesChannel(), senderKnown);
        Map<String, Object> action = new LinkedHashMap<>(answer.found());
        action.put("intent", answer.intent().name());
        action.put("understood", answer.understood());
        Message reply = new Message(Ids.newId(), c.id(), Kind.OUT, inbox.channel(), inbox.code(), Author.BOT, "bot",
                null, answer.text(), null, null, null, null, json.writeValueAsString(action), clock.instant());
        repository.insert(reply);
        replies.add(reply);
        send(c, reply, inbox);
        Conversation after = c;
        if (!answer.understood()) {
            // what it could not read (not what it may not tell) is kept for the team to label
            if (answer.intent() == Bot.Intent.UNKNOWN || answer.intent() == Bot.Intent.AVAILABILITY) {
                misses.keep(in.body(), bot.french(in.body()) ? Language.FR : Language.EN, answer.intent());
            }
            after = save(c.with().botFailures(c.botFailures() + 1).build());
        }
        if (answer.handoffReason() != null) {
            after = handOver(after, answer.handoffReason(), summary(after, in.body(), answer));
        }
        return after;
    }

    private String summary(Conversation c, String asked, Bot.Answer answer) {
        List<String> exchange = new ArrayList<>();
        for (Message m : repository.messages(c.id())) {
            if (m.kind() == Kind.IN || (m.kind() == Kind.OUT && m.authorKind() == Author.BOT)) {
                exchange.add((m.kind() == Kind.IN ? "customer: " : "bot: ") + m.body());
            }
        }
        String found = answer.found().isEmpty() ? "nothing" : answer.found().toString();
        String text = "Asked: " + asked + " | Why handed over: " + answer.handoffReason() + " | Found: " + found
                + " | Exchange: " + String.join(" / ", exchange);
        return text.length() > 4000 ? text.substring(0, 3997) + "..." : text;
    }

    private Map<String, Object> lastBotContext(UUID conversationId) {
        List<Message> messages = repository.messages(conversationId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.authorKind() == Author.BOT && m.actionJson() != null) {
                return json.readValue(m.actionJson(), MAP);
            }
        }
        return Map.of();
    }

    /** The bot gives the conversation to the team: targets start, an agent is assigned if one is free. */
    Conversation handOver(Conversation c, String reason, String summary) {
        Instant now = clock.instant();
        Conversation waiting = withTargets(c.with().status(Status.WAITING).assigneeId(null)
                .handedOverAt(now).handoffReason(reason).handoffSummary(summary).snoozedUntil(null).build(), now);
        waiting = save(waiting);
        event(waiting, "handed over to the agents: " + reason);
        events.publishEvent(new ConversationHandedOver(Ids.newId(), now, c.id(), c.customerId(), reason, summary));
        meters.counter("service.handoffs", "reason", reason).increment();
        return assign(waiting);
    }

    private Conversation withTargets(Conversation c, Instant from) {
        var team = repository.team(c.teamCode()).orElseThrow();
        return c.with()
                .firstResponseDue(BusinessHours.add(from, team.firstResponseSeconds(), team.hours(), team.timeZone()))
                .resolutionDue(BusinessHours.add(from, team.resolutionSeconds(), team.hours(), team.timeZone()))
                .build();
    }

    /** Round robin within the team, under each agent's cap; stays WAITING when nobody is free. */
    Conversation assign(Conversation c) {
        Optional<Agent> next = repository.nextAgent(c.teamCode());
        if (next.isEmpty()) {
            return c;
        }
        repository.assigned(next.get().id(), clock.instant());
        Conversation assigned = save(c.with().assigneeId(next.get().id()).status(Status.OPEN).snoozedUntil(null)
                .build());
        event(assigned, "assigned to " + next.get().name());
        return assigned;
    }

    // Agents' work

    /** An agent's reply, on the channel the customer last used unless another is chosen. */
    @Transactional
    Message reply(UUID id, String text, String cannedCode, Channel channel, Caller caller) {
        Conversation c = changeable(id, caller);
        Agent agent = agentOf(caller);
        String body = cannedCode != null ? expand(cannedCode, c, agent, caller) : body(text);
        Inbox last = repository.inbox(c.lastInboxCode()).orElseThrow();
        Channel on = channel == null ? last.channel() : channel;
        Inbox via = channel == null || channel == last.channel() ? last : repository.inboxes().stream()
                .filter(i -> i.channel() == channel).findFirst()
                .orElseThrow(() -> ApiProblem.invalid("channel", "no inbox sends on " + channel));
        Instant now = clock.instant();
        Message reply = new Message(Ids.newId(), c.id(), Kind.OUT, on, via.code(), Author.AGENT,
                agent == null ? caller.name() : agent.name(), agent == null ? null : agent.id(), body, null, null, null,
                null, null, now);
        repository.insert(reply);
        UUID assignee = c.assigneeId() != null ? c.assigneeId() : agent == null ? null : agent.id();
        Status status = c.status() == Status.RESOLVED ? Status.RESOLVED : Status.PENDING;
        Conversation after = c.with().status(status).assigneeId(assignee).snoozedUntil(null)
                .firstResponseAt(c.firstResponseAt() == null ? now : c.firstResponseAt()).build();
        if (c.status() == Status.BOT) {
            // An agent answering the bot's conversation takes it over: it counts as handed over.
            after = after.with().handedOverAt(now).handoffReason("taken over by an agent").build();
        }
        save(after);
        send(after, reply, via);
        customers.touch(c.customerId(), on.touchpoint(), on.name(), now, "conversation " + c.number(),
                Map.of("conversationId", c.id().toString(), "direction", "out"));
        return reply;
    }

    /** An internal note, for agents and store associates only (with the store it was written in). */
    @Transactional
    Message note(UUID id, String text, Caller caller) {
        Conversation c = visible(id, caller);
        Agent agent = agentOf(caller);
        Message note = new Message(Ids.newId(), c.id(), Kind.NOTE, repository.inbox(c.lastInboxCode()).orElseThrow()
                .channel(), null, Author.AGENT, agent == null ? caller.name() : agent.name(),
                agent == null ? null : agent.id(), body(text), null, null,
                caller.locationCode().orElse(c.locationCode()), null, null, clock.instant());
        repository.insert(note);
        return note;
    }

    /** A phone call logged with its notes and duration, on the timeline as a call. */
    @Transactional
    Message call(UUID id, String direction, int durationSeconds, String notes, Caller caller) {
        Conversation c = changeable(id, caller);
        Agent agent = agentOf(caller);
        Instant now = clock.instant();
        Message call = new Message(Ids.newId(), c.id(), Kind.CALL, Channel.PHONE, null, Author.AGENT,
                agent == null ? caller.name() : agent.name(), agent == null ? null : agent.id(), body(notes), null,
                null, null, durationSeconds, json.writeValueAsString(Map.of("direction", direction)), now);
        repository.insert(call);
        if (c.firstResponseAt() == null) {
            save(c.with().firstResponseAt(now).build());
        }
        customers.touch(c.customerId(), "CALL", Channel.PHONE.name(), now, "conversation " + c.number(),
                Map.of("conversationId", c.id().toString(), "direction", direction, "seconds", durationSeconds));
        return call;
    }

    /** Records what an agent did for the customer, in the conversation and on the timeline. */
    Message action(Conversation c, String what, Map<String, Object> details, Caller caller) {
        Agent agent = agentOf(caller);
        Instant now = clock.instant();
        Map<String, Object> action = new LinkedHashMap<>(details);
        action.put("action", what);
        Message event = new Message(Ids.newId(), c.id(), Kind.EVENT, repository.inbox(c.lastInboxCode()).orElseThrow()
                .channel(), null, Author.AGENT, agent == null ? caller.name() : agent.name(),
                agent == null ? null : agent.id(), what, null, null, caller.locationCode().orElse(null), null,
                json.writeValueAsString(action), now);
        repository.insert(event);
        Map<String, Object> properties = new LinkedHashMap<>(details);
        properties.put("conversationId", c.id().toString());
        properties.put("action", what);
        customers.touch(c.customerId(), "CHAT", repository.inbox(c.lastInboxCode()).orElseThrow().channel().name(), now,
                "conversation " + c.number() + ": " + what, properties);
        return event;
    }

    @Transactional
    Conversation assignTo(UUID id, UUID agentId, Caller caller) {
        Conversation c = changeable(id, caller);
        Agent agent = repository.agent(agentId)
                .orElseThrow(() -> ApiProblem.invalid("agentId", "no agent has this id"));
        Conversation after = save(c.with().assigneeId(agent.id()).snoozedUntil(null)
                .status(c.status() == Status.BOT || c.status() == Status.WAITING ? Status.OPEN : c.status()).build());
        event(after, "assigned to " + agent.name() + " by " + caller.name());
        return after;
    }

    @Transactional
    Conversation update(UUID id, Model.Priority priority, List<String> tags, Caller caller) {
        Conversation c = changeable(id, caller);
        return save(c.with().priority(priority == null ? c.priority() : priority)
                .tags(tags == null ? c.tags() : tags).build());
    }

    @Transactional
    Conversation snooze(UUID id, Instant until, Caller caller) {
        Conversation c = changeable(id, caller);
        if (until == null || !until.isAfter(clock.instant())) {
            throw ApiProblem.invalid("until", "must be in the future");
        }
        Conversation after = save(c.with().status(Status.SNOOZED).snoozedUntil(until).build());
        event(after, "snoozed until " + until);
        return after;
    }

    /** Resolves the conversation and asks the customer for a rating on the channel they last used. */
    @Transactional
    Conversation resolve(UUID id, Caller caller) {
        Conversation c = changeable(id, caller);
        Agent agent = agentOf(caller);
        Instant now = clock.instant();
        Inbox last = repository.inbox(c.lastInboxCode()).orElseThrow();
        boolean fr = repository.messages(c.id()).stream().filter(m -> m.kind() == Kind.IN)
                .anyMatch(m -> bot.french(m.body()));
        Message question = new Message(Ids.newId(), c.id(), Kind.OUT, last.channel(), last.code(), Author.SYSTEM,
                "satisfaction", null, fr ? "Votre demande est résolue. Comment évaluez-vous notre service, de 1 à 5 ?"
                        + " Ajoutez un commentaire si vous le souhaitez."
                        : "Your request is resolved. How would you rate our service, from 1 to 5?"
                                + " Add a comment if you like.",
                null, null, null, null, null, now);
        repository.insert(question);
        UUID resolver = agent != null ? agent.id() : c.assigneeId();
        Conversation after = save(c.with().status(Status.RESOLVED).snoozedUntil(null)
                .resolutionBreached(c.resolutionBreached()
                        || (c.resolutionDue() != null && now.isAfter(c.resolutionDue())))
                .resolvedAt(now).resolvedBy(resolver).csatAskedAt(now).build());
        send(after, question, last);
        events.publishEvent(new ConversationResolved(Ids.newId(), now, c.id(), c.customerId(), resolver,
                c.handedOverAt() == null));
        return after;
    }

    /** A rating from a survey link or an agent who asked by phone. */
    @Transactional
    Conversation rate(UUID id, int score, String comment) {
        Conversation c = repository.lock(id).orElseThrow(() -> ApiProblem.notFound("conversation", id));
        if (c.status() != Status.RESOLVED) {
            throw ApiProblem.conflict("conversation-not-resolved", "A conversation is rated once it is resolved");
        }
        if (score < 1 || score > 5) {
            throw ApiProblem.invalid("score", "must be 1 to 5");
        }
        if (comment != null && comment.length() > 1000) {
            throw ApiProblem.invalid("comment", "must be at most 1000 characters");
        }
        return recordRating(c, score, comment);
    }

    private Optional<Posted> rating(Set<UUID> ids, String body, Inbox inbox, Instant now) {
        Matcher m = RATING.matcher(body);
        if (!m.matches()) {
            return Optional.empty();
        }
        return repository.awaitingCsat(ids, now.minus(settings.csatWithin())).map(c -> {
            Message message = new Message(Ids.newId(), c.id(), Kind.IN, inbox.channel(), inbox.code(), Author.CUSTOMER,
                    null, null, body, null, null, inbox.locationCode(), null, null, now);
            repository.insert(message);
            String comment = m.group(2).isBlank() ? null : m.group(2).strip();
            return new Posted(recordRating(c, Integer.parseInt(m.group(1)), comment), message, List.of());
        });
    }

    private Conversation recordRating(Conversation c, int score, String comment) {
        Instant now = clock.instant();
        Conversation after = save(c.with().csatScore(score).csatComment(comment).build());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("conversationId", c.id().toString());
        properties.put("score", score);
        if (comment != null) {
            properties.put("comment", comment);
        }
        customers.touch(c.customerId(), "SURVEY_ANSWER", repository.inbox(c.lastInboxCode()).orElseThrow().channel()
                .name(), now, "satisfaction " + score + "/5", properties);
        events.publishEvent(new SatisfactionRecorded(Ids.newId(), now, c.id(), c.customerId(), c.resolvedBy(), score,
                comment));
        return after;
    }

    /** Two conversations of the same customer become one: the other's messages join this one. */
    @Transactional
    Conversation merge(UUID id, UUID otherId, Caller caller) {
        if (id.equals(otherId)) {
            throw ApiProblem.invalid("conversationId", "is this conversation");
        }
        Conversation c = changeable(id, caller);
        Conversation other = changeable(otherId, caller);
        repository.moveMessages(other.id(), c.id());
        save(other.with().status(Status.MERGED).snoozedUntil(null).mergedInto(c.id()).build());
        Conversation after = save(c);
        event(after, "conversation " + other.number() + " merged into this one by " + caller.name());
        return after;
    }

    /** Messages an agent picks out become a conversation of their own. */
    @Transactional
    Conversation split(UUID id, List<UUID> messageIds, Caller caller) {
        Conversation c = changeable(id, caller);
        if (messageIds.isEmpty()) {
            throw ApiProblem.invalid("messageIds", "name the messages to move");
        }
        Instant now = clock.instant();
        Conversation split = new Conversation(Ids.newId(), repository.nextNumber(), c.customerId(),
                c.assigneeId() == null ? Status.WAITING : Status.OPEN, c.inboxCode(), c.lastInboxCode(),
                c.locationCode(), c.teamCode(), c.assigneeId(), c.priority(), c.tags(), 0, now, "split", null, null,
                null, null, null, false, false, null, null, null, null, null, null, now, now, 1);
        repository.insert(withTargets(split, now));
        if (repository.moveMessages(messageIds, c.id(), split.id()) != messageIds.size()) {
            throw ApiProblem.invalid("messageIds", "every message must belong to conversation " + c.number());
        }
        event(c, "messages split into conversation " + split.number() + " by " + caller.name());
        return repository.find(split.id()).orElseThrow();
    }

    // Reading

    @Transactional(readOnly = true)
    Conversation find(UUID id, Caller caller) {
        return visible(id, caller);
    }

    /** The messages an agent may read: a store key does not see another store's notes. */
    @Transactional(readOnly = true)
    List<Message> messages(UUID id, Caller caller) {
        Conversation c = visible(id, caller);
        return repository.messages(c.id()).stream().filter(m -> m.kind() != Kind.NOTE || caller.locationCode()
                .map(own -> m.locationCode() == null || own.equals(m.locationCode())).orElse(true)).toList();
    }

    @Transactional(readOnly = true)
    List<Conversation> list(List<Status> statuses, String team, UUID assignee, String inbox, UUID before, int limit,
            Caller caller) {
        String location = caller.locationCode().orElse(null);
        return repository.list(statuses, team, assignee, inbox, location, before, limit);
    }

    Conversation visible(UUID id, Caller caller) {
        Conversation c = repository.find(id).orElseThrow(() -> ApiProblem.notFound("conversation", id));
        caller.locationCode().ifPresent(own -> {
            if (!own.equals(c.locationCode())) {
                throw ApiProblem.forbidden("this key reads its own store's conversations only");
            }
        });
        return c;
    }

    private Conversation changeable(UUID id, Caller caller) {
        visible(id, caller);
        Conversation c = repository.lock(id).orElseThrow();
        if (c.status() == Status.MERGED) {
            throw ApiProblem.conflict("conversation-merged", "Conversation " + c.number() + " was merged into another");
        }
        return c;
    }

    /** The sales channel whose stock and prices the conversation speaks of: its inbox's, else the default. */
    String salesChannel(Conversation c) {
        return repository.inbox(c.inboxCode()).map(Inbox::salesChannel).orElse(null) instanceof String own ? own
                : settings.channel();
    }

    Agent agentOf(Caller caller) {
        return repository.agentByKey(caller.id()).orElse(null);
    }

    // Time

    /** Snoozes end, targets missed are flagged, waiting conversations get agents as they free up. */
    @Scheduled(fixedDelayString = SWEEP_JOB_PERIOD)
    void sweep() {
        jobs.runOnce("service.snooze-wakeup", SWEEP_JOB_PERIOD, this::sweepNow);
    }

    private void sweepNow() {
        Instant now = clock.instant();
        for (UUID id : transaction.execute(s -> repository.wakeUp(now, 200))) {
            transaction.executeWithoutResult(s -> repository.lock(id).filter(c -> c.status() == Status.SNOOZED)
                    .ifPresent(c -> save(c.with().snoozedUntil(null)
                            .status(c.assigneeId() == null ? Status.WAITING : Status.OPEN).build())));
        }
        for (UUID id : transaction.execute(s -> repository.overdue(now, 200))) {
            transaction.executeWithoutResult(s -> repository.lock(id).ifPresent(c -> breach(c, now)));
        }
        // A question the bot answered and the customer left it at: resolved by the bot (contained).
        for (UUID id : transaction.execute(s -> repository.idleWithBot(now.minus(settings.botIdle()), 200))) {
            transaction.executeWithoutResult(s -> repository.lock(id).filter(c -> c.status() == Status.BOT)
                    .ifPresent(c -> resolve(c.id(), Caller.SYSTEM)));
        }
        for (UUID id : transaction.execute(s -> repository.waiting(200))) {
            transaction.executeWithoutResult(s -> repository.lock(id).filter(c -> c.status() == Status.WAITING
                    && c.assigneeId() == null).ifPresent(this::assign));
        }
    }

    private void breach(Conversation c, Instant now) {
        boolean first = !c.firstResponseBreached() && c.firstResponseAt() == null && c.firstResponseDue() != null
                && !now.isBefore(c.firstResponseDue());
        boolean resolution = !c.resolutionBreached() && c.resolutionDue() != null && !now.isBefore(c.resolutionDue())
                && c.status().active();
        if (!first && !resolution) {
            return;
        }
        save(c.with().firstResponseBreached(c.firstResponseBreached() || first)
                .resolutionBreached(c.resolutionBreached() || resolution).build());
        if (first) {
            events.publishEvent(new ServiceTargetBreached(Ids.newId(), now, c.id(), "FIRST_RESPONSE",
                    c.firstResponseDue()));
        }
        if (resolution) {
            events.publishEvent(new ServiceTargetBreached(Ids.newId(), now, c.id(), "RESOLUTION", c.resolutionDue()));
        }
    }

    // Helpers

    private void send(Conversation c, Message m, Inbox via) {
        events.publishEvent(new MessageSent(Ids.newId(), m.createdAt(), c.id(), m.id(), c.customerId(),
                m.channel().name(), via.code(), recipient(c, m.channel()), m.body()));
    }

    /** Where a reply on a channel reaches the customer: the address they last wrote from on it. */
    private String recipient(Conversation c, Channel channel) {
        List<Message> messages = repository.messages(c.id());
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.kind() == Kind.IN && m.channel() == channel && m.sender() != null) {
                return m.sender();
            }
        }
        return null;
    }

    private String expand(String code, Conversation c, Agent agent, Caller caller) {
        var canned = repository.canned(code).orElseThrow(() -> ApiProblem.invalid("canned", "no canned reply " + code));
        @SuppressWarnings("unchecked")
        Map<String, Object> view = json.convertValue(customers.view(c.customerId()), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> profileView = (Map<String, Object>) view.getOrDefault("profile", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> profile = (Map<String, Object>) profileView.getOrDefault("profile", Map.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> orders = (List<Map<String, Object>>) view.getOrDefault("orders", List.of());
        Map<String, String> values = new HashMap<>();
        values.put("firstName", String.valueOf(profile.getOrDefault("givenName", "")));
        values.put("lastName", String.valueOf(profile.getOrDefault("familyName", "")));
        values.put("agentName", agent == null ? caller.name() : agent.name());
        values.put("lastOrderNumber", orders.isEmpty() ? "" : String.valueOf(orders.getFirst().get("number")));
        values.put("lastOrderStatus", orders.isEmpty() ? "" : String.valueOf(orders.getFirst().get("status")));
        values.put("conversationNumber", String.valueOf(c.number()));
        Matcher m = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}").matcher(canned.body());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), "")));
        }
        m.appendTail(out);
        return body(out.toString().replaceAll("\\s+([,.!?])", "$1").replaceAll(" {2,}", " "));
    }

    static String body(String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.invalid("body", "is required");
        }
        if (text.length() > MAX_BODY) {
            throw ApiProblem.invalid("body", "must be at most " + MAX_BODY + " characters");
        }
        return text.strip();
    }

    /** The profile and those merged into it: conversations started under any of them are the customer's. */
    private Set<UUID> profileIds(UUID customerId) {
        Set<UUID> ids = new java.util.HashSet<>(customers.profiles(customerId));
        ids.add(customerId);
        return ids;
    }

    private void event(Conversation c, String what) {
        repository.insert(new Message(Ids.newId(), c.id(), Kind.EVENT, repository.inbox(c.lastInboxCode()).orElseThrow()
                .channel(), null, Author.SYSTEM, "system", null, what, null, null, null, null, null, clock.instant()));
    }

    private Conversation save(Conversation c) {
        Conversation next = c.with().updatedAt(clock.instant()).version(c.version() + 1).build();
        if (!repository.update(next)) {
            throw new ApiProblem(HttpStatus.CONFLICT, "concurrent-update", "Conflict",
                    "Conversation " + c.number() + " changed meanwhile; read it again");
        }
        return next;
    }
}
