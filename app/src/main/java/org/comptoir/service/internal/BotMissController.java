package org.comptoir.service.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The messages the bot did not understand, for agents to label with the intent they meant; labelled
 * ones ({@code labelled=true}) teach the bot and are exported to join the evaluation set.
 */
@Tag(name = "Bot", description = "Messages the bot missed, and their labels")
@RestController
@RequestMapping("/api/v1/service/bot/misses")
class BotMissController {

    record Label(String intent) {}

    private final BotMisses misses;

    BotMissController(BotMisses misses) {
        this.misses = misses;
    }

    @GetMapping
    CursorPage<BotMisses.Miss> list(@RequestParam(required = false) Boolean labelled,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return CursorPage.of(misses.page(Boolean.TRUE.equals(labelled), page), page, m -> m.id().toString());
    }

    @PutMapping("/{id}")
    BotMisses.Miss label(@PathVariable UUID id, @RequestBody Label label) {
        return misses.label(id, label.intent());
    }
}
