package org.comptoir.service.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.comptoir.customers.Customers;
import org.comptoir.inventory.Inventory;
import org.comptoir.ordering.Checkout;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.comptoir.platform.web.CursorPage;
import org.comptoir.platform.web.PageRequest;
import org.comptoir.returns.ReturnBook;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Conversations as agents and store associates work them: the queue, the thread with the customer's
 * context, replies, notes, calls, assignment, snooze, resolution and rating, merge and split, and the
 * actions taken for the customer.
 */
@Tag(name = "Conversations", description = "One conversation per customer across channels")
@RestController
@RequestMapping("/api/v1/service/conversations")
class ConversationController {

    record ReplyPayload(@Size(max = Desk.MAX_BODY) String body, @Size(max = 40) String canned, Model.Channel channel) {}

    record NotePayload(@NotBlank @Size(max = Desk.MAX_BODY) String body) {}

    record CallPayload(@NotNull @Pattern(regexp = "INBOUND|OUTBOUND") String direction,
            @NotNull @Min(0) @Max(86_400) Integer durationSeconds, @NotBlank @Size(max = Desk.MAX_BODY) String notes) {}

    record AssignPayload(@NotNull UUID agentId) {}

    record UpdatePayload(Model.Priority priority, @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags) {}

    record SnoozePayload(@NotNull Instant until) {}

    record RatingPayload(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment) {}

    record MergePayload(@NotNull UUID conversationId) {}

    record SplitPayload(@NotEmpty @Size(max = 500) List<@NotNull UUID> messageIds) {}

    record NearPayload(@NotBlank @Size(max = 64) String sku, @Size(max = 200) String where,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude, Double radiusKm) {}

    record HoldPayload(@NotBlank @Size(max = 64) String sku, @NotBlank @Size(max = 40) String locationCode,
            @NotNull @Min(1) @Max(1000) Integer quantity, @NotNull Instant until, @Size(max = 40) String channelCode) {}

    record LinePayload(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(10_000) Integer quantity) {}

    record CartPayload(@NotBlank @Size(max = 40) String channelCode,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid LinePayload> lines,
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> codes) {}

    record LinkPayload(@NotNull UUID cartId, @NotBlank @Size(max = 40) String channelCode) {}

    record ReturnLinePayload(@NotNull @Min(1) Integer lineNo, @NotNull @Min(1) @Max(10_000) Integer quantity,
            @NotBlank @Size(max = 30) String reason, @Size(max = 500) String comment) {}

    record ReturnPayload(@NotBlank @Size(max = 40) String orderNumber, @NotBlank @Size(max = 20) String method,
            @Size(max = 40) String locationCode, @NotEmpty @Size(max = 100) List<@NotNull @Valid ReturnLinePayload> lines) {}

    record OrderPayload(@NotNull UUID cartId, @Pattern(regexp = "PAY_NOW|PAY_AT_PICKUP") String paymentTerms) {}

    record ExchangePayload(@NotBlank @Size(max = 40) String orderNumber, @NotNull @Min(1) Integer lineNo,
            @NotNull @Min(1) @Max(10_000) Integer quantity, @NotBlank @Size(max = 64) String sku,
            @NotBlank @Size(max = 40) String locationCode, @NotBlank @Size(max = 40) String channelCode) {}

    /** A conversation with its thread and the customer's context (profile, orders, returns, carts, loyalty, consents). */
    record View(Model.Conversation conversation, List<Model.Message> messages, Object customer,
            List<Checkout.CartSummary> carts) {}

    private final Desk desk;
    private final AgentActions actions;
    private final Customers customers;
    private final Checkout checkout;

    ConversationController(Desk desk, AgentActions actions, Customers customers, Checkout checkout) {
        this.desk = desk;
        this.actions = actions;
        this.customers = customers;
        this.checkout = checkout;
    }

    @GetMapping
    CursorPage<Model.Conversation> list(@RequestParam(required = false) List<Model.Status> status,
            @RequestParam(required = false) String team, @RequestParam(required = false) UUID assignee,
            @RequestParam(required = false) String inbox, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return CursorPage.of(desk.list(status == null ? List.of() : status, team, assignee, inbox,
                page.afterId().orElse(null), page.limit() + 1, Callers.current()), page, c -> c.id().toString());
    }

    @GetMapping("/{id}")
    View get(@PathVariable UUID id) {
        var caller = Callers.current();
        Model.Conversation c = desk.find(id, caller);
        return new View(c, desk.messages(id, caller), customers.view(c.customerId()),
                checkout.openCarts(customers.references(c.customerId())));
    }

    @PostMapping("/{id}/replies")
    ResponseEntity<Model.Message> reply(@PathVariable UUID id, @Valid @RequestBody ReplyPayload p) {
        if ((p.body() == null) == (p.canned() == null)) {
            throw ApiProblem.invalid("body", "give a body or the code of a canned reply");
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(desk.reply(id, p.body(), p.canned(), p.channel(), Callers.current()));
    }

    @PostMapping("/{id}/notes")
    ResponseEntity<Model.Message> note(@PathVariable UUID id, @Valid @RequestBody NotePayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.note(id, p.body(), Callers.current()));
    }

    @PostMapping("/{id}/calls")
    ResponseEntity<Model.Message> call(@PathVariable UUID id, @Valid @RequestBody CallPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(desk.call(id, p.direction(), p.durationSeconds(), p.notes(), Callers.current()));
    }

    @PostMapping("/{id}/assign")
    Model.Conversation assign(@PathVariable UUID id, @Valid @RequestBody AssignPayload p) {
        return desk.assignTo(id, p.agentId(), Callers.current());
    }

    @PatchMapping("/{id}")
    Model.Conversation update(@PathVariable UUID id, @Valid @RequestBody UpdatePayload p) {
        return desk.update(id, p.priority(), p.tags() == null ? null : new ArrayList<>(p.tags()), Callers.current());
    }

    @PostMapping("/{id}/snooze")
    Model.Conversation snooze(@PathVariable UUID id, @Valid @RequestBody SnoozePayload p) {
        return desk.snooze(id, p.until(), Callers.current());
    }

    @PostMapping("/{id}/resolve")
    Model.Conversation resolve(@PathVariable UUID id) {
        return desk.resolve(id, Callers.current());
    }

    /** The customer's rating (from a survey link, or told to an agent). */
    @PostMapping("/{id}/csat")
    Model.Conversation rate(@PathVariable UUID id, @Valid @RequestBody RatingPayload p) {
        desk.visible(id, Callers.current());
        return desk.rate(id, p.score(), p.comment());
    }

    @PostMapping("/{id}/merge")
    Model.Conversation merge(@PathVariable UUID id, @Valid @RequestBody MergePayload p) {
        return desk.merge(id, p.conversationId(), Callers.current());
    }

    @PostMapping("/{id}/split")
    ResponseEntity<Model.Conversation> split(@PathVariable UUID id, @Valid @RequestBody SplitPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(desk.split(id, p.messageIds(), Callers.current()));
    }

    @PostMapping("/{id}/actions/near")
    List<Inventory.Nearby> near(@PathVariable UUID id, @Valid @RequestBody NearPayload p) {
        return actions.near(id, p.sku(), p.where(), p.latitude(), p.longitude(), p.radiusKm(), Callers.current());
    }

    @PostMapping("/{id}/actions/holds")
    ResponseEntity<java.util.Map<String, Object>> hold(@PathVariable UUID id, @Valid @RequestBody HoldPayload p) {
        UUID hold = actions.hold(id, p.sku(), p.locationCode(), p.quantity(), p.until(), p.channelCode(),
                Callers.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(java.util.Map.of("holdId", hold));
    }

    @PostMapping("/{id}/actions/carts")
    ResponseEntity<Checkout.CartSummary> cart(@PathVariable UUID id, @Valid @RequestBody CartPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(actions.cart(id, p.channelCode(), p.lines().stream()
                .map(l -> new Checkout.Line(l.sku(), l.quantity())).toList(), p.codes(), Callers.current()));
    }

    @PostMapping("/{id}/actions/links")
    Checkout.CartSummary link(@PathVariable UUID id, @Valid @RequestBody LinkPayload p) {
        return actions.link(id, p.cartId(), p.channelCode(), Callers.current());
    }

    @PostMapping("/{id}/actions/orders")
    ResponseEntity<Checkout.Placed> order(@PathVariable UUID id, @Valid @RequestBody OrderPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(actions.order(id, p.cartId(), p.paymentTerms(),
                Callers.current()));
    }

    @PostMapping("/{id}/actions/exchanges")
    ResponseEntity<ReturnBook.ExchangeSummary> exchange(@PathVariable UUID id, @Valid @RequestBody ExchangePayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(actions.exchange(id, p.orderNumber(), p.lineNo(),
                p.quantity(), p.sku(), p.locationCode(), p.channelCode(), Callers.current()));
    }

    @PostMapping("/{id}/actions/returns")
    ResponseEntity<ReturnBook.Summary> openReturn(@PathVariable UUID id, @Valid @RequestBody ReturnPayload p) {
        return ResponseEntity.status(HttpStatus.CREATED).body(actions.openReturn(id, p.orderNumber(), p.method(),
                p.locationCode(), p.lines().stream().map(l -> new ReturnBook.ReturnLine(l.lineNo(), l.quantity(),
                        l.reason(), l.comment())).toList(), Callers.current()));
    }
}
