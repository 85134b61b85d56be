package org.comptoir.service.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.comptoir.catalog.Catalog;
import org.comptoir.customers.Customers;
import org.comptoir.inventory.Inventory;
import org.comptoir.network.LocationStatus;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.LocationType;
import org.comptoir.network.Network;
import org.comptoir.ordering.OrderBook;
import org.comptoir.returns.ReturnBook;
import org.comptoir.search.Gazetteer;
import org.comptoir.search.Language;
import org.comptoir.search.ProductSearch;
import org.comptoir.search.TextAnalysis;
import org.springframework.stereotype.Component;

/**
 * A rule-and-intent bot, in French and English, that answers from live data: where an order is (by
 * its number, or the customer's latest), a store's opening hours, whether a product is available near
 * a postcode or city, when it is back in stock, how to return an item. It reads order numbers, SKUs,
 * product names, postcodes and city names out of the message. It hands over when asked for a person,
 * when it cannot help, or after a second answer it did not understand.
 */
@Component
class Bot {

    enum Intent {
        HUMAN,
        ORDER_STATUS,
        RESTOCK,
        AVAILABILITY,
        STORE_HOURS,
        RETURN_POLICY,
        GREETING,
        THANKS,
        UNKNOWN
    }

    /**
     * The bot's answer: what to say, whether it understood, whether it hands over (and why), what it
     * found (kept on the message, so a follow-up "75004" knows which product it was about).
     */
    record Answer(Intent intent, String text, boolean understood, String handoffReason, Map<String, Object> found) {}

    private static final Pattern ORDER_NUMBER = Pattern.compile("\\b([A-Za-z]{2})-(\\d{4,})\\b");
    private static final Pattern SKU = Pattern.compile("\\b([A-Za-z]{2,4}-\\d{3,6})\\b");
    /** Words that say where or when rather than what: never taken for the product. */
    private static final Set<String> NOT_PRODUCT = Set.of("quand", "nouveau", "nouvelle", "encore", "toujours",
            "aujourd", "demain", "semaine", "magasin", "magasins", "boutique", "store", "stores", "shop", "stock", "when",
            "where", "will", "again", "soon", "bientot", "besoin", "cherche", "looking", "voudrais", "would", "like",
            "want", "veux", "savoir", "know", "please", "merci", "bonjour", "hello", "suis", "habite", "live", "pres",
            "near", "chez", "moi", "produit", "product", "article", "item", "there", "have", "avez", "vous", "your",
            "votre", "pouvez", "could", "can", "est", "sont", "seront", "sera", "dispo", "disponible", "available",
            "retour", "back", "combien", "how", "much", "many", "prix", "price");

    private final OrderBook orders;
    private final Catalog catalog;
    private final Inventory inventory;
    private final Network network;
    private final ReturnBook returns;
    private final Customers customers;
    private final Gazetteer places;
    private final ProductSearch search;
    private final TextAnalysis analysis;
    private final Intents intents;
    private final ServiceSettings settings;
    private final Clock clock;

    /** A product the customer means: the SKU that answers and the name to answer with. */
    record Product(String sku, String name) {}

    Bot(OrderBook orders, Catalog catalog, Inventory inventory, Network network, ReturnBook returns, Customers customers,
            Gazetteer places, ProductSearch search, TextAnalysis analysis, Intents intents, ServiceSettings settings,
            Clock clock) {
        this.search = search;
        this.analysis = analysis;
        this.intents = intents;
        this.orders = orders;
        this.catalog = catalog;
        this.inventory = inventory;
        this.network = network;
        this.returns = returns;
        this.customers = customers;
        this.places = places;
        this.settings = settings;
        this.clock = clock;
    }

    boolean french(String text) {
        return analysis.detect(text) == Language.FR;
    }

    /**
     * Answers one message of the customer, knowing what the bot found last ({@code context}) and how
     * many of its answers already missed ({@code failures}). When the sender's identity is only claimed
     * ({@code senderKnown} false: a public chat widget without a signed-in shopper), no order is
     * discussed: an adviser takes over.
     */
    Answer answer(UUID customerId, String message, Map<String, Object> context, int failures, String channel,
            boolean senderKnown) {
        String text = message.strip();
        boolean fr = french(text);
        Intent intent = intents.recognise(text);
        if (intent == Intent.HUMAN) {
            return new Answer(Intent.HUMAN, fr ? "Je vous passe un conseiller, il vous répond au plus vite."
                    : "I am handing you over to an adviser, who will answer shortly.", true, "asked for a person",
                    Map.of());
        }
        Optional<OrderBook.Summary> numbered = orderIn(text);
        if (numbered.isPresent()) {
            if (!senderKnown) {
                // Anyone can type an address and a number in a public widget: an adviser checks who asks.
                return new Answer(Intent.ORDER_STATUS, fr
                        ? "Pour votre sécurité, je ne parle d'une commande qu'à son client connecté. Connectez-vous, "
                                + "ou un conseiller vous répond."
                        : "For your security I only discuss an order with its signed-in customer. Sign in, or an "
                                + "adviser will answer you.", false, "order asked by an unknown sender",
                        Map.of("order", numbered.get().number()));
            }
            return orderStatus(customerId, numbered.get(), fr);
        }
        Optional<Gazetteer.Place> place = places.placeIn(text);
        boolean aboutStock = intent == Intent.RESTOCK || intent == Intent.AVAILABILITY;
        Optional<Product> product = intent == Intent.RETURN_POLICY || intent == Intent.ORDER_STATUS
                || intent == Intent.STORE_HOURS && !aboutStock ? Optional.empty()
                : productIn(text, place, fr ? Language.FR : Language.EN, channel, intent == Intent.RESTOCK);
        if (product.isEmpty() && context.get("sku") instanceof String sku && place.isPresent()) {
            // "75004" after the bot asked where: the product it was talking about.
            product = catalog.variant(sku).map(v -> new Product(v.sku(), v.productName()));
        }
        boolean restock = intent == Intent.RESTOCK;
        // a product named alone ("sécateur Felco", "bonjour, la bêche") is asked about; one named in a
        // question the bot does not know ("comment tailler un rosier ?") is not
        boolean productAlone = analysis.words(text).size() <= 4;
        if (product.isPresent() && (aboutStock || place.isPresent()
                || (intent == Intent.UNKNOWN || intent == Intent.GREETING) && productAlone)) {
            return availability(product.get(), place, restock, fr, channel);
        }
        if (aboutStock) {
            return missed(Intent.AVAILABILITY, fr ? "Je n'ai pas trouvé ce produit. Pouvez-vous me donner son nom ou sa référence ?"
                    : "I could not find that product. Could you give me its name or reference?", failures, fr,
                    "product not found");
        }
        return switch (intent) {
            case STORE_HOURS -> storeHours(text, place, fr, failures);
            case RETURN_POLICY -> returnPolicy(fr);
            case ORDER_STATUS -> senderKnown ? latestOrder(customerId, fr, failures)
                    : new Answer(Intent.ORDER_STATUS, fr ? "Quel est le numéro de votre commande (CO-…) ?"
                            : "What is your order number (CO-…)?", true, null, Map.of());
            case THANKS -> new Answer(Intent.THANKS, fr ? "Avec plaisir ! Bonne journée."
                    : "You are welcome! Have a nice day.", true, null, Map.of());
            case GREETING -> new Answer(Intent.GREETING, fr
                    ? "Bonjour ! Je peux vous renseigner sur une commande, un produit, un magasin ou un retour."
                    : "Hello! I can help with an order, a product, a store or a return.", true, null, Map.of());
            default -> missed(Intent.UNKNOWN, fr ? "Je n'ai pas bien compris. Pouvez-vous reformuler ?"
                    : "I did not quite understand. Could you rephrase?", failures, fr, "not understood");
        };
    }

    private Answer returnPolicy(boolean fr) {
        long days = returns.window().toDays();
        return new Answer(Intent.RETURN_POLICY, fr
                ? "Vous avez " + days + " jours après réception pour retourner un article : dans n'importe quel "
                        + "magasin, à une borne avec le code de retour, ou par colis. Donnez-moi votre numéro de "
                        + "commande et un conseiller ouvre le retour pour vous."
                : "You have " + days + " days after delivery to return an item: in any store, at a kiosk with "
                        + "the return code, or by parcel. Give me your order number and an adviser will open the "
                        + "return for you.", true, null, Map.of("windowDays", days));
    }

    /** A second miss hands over; a first one asks again. */
    private Answer missed(Intent intent, String text, int failures, boolean fr, String why) {
        if (failures + 1 >= settings.botMaxFailures()) {
            return new Answer(intent, fr ? "Je vous passe un conseiller, il reprend votre demande."
                    : "I am handing you over to an adviser who will take it from here.", false,
                    why + " twice", Map.of());
        }
        return new Answer(intent, text, false, null, Map.of());
    }

    private Optional<OrderBook.Summary> orderIn(String text) {
        Matcher m = ORDER_NUMBER.matcher(text);
        while (m.find()) {
            var order = orders.findByNumber(m.group(1).toUpperCase(Locale.ROOT) + "-" + m.group(2));
            if (order.isPresent()) {
                return order;
            }
        }
        return Optional.empty();
    }

    /**
     * The product the message names: a SKU written out, else what the search finds from the words that
     * are neither the question's nor the place's ("sécateurs" in "quand les sécateurs seront-ils de
     * nouveau en stock ? je suis à Paris"). Asked when something is back, the product meant is one
     * that is away: the best match expected back, if any.
     */
    private Optional<Product> productIn(String text, Optional<Gazetteer.Place> place, Language language,
            String channel, boolean restock) {
        Matcher sku = SKU.matcher(text);
        while (sku.find()) {
            var variant = catalog.variant(sku.group(1).toUpperCase(Locale.ROOT));
            if (variant.isPresent()) {
                return Optional.of(new Product(variant.get().sku(), variant.get().productName()));
            }
        }
        Set<String> placeWords = place.map(p -> Set.copyOf(analysis.words(p.name()))).orElse(Set.of());
        List<String> words = new ArrayList<>();
        for (String w : analysis.words(text)) {
            if (w.length() >= 3 && !w.chars().allMatch(Character::isDigit) && !placeWords.contains(w)
                    && !NOT_PRODUCT.contains(w) && !intents.isCue(w) && analysis.terms(w, language).size() == 1) {
                words.add(w);
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<ProductSearch.Found> found = search.mentionedIn(String.join(" ", words), language, channel,
                restock ? 10 : 1);
        // "when will the shears be back?" is about shears that are away: the first expected back, if any
        Optional<ProductSearch.Found> meant = restock ? found.stream()
                .filter(f -> inventory.backOn(f.sku(), channel).isPresent()).findFirst() : Optional.empty();
        return meant.or(() -> found.stream().findFirst()).map(f -> new Product(f.sku(), f.name()));
    }

    private Answer orderStatus(UUID customerId, OrderBook.Summary order, boolean fr) {
        if (order.customerRef() == null || !customers.references(customerId).contains(order.customerRef())) {
            return new Answer(Intent.ORDER_STATUS, fr
                    ? "Pour votre sécurité, je ne peux parler que de vos propres commandes. Je vous passe un conseiller."
                    : "For your security I can only talk about your own orders. I am handing you over to an adviser.",
                    false, "order of another customer", Map.of("order", order.number()));
        }
        return new Answer(Intent.ORDER_STATUS, describe(order, fr), true, null,
                Map.of("order", order.number(), "status", order.status()));
    }

    private Answer latestOrder(UUID customerId, boolean fr, int failures) {
        var latest = orders.ofCustomer(customers.references(customerId), 1);
        if (latest.isEmpty()) {
            return missed(Intent.ORDER_STATUS, fr ? "Je ne trouve pas de commande à votre nom. Quel est son numéro (CO-…) ?"
                    : "I cannot find an order in your name. What is its number (CO-…)?", failures, fr,
                    "order not found");
        }
        return new Answer(Intent.ORDER_STATUS, describe(latest.getFirst(), fr), true, null,
                Map.of("order", latest.getFirst().number(), "status", latest.getFirst().status()));
    }

    private static String describe(OrderBook.Summary order, boolean fr) {
        String status = switch (order.status()) {
            case "PLACED" -> fr ? "est enregistrée et attend son paiement" : "is placed and waiting for its payment";
            case "CONFIRMED" -> fr ? "est confirmée et va être préparée" : "is confirmed and about to be prepared";
            case "IN_FULFILMENT" -> fr ? "est en préparation" : "is being prepared";
            case "PARTLY_SHIPPED" -> fr ? "est partiellement expédiée" : "is partly shipped";
            case "SHIPPED" -> fr ? "est expédiée" : "has shipped";
            case "READY_FOR_PICKUP" -> fr ? "vous attend en magasin" : "is waiting for you in store";
            case "DELIVERED" -> fr ? "a été livrée" : "was delivered";
            case "COLLECTED" -> fr ? "a été retirée" : "was collected";
            case "CANCELLED" -> fr ? "a été annulée" : "was cancelled";
            default -> fr ? "est close" : "is closed";
        };
        return (fr ? "Votre commande " : "Your order ") + order.number() + " " + status + ".";
    }

    private Answer availability(Product product, Optional<Gazetteer.Place> place, boolean restock, boolean fr,
            String channel) {
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("sku", product.sku());
        // Online means what the warehouses can ship; stores' shelves are answered as stores near the customer.
        int online = inventory.available(channel, List.of(product.sku())).getOrDefault(product.sku(), Map.of())
                .entrySet().stream().filter(e -> network.location(e.getKey())
                        .map(l -> l.type() == LocationType.WAREHOUSE).orElse(false))
                .mapToInt(Map.Entry::getValue).sum();
        Optional<LocalDate> backOn = inventory.backOn(product.sku(), channel);
        StringBuilder answer = new StringBuilder(product.name() + " (" + product.sku() + ") ");
        if (online > 0) {
            answer.append(fr ? "est disponible." : "is available.");
        } else {
            answer.append(fr ? "est épuisé" : "is sold out");
            backOn.ifPresent(date -> {
                found.put("backOn", date.toString());
                answer.append(fr ? " ; il revient le " + date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                        : "; it is back on " + date);
            });
            if (backOn.isEmpty()) {
                answer.append(fr ? " et aucun réassort n'est prévu pour l'instant" : " and no restock is planned yet");
            }
            answer.append('.');
        }
        if (place.isEmpty()) {
            answer.append(fr ? " Dans quelle ville ou quel code postal êtes-vous ? Je regarde les magasins proches."
                    : " Which city or postcode are you in? I will look at the stores nearby.");
            return new Answer(restock ? Intent.RESTOCK : Intent.AVAILABILITY, answer.toString(), true, null, found);
        }
        var near = inventory.near(product.sku(), channel, place.get().point(), settings.nearRadiusKm()).stream()
                .filter(n -> n.available() > 0).limit(3).toList();
        found.put("place", place.get().name());
        found.put("stores", near.stream().map(n -> Map.of("locationCode", n.locationCode(), "name", n.name(),
                "available", n.available(), "distanceKm", Math.round(n.distanceKm() * 10) / 10.0)).toList());
        if (near.isEmpty()) {
            answer.append(fr ? " Aucun magasin à moins de " + (int) settings.nearRadiusKm() + " km de "
                    + place.get().name() + " n'en a." : " No store within " + (int) settings.nearRadiusKm() + " km of "
                    + place.get().name() + " has it.");
        } else {
            answer.append(fr ? " Près de " + place.get().name() + " : " : " Near " + place.get().name() + ": ");
            List<String> stores = new ArrayList<>();
            for (var n : near) {
                stores.add(n.name() + " (" + String.format(fr ? Locale.FRANCE : Locale.UK, "%.1f", n.distanceKm())
                        + " km) " + (fr ? "en a " : "has ") + n.available() + (n.openNow() ? (fr ? ", ouvert maintenant"
                        : ", open now") : ""));
            }
            answer.append(String.join(" ; ", stores)).append('.');
            answer.append(fr ? " Un conseiller peut vous le réserver en magasin." : " An adviser can hold it for you in store.");
        }
        return new Answer(restock ? Intent.RESTOCK : Intent.AVAILABILITY, answer.toString(), true, null, found);
    }

    private Answer storeHours(String text, Optional<Gazetteer.Place> place, boolean fr, int failures) {
        Instant now = clock.instant();
        List<LocationSummary> stores = new ArrayList<>(network.locationsOfType(LocationType.STORE));
        String lower = text.toLowerCase(Locale.ROOT);
        List<LocationSummary> named = stores.stream().filter(s -> lower.contains(s.name().toLowerCase(Locale.ROOT))
                || lower.contains(s.code().toLowerCase(Locale.ROOT))).toList();
        if (named.isEmpty() && place.isEmpty()) {
            return missed(Intent.STORE_HOURS, fr ? "De quel magasin parlez-vous ? Donnez-moi une ville ou un code postal."
                    : "Which store do you mean? Give me a city or a postcode.", failures, fr, "store not found");
        }
        List<LocationSummary> chosen = !named.isEmpty() ? named : stores.stream().filter(s -> s.position() != null)
                .sorted(Comparator.comparingDouble(s -> s.position().distanceKm(place.get().point()))).limit(2).toList();
        Map<String, LocationStatus> status = network.locations(chosen.stream().map(LocationSummary::code).toList(), now);
        List<String> lines = new ArrayList<>();
        for (LocationSummary s : chosen) {
            LocationStatus st = status.get(s.code());
            String when = st == null ? "" : st.openNow() ? (fr ? "ouvert maintenant" : "open now")
                    : st.nextOpeningAt() == null ? (fr ? "fermé" : "closed")
                    : (fr ? "ouvre le " : "opens on ") + st.nextOpeningAt().atZoneSameInstant(ZoneId.of(s.timeZone()))
                            .format(DateTimeFormatter.ofPattern(fr ? "dd/MM 'à' HH:mm" : "MMM d 'at' HH:mm",
                                    fr ? Locale.FRANCE : Locale.UK));
            lines.add(s.name() + " : " + when);
        }
        return new Answer(Intent.STORE_HOURS, String.join(" ; ", lines) + ".", true, null,
                Map.of("stores", chosen.stream().map(LocationSummary::code).toList()));
    }
}
