package org.comptoir.service.internal;

import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.comptoir.network.Network;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams, inboxes, agents and canned replies, checked before they are kept. */
@Service
class ServiceSetup {

    private final ServiceRepository repository;
    private final Network network;
    private final Clock clock;

    ServiceSetup(ServiceRepository repository, Network network, Clock clock) {
        this.repository = repository;
        this.network = network;
        this.clock = clock;
    }

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    private static String code(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ApiProblem.invalid("code", "must be 1 to 40 letters, digits, '-' or '_'");
        }
        return code;
    }

    @Transactional
    Model.Team team(String code, String name, String timeZone, Map<String, List<LocalTime>> hours,
            long firstResponseSeconds, long resolutionSeconds) {
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("timeZone", "is not a time zone such as Europe/Paris");
        }
        hours.forEach((day, range) -> {
            if (!BusinessHours.validDay(day)) {
                throw ApiProblem.invalid("hours", day + " is not a day (MONDAY…SUNDAY)");
            }
            if (range == null || range.size() != 2 || range.get(0) == null || range.get(1) == null
                    || !range.get(0).isBefore(range.get(1))) {
                throw ApiProblem.invalid("hours." + day, "must be [opens, closes] with opens before closes");
            }
        });
        if (firstResponseSeconds < 1 || resolutionSeconds < firstResponseSeconds) {
            throw ApiProblem.invalid("targets", "first response must be at least 1 s and resolution no shorter");
        }
        var team = new Model.Team(code(code), name, timeZone, hours, firstResponseSeconds, resolutionSeconds, clock.instant());
        repository.upsert(team);
        return repository.team(code).orElseThrow();
    }

    @Transactional
    Model.Inbox inbox(String code, String name, Model.Channel channel, String address, String locationCode,
            String salesChannel, boolean bot, String teamCode) {
        if (salesChannel != null && network.channel(salesChannel).isEmpty()) {
            throw ApiProblem.invalid("salesChannel", "no channel has the code " + salesChannel);
        }
        if (repository.team(teamCode).isEmpty()) {
            throw ApiProblem.invalid("teamCode", "no team has the code " + teamCode);
        }
        if (channel == Model.Channel.IN_STORE && locationCode == null) {
            throw ApiProblem.invalid("locationCode", "an in-store inbox belongs to a store");
        }
        if (locationCode != null && network.location(locationCode).isEmpty()) {
            throw ApiProblem.invalid("locationCode", "no location has the code " + locationCode);
        }
        if (address != null) {
            repository.inboxByAddress(address).filter(i -> !i.code().equals(code)).ifPresent(i -> {
                throw ApiProblem.conflict("address-taken", "Inbox " + i.code() + " already has " + address);
            });
        }
        repository.upsert(new Model.Inbox(code(code), name, channel, address, locationCode, salesChannel, bot, teamCode,
                clock.instant()));
        return repository.inbox(code).orElseThrow();
    }

    @Transactional
    Model.Agent agent(String keyId, String name, String teamCode, int maxOpen, boolean active) {
        if (repository.team(teamCode).isEmpty()) {
            throw ApiProblem.invalid("teamCode", "no team has the code " + teamCode);
        }
        // Agents are known by the credential they call with: an API key's id is "key:" and its UUID.
        String credential = keyId.startsWith("key:") ? keyId : "key:" + keyId;
        repository.upsert(new Model.Agent(Ids.newId(), credential, name, teamCode, maxOpen, active,
                java.time.Instant.EPOCH));
        return repository.agentByKey(credential).orElseThrow();
    }

    @Transactional
    Model.CannedReply canned(String code, String title, String body) {
        var reply = new Model.CannedReply(code(code), title, body);
        repository.upsert(reply);
        return reply;
    }

    @Transactional(readOnly = true)
    List<Model.Inbox> inboxes() {
        return repository.inboxes();
    }

    @Transactional(readOnly = true)
    List<Model.Agent> agents() {
        return repository.agents();
    }

    @Transactional(readOnly = true)
    List<Model.CannedReply> cannedReplies() {
        return repository.canned();
    }

    @Transactional(readOnly = true)
    Model.Team team(String code) {
        return repository.team(code).orElseThrow(() -> ApiProblem.notFound("team", code));
    }
}
