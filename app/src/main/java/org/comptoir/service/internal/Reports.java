package org.comptoir.service.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.comptoir.service.internal.Model.Conversation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk's figures over a period, for every team or one: volume per channel, first response and resolution times, how
 * many conversations the bot handled alone, why it handed over, satisfaction per agent and channel,
 * targets missed.
 */
@Service
class Reports {

    /** Times in seconds; {@code botContainment} is the share of bot conversations resolved without an agent. */
    record Report(Instant from, Instant to, int conversations, Map<String, Integer> volumeByChannel,
            Long firstResponseMedianSeconds, Long firstResponseAverageSeconds, Long resolutionMedianSeconds,
            Long resolutionAverageSeconds, int botConversations, int botResolvedAlone, Double botContainment,
            Map<String, Integer> handoffReasons, Map<String, Satisfaction> csatByAgent,
            Map<String, Satisfaction> csatByChannel, int firstResponseBreaches, int resolutionBreaches) {}

    record Satisfaction(int answers, double average) {}

    private final ServiceRepository repository;

    Reports(ServiceRepository repository) {
        this.repository = repository;
    }

    @Transactional(readOnly = true)
    Report report(Instant from, Instant to, String team) {
        List<Conversation> all = repository.between(from, to).stream()
                .filter(c -> team == null || team.equals(c.teamCode())).toList();
        Map<String, Model.Inbox> inboxes = new TreeMap<>();
        repository.inboxes().forEach(i -> inboxes.put(i.code(), i));
        Map<UUID, String> agents = new TreeMap<>();
        repository.agents().forEach(a -> agents.put(a.id(), a.name()));
        Map<String, Integer> volume = new TreeMap<>();
        Map<String, Integer> reasons = new TreeMap<>();
        Map<String, List<Integer>> byAgent = new TreeMap<>();
        Map<String, List<Integer>> byChannel = new TreeMap<>();
        List<Long> firstResponses = new ArrayList<>();
        List<Long> resolutions = new ArrayList<>();
        int bot = 0;
        int alone = 0;
        int firstBreaches = 0;
        int resolutionBreaches = 0;
        for (Conversation c : all) {
            String channel = inboxes.containsKey(c.inboxCode()) ? inboxes.get(c.inboxCode()).channel().name() : "?";
            volume.merge(channel, 1, Integer::sum);
            if (c.handoffReason() != null) {
                reasons.merge(c.handoffReason(), 1, Integer::sum);
            }
            if (c.firstResponseAt() != null) {
                Instant start = c.handedOverAt() != null ? c.handedOverAt() : c.createdAt();
                firstResponses.add(Math.max(0, Duration.between(start, c.firstResponseAt()).toSeconds()));
            }
            if (c.resolvedAt() != null) {
                resolutions.add(Duration.between(c.createdAt(), c.resolvedAt()).toSeconds());
            }
            boolean startedWithBot = inboxes.containsKey(c.inboxCode()) && inboxes.get(c.inboxCode()).bot();
            if (startedWithBot) {
                bot++;
                if (c.resolvedAt() != null && c.handedOverAt() == null) {
                    alone++;
                }
            }
            if (c.csatScore() != null) {
                byAgent.computeIfAbsent(c.resolvedBy() == null ? "bot" : agents.getOrDefault(c.resolvedBy(), "?"),
                        k -> new ArrayList<>()).add(c.csatScore());
                String last = inboxes.containsKey(c.lastInboxCode())
                        ? inboxes.get(c.lastInboxCode()).channel().name() : "?";
                byChannel.computeIfAbsent(last, k -> new ArrayList<>()).add(c.csatScore());
            }
            firstBreaches += c.firstResponseBreached() ? 1 : 0;
            resolutionBreaches += c.resolutionBreached() ? 1 : 0;
        }
        return new Report(from, to, all.size(), volume, median(firstResponses), average(firstResponses),
                median(resolutions), average(resolutions), bot, alone, bot == 0 ? null : (double) alone / bot, reasons,
                satisfaction(byAgent), satisfaction(byChannel), firstBreaches, resolutionBreaches);
    }

    private static Map<String, Satisfaction> satisfaction(Map<String, List<Integer>> scores) {
        Map<String, Satisfaction> out = new TreeMap<>();
        scores.forEach((k, v) -> out.put(k, new Satisfaction(v.size(),
                Math.round(v.stream().mapToInt(Integer::intValue).average().orElse(0) * 100) / 100.0)));
        return out;
    }

    private static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Long average(List<Long> values) {
        return values.isEmpty() ? null : Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0));
    }
}
