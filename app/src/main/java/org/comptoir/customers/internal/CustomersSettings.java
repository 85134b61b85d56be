package org.comptoir.customers.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How customers are recognised, kept and rewarded.
 *
 * @param phoneRegion the country a phone number written without its country code belongs to
 * @param priority identity kinds from the strongest to the weakest: when identities of one request
 *     name different profiles, the profile the strongest names absorbs the others
 * @param strong kinds that are strong as they are; other kinds are strong once verified
 * @param limits how many identities of a kind one profile may hold
 * @param blocked values that never recognise anyone, {@code KIND:value} (a trailing * matches a prefix)
 * @param inactiveAfter profiles not seen for this long are erased (retention)
 * @param timelineRetention touchpoints older than this are deleted
 * @param maxEventAge an event older than this is refused at ingestion
 * @param sweepInterval how often retention, points expiry and time-window segments run
 * @param scoreInterval how often RFM scores are recomputed for every customer
 * @param loyalty the loyalty programme
 * @param consentLink the link of a double opt-in's confirmation email ({token})
 * @param mailFrom the sender of confirmation emails
 */
@ConfigurationProperties("comptoir.customers")
record CustomersSettings(@DefaultValue("FR") String phoneRegion,
        @DefaultValue({"LOYALTY_CARD", "ACCOUNT", "EMAIL", "PHONE", "MARKETPLACE", "SOCIAL", "DEVICE"})
        List<IdentityKind> priority,
        @DefaultValue({"LOYALTY_CARD", "ACCOUNT"}) List<IdentityKind> strong,
        Map<IdentityKind, Integer> limits,
        @DefaultValue({"EMAIL:noemail@*", "EMAIL:no-email@*", "EMAIL:pasdemail@*", "EMAIL:test@test.com"})
        List<String> blocked,
        @DefaultValue("1095d") Duration inactiveAfter,
        @DefaultValue("730d") Duration timelineRetention,
        @DefaultValue("365d") Duration maxEventAge,
        @DefaultValue("60s") Duration sweepInterval,
        @DefaultValue("1h") Duration scoreInterval,
        @DefaultValue Loyalty loyalty,
        @DefaultValue("https://shop.jardin-and-co.example/consents/confirm?token={token}") String consentLink,
        @DefaultValue("Jardin & Co <no-reply@jardin-and-co.example>") String mailFrom) {

    /**
     * @param pointsPerUnit points earned per whole unit of currency spent (1 per euro)
     * @param pointValue what one point is worth when spent, in minor units (1 cent)
     * @param expireAfter points not spent within this time expire
     * @param tiers tier names and the points earned over the last 365 days that reach them
     */
    record Loyalty(@DefaultValue("1") int pointsPerUnit, @DefaultValue("1") int pointValue,
            @DefaultValue("365d") Duration expireAfter,
            @DefaultValue({"MEMBER:0", "SILVER:500", "GOLD:2000"}) List<String> tiers) {}

    private static final Map<IdentityKind, Integer> DEFAULT_LIMITS = Map.of(IdentityKind.EMAIL, 5,
            IdentityKind.PHONE, 5, IdentityKind.LOYALTY_CARD, 1, IdentityKind.ACCOUNT, 3, IdentityKind.SOCIAL, 10,
            IdentityKind.MARKETPLACE, 10, IdentityKind.DEVICE, 20);

    int limitOf(IdentityKind kind) {
        if (limits != null && limits.containsKey(kind)) {
            return limits.get(kind);
        }
        return DEFAULT_LIMITS.get(kind);
    }

    /** Lower is stronger: by kind in the priority order, a verified identity before an unverified one of its kind. */
    int rank(IdentityKind kind, boolean verified) {
        int index = priority.indexOf(kind);
        return (index < 0 ? priority.size() : index) * 2 + (verified ? 0 : 1);
    }

    boolean isStrong(IdentityKind kind, boolean verified) {
        return strong.contains(kind) || (verified && (kind == IdentityKind.EMAIL || kind == IdentityKind.PHONE));
    }
}
