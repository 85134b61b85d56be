package org.comptoir.service.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The desk's set-up (teams, inboxes, agents, canned replies) and its reports. */
@Tag(name = "Service desk set-up")
@RestController
@RequestMapping("/api/v1/service")
class ServiceAdminController {

    record TeamPayload(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 60) String timeZone,
            Map<String, List<LocalTime>> hours, @NotNull @Min(1) @Max(31_536_000) Long firstResponseSeconds,
            @NotNull @Min(1) @Max(31_536_000) Long resolutionSeconds) {}

    record InboxPayload(@NotBlank @Size(max = 200) String name, @NotNull Model.Channel channel,
            @Size(max = 320) String address, @Size(max = 40) String locationCode, @Size(max = 40) String salesChannel,
            Boolean bot,
            @NotBlank @Size(max = 40) String teamCode) {}

    record AgentPayload(@NotBlank @Size(max = 100) String keyId, @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 40) String teamCode, @NotNull @Min(1) @Max(200) Integer maxOpen, Boolean active) {}

    record CannedPayload(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String body) {}

    private final ServiceSetup setup;
    private final Reports reports;

    ServiceAdminController(ServiceSetup setup, Reports reports) {
        this.setup = setup;
        this.reports = reports;
    }

    @PutMapping("/teams/{code}")
    Model.Team team(@PathVariable String code, @Valid @RequestBody TeamPayload p) {
        return setup.team(code, p.name(), p.timeZone(), p.hours() == null ? Map.of() : p.hours(),
                p.firstResponseSeconds(), p.resolutionSeconds());
    }

    @GetMapping("/teams/{code}")
    Model.Team team(@PathVariable String code) {
        return setup.team(code);
    }

    @PutMapping("/inboxes/{code}")
    Model.Inbox inbox(@PathVariable String code, @Valid @RequestBody InboxPayload p) {
        return setup.inbox(code, p.name(), p.channel(), p.address(), p.locationCode(), p.salesChannel(),
                Boolean.TRUE.equals(p.bot()), p.teamCode());
    }

    @GetMapping("/inboxes")
    List<Model.Inbox> inboxes() {
        return setup.inboxes();
    }

    @PostMapping("/agents")
    Model.Agent agent(@Valid @RequestBody AgentPayload p) {
        return setup.agent(p.keyId(), p.name(), p.teamCode(), p.maxOpen(), !Boolean.FALSE.equals(p.active()));
    }

    @GetMapping("/agents")
    List<Model.Agent> agents() {
        return setup.agents();
    }

    @PutMapping("/canned-replies/{code}")
    Model.CannedReply canned(@PathVariable String code, @Valid @RequestBody CannedPayload p) {
        return setup.canned(code, p.title(), p.body());
    }

    @GetMapping("/canned-replies")
    List<Model.CannedReply> cannedReplies() {
        return setup.cannedReplies();
    }

    @GetMapping("/reports")
    Reports.Report report(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String team) {
        Instant end = to == null ? Instant.now().plusSeconds(1) : to;
        Instant start = from == null ? end.minus(java.time.Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw org.comptoir.platform.web.ApiProblem.invalid("from", "must be before to");
        }
        return reports.report(start, end, team);
    }
}
