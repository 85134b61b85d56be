package org.comptoir.customers.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.customers.ConsentChanged;
import org.comptoir.customers.ConsentConfirmationRequested;
import org.comptoir.customers.ContactChannel;
import org.comptoir.customers.Customers;
import org.comptoir.customers.Customers.Contactability;
import org.comptoir.customers.Purpose;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.security.SecretTokens;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consent ledger and the one question every message asks first. A grant with double opt-in is
 * PENDING until the person confirms it through the token sent to them; a withdrawal takes effect at
 * once. Transactional messages are allowed unless withdrawn; marketing and profiling need a grant.
 */
@Service
class Consents {

    /** What is recorded: the answer, where and how it was given, with which wording. */
    record Record(ContactChannel channel, Purpose purpose, boolean granted, String viaChannel, String form,
            String wordingVersion, boolean doubleOptIn) {}

    /** A recorded entry, with the confirmation token when one must be sent (shown once). */
    /**
     * A consent recorded; {@code confirmationSent}: a double opt-in's confirmation went to the person
     * (its token is theirs alone: never in the answer, so that whoever records a consent cannot confirm
     * it for them).
     */
    record Recorded(ConsentRepository.Entry entry, boolean confirmationSent) {}

    private final ConsentRepository consents;
    private final CustomerRepository customers;
    private final Identities identities;
    private final ApplicationEventPublisher events;
    private final ConsentConfirmations confirmations;
    private final Clock clock;

    Consents(ConsentRepository consents, CustomerRepository customers, Identities identities,
            ApplicationEventPublisher events, ConsentConfirmations confirmations, Clock clock) {
        this.confirmations = confirmations;
        this.consents = consents;
        this.customers = customers;
        this.identities = identities;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Recorded record(UUID customerId, Record r, Caller caller) {
        Profile profile = customers.root(customerId).filter(p -> p.status() == Profile.Status.ACTIVE)
                .orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        customers.lock(List.of(profile.id()));
        Instant now = clock.instant();
        boolean pending = r.granted() && r.doubleOptIn();
        String token = pending ? SecretTokens.generate("cc_") : null;
        if (pending && address(profile.id(), r.channel()).isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "no-address", "No address",
                    "The customer has no " + r.channel() + " address to send the confirmation to");
        }
        var entry = new ConsentRepository.Entry(Ids.newId(), profile.id(), r.channel(), r.purpose(),
                pending ? ConsentRepository.Status.PENDING : r.granted() ? ConsentRepository.Status.GRANTED
                        : ConsentRepository.Status.WITHDRAWN, r.viaChannel(), r.form(), r.wordingVersion(), caller.name(),
                now, null);
        consents.insert(entry, profile.id(), token == null ? null : SecretTokens.hash(token));
        boolean sent = false;
        if (pending) {
            events.publishEvent(new ConsentConfirmationRequested(Ids.newId(), now, profile.id(), entry.id(),
                    r.channel(), r.purpose()));
            sent = confirmations.send(r.channel(), address(profile.id(), r.channel()).orElseThrow(), token);
        } else {
            events.publishEvent(new ConsentChanged(Ids.newId(), now, profile.id(), r.channel(), r.purpose(),
                    entry.status().name()));
        }
        events.publishEvent(CustomerChanged.anything(profile.id()));
        return new Recorded(entry, sent);
    }

    /** The person followed the link: the pending grant is confirmed, if it is still the one in force. */
    @Transactional
    ConsentRepository.Entry confirm(String token) {
        var pending = consents.byToken(SecretTokens.hash(token == null ? "" : token))
                .orElseThrow(() -> new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-token",
                        "Unknown confirmation", "No consent waits for this confirmation"));
        customers.lock(List.of(pending.customerId()));
        var current = consents.current(pending.customerId(), pending.channel(), pending.purpose()).orElseThrow();
        if (!current.id().equals(pending.id())) {
            throw ApiProblem.conflict("consent-superseded", "The consent changed since this confirmation was sent");
        }
        Instant now = clock.instant();
        var granted = new ConsentRepository.Entry(Ids.newId(), pending.customerId(), pending.channel(),
                pending.purpose(), ConsentRepository.Status.GRANTED, pending.viaChannel(), pending.form(),
                pending.wordingVersion(), "double opt-in", now, now);
        consents.insert(granted, pending.customerId(), null);
        events.publishEvent(new ConsentChanged(Ids.newId(), now, pending.customerId(), pending.channel(),
                pending.purpose(), granted.status().name()));
        events.publishEvent(CustomerChanged.anything(pending.customerId()));
        return granted;
    }

    @Transactional(readOnly = true)
    List<ConsentRepository.Entry> ledger(UUID customerId) {
        return consents.ledger(root(customerId));
    }

    @Transactional(readOnly = true)
    List<ConsentRepository.Entry> current(UUID customerId) {
        return consents.current(root(customerId)).values().stream()
                .sorted(Comparator.comparing((ConsentRepository.Entry e) -> e.channel())
                        .thenComparing(ConsentRepository.Entry::purpose)).toList();
    }

    @Transactional(readOnly = true)
    Optional<UUID> resolve(String customerRef) {
        return identities.read(customerRef).flatMap(ref -> ref.profileId() != null ? customers.root(ref.profileId())
                        : customers.identity(ref.kind(), ref.value()).flatMap(i -> customers.root(i.customerId())))
                .map(Profile::id);
    }

    @Transactional(readOnly = true)
    Contactability mayContact(String customerRef, ContactChannel channel, Purpose purpose) {
        var profile = resolve(customerRef).flatMap(customers::find);
        if (profile.isEmpty()) {
            return new Contactability(false, "no customer is known as " + customerRef, null);
        }
        return decide(profile.get(), channel, purpose);
    }

    @Transactional(readOnly = true)
    Contactability mayContact(UUID customerId, ContactChannel channel, Purpose purpose) {
        return decide(customers.root(customerId).orElseThrow(() -> ApiProblem.notFound("customer", customerId)),
                channel, purpose);
    }

    /** True when the profile may be contacted now, for segments: the same rule as the answer. */
    boolean allowed(UUID customerId, ContactChannel channel, Purpose purpose) {
        return customers.find(customerId).map(p -> decide(p, channel, purpose).allowed()).orElse(false);
    }

    private Contactability decide(Profile profile, ContactChannel channel, Purpose purpose) {
        if (profile.status() == Profile.Status.ERASED) {
            return new Contactability(false, "the customer's data was erased", null);
        }
        var current = consents.current(profile.id(), channel, purpose);
        String status = current.map(e -> e.status().name()).orElse(null);
        boolean consented = purpose == Purpose.TRANSACTIONAL ? !"WITHDRAWN".equals(status) : "GRANTED".equals(status);
        if (!consented) {
            String why = status == null ? "no consent to " + purpose + " by " + channel + " was given"
                    : "PENDING".equals(status) ? "the consent waits for its double opt-in confirmation"
                    : "the consent was withdrawn on " + current.get().recordedAt();
            return new Contactability(false, why, null);
        }
        Optional<String> address = address(profile.id(), channel);
        if (address.isEmpty()) {
            return new Contactability(false, "no " + channel + " address is known for the customer", null);
        }
        String why = status == null ? "transactional messages need no consent and none was withdrawn"
                : "consent given on " + current.get().recordedAt() + " through " + current.get().form()
                        + " (wording " + current.get().wordingVersion() + ")";
        return new Contactability(true, why, address.get());
    }

    /** Where a channel reaches the customer: the newest verified-first email, phone, device or home address. */
    private Optional<String> address(UUID customerId, ContactChannel channel) {
        IdentityKind kind = switch (channel) {
            case EMAIL -> IdentityKind.EMAIL;
            case SMS, VOICE_MESSAGE, PHONE_CALL -> IdentityKind.PHONE;
            case PUSH, WEB_NOTIFICATION -> IdentityKind.DEVICE;
            case POSTAL_MAIL -> null;
        };
        if (kind == null) {
            return customers.find(customerId).map(Profile::home).map(a -> a.line1() + ", " + a.postalCode() + " "
                    + a.city());
        }
        return customers.identities(customerId).stream().filter(i -> i.kind() == kind)
                .sorted(Comparator.comparing(CustomerRepository.Identity::verified).reversed()
                        .thenComparing(CustomerRepository.Identity::lastSeenAt, Comparator.reverseOrder()))
                .map(CustomerRepository.Identity::value).findFirst();
    }

    private UUID root(UUID customerId) {
        return customers.root(customerId).map(Profile::id).orElseThrow(() -> ApiProblem.notFound("customer", customerId));
    }
}
