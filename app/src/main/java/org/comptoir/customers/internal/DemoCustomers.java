package org.comptoir.customers.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.comptoir.customers.ContactChannel;
import org.comptoir.customers.Purpose;
import org.comptoir.platform.persistence.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo customers: three thousand people with identities on several channels, consents, timelines
 * mixing web, app, store and social events and loyalty members; the customers of the demo orders
 * (known by their account numbers); and Nadia, the garden-shears customer of the seeds, who looked at
 * the shears again and again from central Paris. Three segments are defined and filled by the pass.
 * Loaded on a first start when {@code comptoir.demo.enabled}, before the demo orders.
 */
@Component
@org.springframework.core.annotation.Order(45)
@ConditionalOnProperty(name = "comptoir.demo.enabled", havingValue = "true")
class DemoCustomers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
    static final int PEOPLE = 3000;
    private static final String[] GIVEN = {"Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Emma",
        "Sarah", "Julie", "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Nathan", "Paul", "Thomas", "Léo",
        "Marie", "Anne", "Sophie", "Isabelle", "Pierre", "Jean", "Michel", "Philippe", "Nicolas", "Claire"};
    private static final String[] FAMILY = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
        "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert", "Bonnet", "François"};
    /** Cities near the demo stores, with a point to scatter homes around. */
    private static final Object[][] CITIES = {{"Paris", "75011", 48.8589, 2.3795}, {"Paris", "75015", 48.8412, 2.3003},
        {"Boulogne-Billancourt", "92100", 48.8397, 2.2399}, {"Vincennes", "94300", 48.8474, 2.4390},
        {"Versailles", "78000", 48.8049, 2.1204}, {"Créteil", "94000", 48.7904, 2.4556},
        {"Lyon", "69003", 45.7600, 4.8590}, {"Lille", "59000", 50.6292, 3.0573},
        {"Bordeaux", "33000", 44.8378, -0.5792}, {"Marseille", "13001", 43.2965, 5.3698}};
    private static final String[] CATEGORIES = {"outils-de-coupe", "arrosage", "entretien", "mobilier",
        "outils-a-main", "plantes", "protection"};
    private static final String[] CHANNELS = {"WEB", "WEB", "WEB", "APP", "APP", "STORES", "INSTAGRAM"};
    private static final String[] STORES = {"ST-PARIS-BASTILLE", "ST-PARIS-MONTPARNASSE", "ST-BOULOGNE",
        "ST-VINCENNES", "ST-VERSAILLES", "ST-CRETEIL", "ST-LYON", "ST-LILLE", "ST-BORDEAUX", "ST-MARSEILLE"};
    /** The customers of the demo orders, by the account numbers the orders name them with. */
    private static final String[][] ORDER_CUSTOMERS = {{"demo-claire", "Claire", "Dumas"},
        {"demo-julien", "Julien", "Caron"}, {"demo-amelie", "Amélie", "Fabre"}, {"demo-bernard", "Bernard", "Lemoine"},
        {"demo-chloe", "Chloé", "Perrin"}, {"demo-david", "David", "Roche"}};

    private final CustomerRepository customers;
    private final Profiles profiles;
    private final ConsentRepository consents;
    private final TimelineRepository timeline;
    private final LoyaltyRepository loyalty;
    private final Segments segments;
    private final CustomersSettings settings;
    private final TransactionTemplate transaction;
    private final tools.jackson.databind.ObjectMapper json;
    private final Clock clock;

    DemoCustomers(CustomerRepository customers, Profiles profiles, ConsentRepository consents,
            TimelineRepository timeline, LoyaltyRepository loyalty, Segments segments, CustomersSettings settings,
            TransactionTemplate transaction, tools.jackson.databind.ObjectMapper json, Clock clock) {
        this.customers = customers;
        this.profiles = profiles;
        this.consents = consents;
        this.timeline = timeline;
        this.loyalty = loyalty;
        this.segments = segments;
        this.settings = settings;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (customers.count() > 0) {
            return;
        }
        Random random = new Random(42);
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            nadia(now);
            for (String[] c : ORDER_CUSTOMERS) {
                UUID id = person(c[1], c[2], (Object[]) CITIES[0], now, random);
                identity(id, IdentityKind.ACCOUNT, c[0], true, "web", now);
            }
        });
        for (int batch = 0; batch < PEOPLE / 500; batch++) {
            int from = batch * 500;
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < from + 500; i++) {
                    crowd(i, random, now);
                }
            });
        }
        transaction.executeWithoutResult(status -> {
            segments.create("garden-tools-fans", "Looked at cutting tools 3 times in 14 days", json.readTree(
                    "{\"event\":{\"type\":\"PRODUCT_VIEW\",\"category\":\"outils-de-coupe\"},\"atLeast\":3,\"withinDays\":14}"));
            segments.create("sms-near-bastille", "SMS marketing allowed, living within 10 km of Bastille", json.readTree(
                    "{\"all\":[{\"consent\":{\"channel\":\"SMS\",\"purpose\":\"MARKETING\"}},"
                            + "{\"near\":{\"store\":\"ST-PARIS-BASTILLE\",\"km\":10}}]}"));
            segments.create("gold-members", "Gold loyalty members", json.readTree(
                    "{\"score\":\"tier\",\"op\":\"eq\",\"value\":\"GOLD\"}"));
        });
        log.info("Demo customers loaded: {} profiles, 3 segments (filled by the next pass)", PEOPLE + 7);
    }

    /** The seeds' garden-shears customer: she looks at the shears from central Paris and asks by chat. */
    private void nadia(Instant now) {
        UUID id = person("Nadia", "Rousseau", new Object[] {"Paris", "75004", 48.8566, 2.3522}, now, new Random(7));
        identity(id, IdentityKind.EMAIL, "nadia.rousseau@example.fr", true, "web", now);
        identity(id, IdentityKind.PHONE, "+33612345678", true, "app", now);
        identity(id, IdentityKind.LOYALTY_CARD, "2900000000017", false, "store", now);
        identity(id, IdentityKind.SOCIAL, "instagram:nadia.jardine", false, "INSTAGRAM", now);
        member(id, "2900000000017", 640, now);
        consent(id, ContactChannel.SMS, Purpose.MARKETING, true, "APP", now.minus(Duration.ofDays(40)));
        consent(id, ContactChannel.EMAIL, Purpose.MARKETING, true, "WEB", now.minus(Duration.ofDays(200)));
        List<TimelineRepository.Touchpoint> events = new ArrayList<>();
        events.add(touch(id, TouchpointType.AD_CLICK, "INSTAGRAM", now.minus(Duration.ofDays(6)), null,
                "JC-00001", "outils-de-coupe"));
        for (int day = 5; day >= 1; day -= 2) {
            events.add(touch(id, TouchpointType.PRODUCT_VIEW, "WEB", now.minus(Duration.ofDays(day)), null,
                    "JC-00001", "outils-de-coupe"));
        }
        events.add(touch(id, TouchpointType.REVIEW_READ, "WEB", now.minus(Duration.ofDays(1)), null, "JC-00001",
                "outils-de-coupe"));
        events.add(touch(id, TouchpointType.SEARCH, "APP", now.minus(Duration.ofHours(3)), null, "sécateur", null));
        timeline.insert(events);
    }

    private void crowd(int i, Random random, Instant now) {
        String given = GIVEN[random.nextInt(GIVEN.length)];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        Object[] city = CITIES[random.nextInt(CITIES.length)];
        UUID id = person(given, family, city, now, random);
        String handle = (given + "." + family + "." + i).toLowerCase().replace("é", "e").replace("è", "e")
                .replace("ç", "c").replace("ï", "i");
        identity(id, IdentityKind.EMAIL, handle + "@example.fr", random.nextInt(10) < 7, "web", now);
        if (random.nextInt(10) < 6) {
            identity(id, IdentityKind.PHONE, "+336%08d".formatted(10_000_000 + i), random.nextBoolean(), "store", now);
        }
        if (random.nextInt(10) < 5) {
            identity(id, IdentityKind.DEVICE, "web-" + UUID.nameUUIDFromBytes(handle.getBytes()), false, "web", now);
        }
        if (random.nextInt(100) < 15) {
            identity(id, IdentityKind.SOCIAL, "instagram:" + handle.replace(".", "_"), false, "INSTAGRAM", now);
        }
        if (random.nextInt(100) < 10) {
            identity(id, IdentityKind.MARKETPLACE, "marketplace:" + Long.toString(1_000_000L + i, 36).toUpperCase(),
                    false, "MARKETPLACE", now);
        }
        if (random.nextInt(100) < 30) {
            String card = "29001%08d".formatted(i);
            identity(id, IdentityKind.LOYALTY_CARD, card, false, "store", now);
            member(id, card, random.nextInt(3000), now);
        }
        if (random.nextInt(100) < 55) {
            consent(id, ContactChannel.EMAIL, Purpose.MARKETING, true, "WEB", now.minus(Duration.ofDays(1 + random.nextInt(300))));
        }
        if (random.nextInt(100) < 30) {
            consent(id, ContactChannel.SMS, Purpose.MARKETING, random.nextInt(10) < 8, "STORES",
                    now.minus(Duration.ofDays(1 + random.nextInt(300))));
        }
        List<TimelineRepository.Touchpoint> events = new ArrayList<>();
        int count = 2 + random.nextInt(17);
        for (int e = 0; e < count; e++) {
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            Instant at = now.minus(Duration.ofMinutes(1 + random.nextInt(90 * 24 * 60)));
            TouchpointType type = switch (channel) {
                case "STORES" -> TouchpointType.STORE_VISIT;
                case "INSTAGRAM" -> random.nextBoolean() ? TouchpointType.AD_CLICK : TouchpointType.CHAT;
                default -> switch (random.nextInt(6)) {
                    case 0 -> TouchpointType.PAGE_VIEW;
                    case 1 -> TouchpointType.SEARCH;
                    case 2 -> TouchpointType.ADD_TO_CART;
                    case 3 -> TouchpointType.REVIEW_READ;
                    default -> TouchpointType.PRODUCT_VIEW;
                };
            };
            String location = type == TouchpointType.STORE_VISIT ? STORES[random.nextInt(STORES.length)] : null;
            String sku = "JC-%05d".formatted(1 + random.nextInt(26));
            events.add(touch(id, type, channel, at, location, type == TouchpointType.SEARCH ? category : sku,
                    type == TouchpointType.STORE_VISIT ? null : category));
        }
        timeline.insert(events);
    }

    private UUID person(String given, String family, Object[] city, Instant now, Random random) {
        double lat = (double) city[2] + (random.nextDouble() - 0.5) * 0.06;
        double lon = (double) city[3] + (random.nextDouble() - 0.5) * 0.08;
        var address = new Profile.Address("home", (1 + random.nextInt(120)) + " rue de la République", null,
                (String) city[1], (String) city[0], "FR", lat, lon, true);
        Instant created = now.minus(Duration.ofDays(random.nextInt(700)));
        Profile profile = new Profile(Ids.newId(), Profile.Status.ACTIVE, null, given, family,
                LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28)), "fr",
                STORES[random.nextInt(STORES.length)], random.nextBoolean() ? "WEB" : "STORES", List.of(address),
                Map.of(), created, now, now.minus(Duration.ofDays(random.nextInt(60))), 1);
        customers.insert(profile);
        return profile.id();
    }

    private void identity(UUID id, IdentityKind kind, String value, boolean verified, String source, Instant now) {
        customers.insert(new CustomerRepository.Identity(Ids.newId(), id, id, kind, value, verified, source, now, now));
    }

    private void consent(UUID id, ContactChannel channel, Purpose purpose, boolean granted, String via, Instant at) {
        consents.insert(new ConsentRepository.Entry(Ids.newId(), id, channel, purpose,
                granted ? ConsentRepository.Status.GRANTED : ConsentRepository.Status.WITHDRAWN, via,
                via.equals("STORES") ? "till-signup" : "account-preferences", "2026-01", "demo", at,
                granted ? at : null), id, null);
    }

    private void member(UUID id, String card, int points, Instant now) {
        loyalty.insert(new LoyaltyRepository.Account(id, card, Loyalty.lowestTier(settings), 0,
                now.minus(Duration.ofDays(200)), 1));
        if (points > 0) {
            loyalty.insert(new LoyaltyRepository.Entry(Ids.newId(), id, LoyaltyRepository.Kind.EARN, points, points,
                    now.plus(settings.loyalty().expireAfter()).minus(Duration.ofDays(30)), "DEMO-" + id, "purchases",
                    "demo", now.minus(Duration.ofDays(30))));
        }
        String tier = Loyalty.lowestTier(settings);
        for (Loyalty.Tier t : Loyalty.tiers(settings)) {
            if (points >= t.threshold()) {
                tier = t.name();
            }
        }
        loyalty.settle(id, tier);
    }

    private static TimelineRepository.Touchpoint touch(UUID id, TouchpointType type, String channel, Instant at,
            String location, String subject, String category) {
        return new TimelineRepository.Touchpoint(Ids.newId(), id, null, type, channel, at, at, location, subject,
                category, Map.of());
    }
}
