package org.comptoir.customers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.customers.ContactChannel;
import org.comptoir.customers.Customers;
import org.comptoir.customers.Purpose;
import org.comptoir.customers.Shopper;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customers module's answer to {@link Customers}. */
@Service
class CustomerDirectory implements Customers {

    private final Consents consents;
    private final Resolution resolution;
    private final Identities identities;
    private final Timeline timeline;
    private final CustomerViews views;
    private final CustomerRepository customers;
    private final Loyalty loyalty;

    CustomerDirectory(Consents consents, Resolution resolution, Identities identities, Timeline timeline,
            CustomerViews views, CustomerRepository customers, Loyalty loyalty) {
        this.loyalty = loyalty;
        this.consents = consents;
        this.resolution = resolution;
        this.identities = identities;
        this.timeline = timeline;
        this.views = views;
        this.customers = customers;
    }

    @Override
    public Optional<UUID> resolve(String customerRef) {
        return consents.resolve(customerRef);
    }

    @Override
    public Contactability mayContact(String customerRef, ContactChannel channel, Purpose purpose) {
        return consents.mayContact(customerRef, channel, purpose);
    }

    @Override
    @Transactional
    public UUID recognise(String kind, String value, String source) {
        IdentityKind identityKind;
        try {
            identityKind = IdentityKind.valueOf(kind);
        } catch (RuntimeException e) {
            throw ApiProblem.invalid("kind", "must be one of " + java.util.Arrays.toString(IdentityKind.values()));
        }
        String normalised = identities.normalise(identityKind, value, "from");
        var known = customers.identity(identityKind, normalised)
                .flatMap(i -> customers.root(i.customerId()))
                .filter(p -> p.status() == Profile.Status.ACTIVE);
        if (known.isPresent()) {
            return known.get().id();
        }
        return resolution.identify(List.of(new Identities.Given(identityKind, normalised, false)), source,
                Fields.NONE, Caller.SYSTEM).profile().id();
    }

    @Override
    @Transactional
    public void touch(UUID customerId, String type, String channel, Instant at, String subject,
            Map<String, Object> properties) {
        UUID root = customers.root(customerId).map(Profile::id)
                .orElseThrow(() -> ApiProblem.notFound("customer", customerId));
        timeline.record(root, TouchpointType.valueOf(type), channel, at, null, subject, properties);
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<UUID> profiles(UUID customerId) {
        return customers.root(customerId).map(p -> customers.subtree(p.id())).orElse(java.util.Set.of());
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.Set<String> references(UUID customerId) {
        return customers.root(customerId).map(p -> resolution.refsOf(p.id())).orElse(java.util.Set.of());
    }

    @Override
    @Transactional
    public UUID signIn(String email, String source) {
        String normalised = identities.normalise(IdentityKind.EMAIL, email, "email");
        if (identities.blocked(IdentityKind.EMAIL, normalised, customers.blocked())) {
            throw ApiProblem.invalid("email", "this address cannot sign in");
        }
        var outcome = resolution.identify(List.of(new Identities.Given(IdentityKind.EMAIL, normalised, true)), source,
                Fields.NONE, Caller.SYSTEM);
        return outcome.profile().id();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Shopper> shopper(UUID customerId) {
        return customers.root(customerId).filter(p -> p.status() == Profile.Status.ACTIVE).map(p -> {
            String email = customers.identities(p.id()).stream()
                    .filter(i -> i.kind() == IdentityKind.EMAIL && i.verified()).map(CustomerRepository.Identity::value)
                    .findFirst().orElse(null);
            Object group = p.attributes().get("customerGroup");
            Long points = loyalty.account(p.id()).map(LoyaltyRepository.Account::balance).orElse(null);
            return new Shopper(p.id(), p.givenName(), p.familyName(), email, group == null ? null : group.toString(),
                    p.addresses().stream().map(a -> new Shopper.Address(a.label(), a.line1(), a.line2(), a.postalCode(),
                            a.city(), a.country(), a.isDefault())).toList(), points);
        });
    }

    @Override
    public Object view(UUID customerId) {
        return views.view(customerId);
    }
}
