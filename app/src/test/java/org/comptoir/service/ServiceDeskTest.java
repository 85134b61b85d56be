package org.comptoir.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.comptoir.platform.security.Role;
import org.comptoir.support.Api;
import org.comptoir.support.ApiTest;
import org.comptoir.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ServiceDeskTest extends ApiTest {

    private String store;
    private String farStore;
    private String warehouse;
    private String shop;
    private String till;
    private String shears;
    private String shearsWord;
    private String gloves;
    private String team;
    private String chat;
    private String agentKey;
    private String agentId;

    @BeforeEach
    void desk() {
        // A store 5 km from the customer's postcode with two shears; the warehouse never had any, a
        // delivery is expected there next week; the web shop sells from both.
        store = location("ST", "STORE", 48.8397, 2.2999, "CLICK_AND_COLLECT", "ACCEPTS_RETURNS");
        farStore = location("ST", "STORE", 45.76, 4.83, "CLICK_AND_COLLECT");
        warehouse = location("WH", "WAREHOUSE", 48.75, 2.35, "SHIPS_PARCELS");
        shop = channel("SHOP", "WEB", store, warehouse);
        till = channel("TILL", "STORE", store, farStore);
        shearsWord = letters(10);
        shears = product("Sécateur " + shearsWord, 2490);
        gloves = product("Gants " + letters(9), 1290);
        receive(store, shears, 2);
        receive(store, gloves, 5);
        receive(farStore, shears, 3);
        assertThat(admin.post("/api/v1/inventory/inbound", Map.of("locationCode", warehouse, "sku", shears,
                "quantity", 40, "expectedOn", LocalDate.now().plusDays(7).toString(), "reference", unique("PO")))
                .status()).isEqualTo(201);
        team = unique("care");
        assertThat(admin.put("/api/v1/service/teams/" + team, Map.of("name", "Service client", "timeZone",
                "Europe/Paris", "firstResponseSeconds", 3600, "resolutionSeconds", 86_400)).status()).isEqualTo(200);
        chat = inbox("WEB_CHAT", true, null, null);
        var key = admin.post("/api/v1/api-keys", Map.of("name", "Léa, service client", "roles", List.of("AGENT")));
        agentKey = key.json().path("key").asString();
        var agent = admin.post("/api/v1/service/agents", Map.of("keyId", key.json().path("id").asString(),
                "name", "Léa", "teamCode", team, "maxOpen", 5));
        assertThat(agent.status()).as(agent.toString()).isEqualTo(200);
        agentId = agent.json().path("id").asString();
    }

    private static String letters(int n) {
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < n; i++) {
            word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return word.toString();
    }

    private String channel(String prefix, String type, String... locations) {
        String code = unique(prefix);
        var body = Fixtures.channel(code, List.of(locations));
        body.put("type", type);
        assertThat(admin.post("/api/v1/channels", body).status()).isEqualTo(201);
        return code;
    }

    private String product(String name, long price) {
        String sku = unique("P");
        assertThat(admin.post("/api/v1/catalog/products", Fixtures.product(name, List.of(shop, till), sku)).status())
                .isEqualTo(201);
        String list = unique("EUR");
        admin.post("/api/v1/pricing/price-lists", Map.of("code", list, "name", "Prix", "currency", "EUR"));
        admin.put("/api/v1/pricing/price-lists/" + list + "/prices", Map.of("prices", List.of(
                Map.of("sku", sku, "amount", price))));
        return sku;
    }

    private String inbox(String channel, boolean bot, String address, String location) {
        String code = unique("IN");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", channel + " inbox");
        body.put("channel", channel);
        body.put("bot", bot);
        body.put("teamCode", team);
        body.put("salesChannel", shop);
        if (address != null) {
            body.put("address", address);
        }
        if (location != null) {
            body.put("locationCode", location);
        }
        var answer = admin.put("/api/v1/service/inboxes/" + code, body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return code;
    }

    private JsonNode write(Api as, String inbox, String kind, String value, String body) {
        var answer = as.post("/api/v1/service/messages", Map.of("inbox", inbox, "from", Map.of("kind", kind,
                "value", value), "body", body));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private static String email() {
        return unique("client").toLowerCase() + "@example.fr";
    }

    @Test
    void theSeedsJourneyChatBotAnswerHandoffHoldInAStoreAndCollectionWithGlovesIsOneConversationOneProfileOneTimeline() {
        String email = email();
        Api agent = as(agentKey);
        var first = write(admin, chat, "EMAIL", email, "Bonjour, quand le sécateur " + shearsWord
                + " sera-t-il de retour en stock ? J'habite Paris 75004.");
        String conversation = first.path("conversationId").asString();
        String customer = first.path("customerId").asString();
        String answer = first.path("replies").get(0).asString();
        String back = LocalDate.now().plusDays(7).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        assertThat(answer).contains("épuisé", back, "Paris 4e", "km", "en a 2");
        assertThat(first.path("status").asString()).isEqualTo("BOT");

        var handoff = write(admin, chat, "EMAIL", email, "Pouvez-vous me le mettre de côté ? Je voudrais parler à un conseiller.");
        assertThat(handoff.path("conversationId").asString()).isEqualTo(conversation);
        assertThat(handoff.path("status").asString()).isEqualTo("OPEN");
        var thread = agent.get("/api/v1/service/conversations/" + conversation).json();
        assertThat(thread.path("conversation").path("assigneeId").asString()).isEqualTo(agentId);
        assertThat(thread.path("conversation").path("handoffReason").asString()).isEqualTo("asked for a person");
        assertThat(thread.path("conversation").path("handoffSummary").asString()).contains(shearsWord, "mettre de côté");
        assertThat(thread.path("customer").path("profile").path("profile").path("id").asString()).isEqualTo(customer);

        var near = agent.post("/api/v1/service/conversations/" + conversation + "/actions/near", Map.of("sku", shears,
                "where", "75004"));
        assertThat(near.json().get(0).path("locationCode").asString()).isEqualTo(store);
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        var hold = agent.post("/api/v1/service/conversations/" + conversation + "/actions/holds", Map.of("sku", shears,
                "locationCode", store, "quantity", 1, "until", tomorrow.toString(), "channelCode", shop));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(201);
        assertThat(admin.get("/api/v1/inventory/balances/" + store + "/" + shears).json().path("reserved").asInt())
                .isEqualTo(1);

        // The next day at the till: the held shears and a pair of gloves, for the same customer.
        Api associate = as(scopedKey(store, Role.STORE_ASSOCIATE));
        assertThat(associate.post("/api/v1/inventory/holds/" + hold.json().path("holdId").asString() + "/release",
                null).status()).isEqualTo(200);
        var sale = associate.post("/api/v1/orders", Map.of("channelCode", till, "customerRef", customer, "groups",
                List.of(Map.of("code", "till", "method", "CARRY_OUT", "locationCode", store)), "lines",
                List.of(Map.of("sku", shears, "quantity", 1), Map.of("sku", gloves, "quantity", 1))));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        associate.post("/api/v1/orders/" + sale.json().path("id").asString() + "/payments", Map.of("provider", "CASH"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var view = admin.get("/api/v1/customers/" + customer + "/view").json();
            assertThat(view.path("more").path("conversations").path("recent").size()).isEqualTo(1);
            assertThat(view.path("orders").get(0).path("number").asString())
                    .isEqualTo(sale.json().path("number").asString());
            var timeline = admin.get("/api/v1/customers/" + customer + "/timeline?limit=50").json().path("items");
            assertThat(timeline.valueStream().map(t -> t.path("type").asString())).contains("CHAT", "PURCHASE");
            assertThat(timeline.valueStream().map(t -> t.path("subject").asString()))
                    .anyMatch(s -> s.contains("held 1 × " + shears));
        });
        var messages = agent.get("/api/v1/service/conversations/" + conversation).json().path("messages");
        assertThat(messages.valueStream().map(m -> m.path("kind").asString() + ":" + m.path("authorKind").asString()))
                .contains("IN:CUSTOMER", "OUT:BOT", "EVENT:AGENT", "OUT:AGENT");
    }

    @Test
    void theBotAnswersWhereAnOrderIsFromRealDataAndHandsOverOnRequest() {
        String email = email();
        Api associate = as(scopedKey(store, Role.STORE_ASSOCIATE));
        var sale = associate.post("/api/v1/orders", Map.of("channelCode", till, "customerRef", "email:" + email,
                "groups", List.of(Map.of("code", "till", "method", "CARRY_OUT", "locationCode", store)),
                "lines", List.of(Map.of("sku", gloves, "quantity", 1))));
        String number = sale.json().path("number").asString();
        associate.post("/api/v1/orders/" + sale.json().path("id").asString() + "/payments", Map.of("provider", "CASH"));
        // The buyer's profile is made from the order's event, after the order commits: the customer writes
        // once the sale is theirs (a message at that very instant is handed to an adviser, see below).
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var buyer = admin.get("/api/v1/customers?ref=email:" + email).json().path(0);
            var view = admin.get("/api/v1/customers/" + buyer.path("profile").path("id").asString() + "/view").json();
            assertThat(view.path("orders").valueStream().map(o -> o.path("number").asString())).contains(number);
        });
        var asked = write(admin, chat, "EMAIL", email, "Where is my order " + number + " please?");
        assertThat(asked.path("replies").get(0).asString()).isEqualTo("Your order " + number + " was collected.");
        // From a public chat widget the sender is only claimed: the latest order is not told, its number is asked.
        Api widget = as(admin.post("/api/v1/channels/" + shop + "/publishable-keys", null).json().path("key")
                .asString());
        var claimed = write(widget, chat, "EMAIL", email, "Où en est ma commande ?");
        assertThat(claimed.path("replies").get(0).asString()).contains("numéro").doesNotContain(number);
        assertThat(claimed.has("customerId")).isFalse();
        assertThat(widget.post("/api/v1/service/messages", Map.of("inbox", chat, "customerId",
                asked.path("customerId").asString(), "body", "hello")).status()).isEqualTo(403);
        assertThat(widget.post("/api/v1/service/messages", Map.of("inbox", inbox("EMAIL", false,
                unique("desk").toLowerCase() + "@jardin.example", null), "from", Map.of("kind", "EMAIL", "value",
                email), "body", "hello")).status()).isEqualTo(403);
        // Someone else cannot learn about it.
        var stranger = write(admin, chat, "EMAIL", email(), "Où en est la commande " + number + " ?");
        assertThat(stranger.path("replies").get(0).asString()).contains("propres commandes");
        assertThat(stranger.path("status").asString()).isIn("WAITING", "OPEN");

        var person = write(admin, chat, "EMAIL", email, "Thanks. Can I talk to a person?");
        assertThat(person.path("conversationId").asString()).isEqualTo(asked.path("conversationId").asString());
        assertThat(person.path("status").asString()).isIn("WAITING", "OPEN");
        var report = admin.get("/api/v1/service/reports").json();
        assertThat(report.path("handoffReasons").path("asked for a person").asInt()).isPositive();
        assertThat(report.path("handoffReasons").path("order of another customer").asInt()).isPositive();

        // Two answers it does not understand, and it hands over.
        String puzzled = email();
        var once = write(admin, chat, "EMAIL", puzzled, "xyzzy plugh");
        assertThat(once.path("status").asString()).isEqualTo("BOT");
        var twice = write(admin, chat, "EMAIL", puzzled, "frobnicate the wombat");
        assertThat(twice.path("status").asString()).isIn("WAITING", "OPEN");
    }

    @Test
    void targetsAreBreachedWhenNoOneAnswersAndSatisfactionIsRecordedAfterResolution() {
        String quick = unique("quick");
        admin.put("/api/v1/service/teams/" + quick, Map.of("name", "Nobody home", "timeZone", "Europe/Paris",
                "firstResponseSeconds", 1, "resolutionSeconds", 2));
        String sms = unique("IN");
        admin.put("/api/v1/service/inboxes/" + sms, Map.of("name", "SMS", "channel", "SMS", "teamCode", quick));
        String phone = "061" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        var waiting = write(admin, sms, "PHONE", phone, "Mon colis n'est pas arrivé");
        assertThat(waiting.path("status").asString()).isEqualTo("WAITING");
        String id = waiting.path("conversationId").asString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var c = admin.get("/api/v1/service/conversations/" + id).json().path("conversation");
            assertThat(c.path("firstResponseBreached").asBoolean()).isTrue();
            assertThat(c.path("resolutionBreached").asBoolean()).isTrue();
        });

        // An agent answers on the channel the customer used, resolves, and the customer rates by SMS.
        Api agent = as(agentKey);
        var reply = agent.post("/api/v1/service/conversations/" + id + "/replies", Map.of("body",
                "Il arrive demain, désolés du retard."));
        assertThat(reply.json().path("channel").asString()).isEqualTo("SMS");
        assertThat(agent.post("/api/v1/service/conversations/" + id + "/resolve", null).json().path("status")
                .asString()).isEqualTo("RESOLVED");
        var rated = write(admin, sms, "PHONE", phone, "4 merci pour la réponse");
        assertThat(rated.path("conversationId").asString()).isEqualTo(id);
        var c = admin.get("/api/v1/service/conversations/" + id).json().path("conversation");
        assertThat(c.path("csatScore").asInt()).isEqualTo(4);
        assertThat(c.path("csatComment").asString()).isEqualTo("merci pour la réponse");
        var report = admin.get("/api/v1/service/reports?team=" + quick).json();
        assertThat(report.path("conversations").asInt()).isEqualTo(1);
        assertThat(report.path("csatByAgent").path("Léa").path("answers").asInt()).isEqualTo(1);
        assertThat(report.path("csatByChannel").path("SMS").path("average").asDouble()).isBetween(1.0, 5.0);
        assertThat(report.path("firstResponseBreaches").asInt()).isPositive();
        assertThat(report.path("volumeByChannel").path("SMS").asInt()).isPositive();
        assertThat(agent.post("/api/v1/service/conversations/" + id + "/csat", Map.of("score", 6)).status())
                .isEqualTo(400);
    }

    @Test
    void anAgentActsForTheCustomerAndEveryActionIsInTheConversationAndOnTheTimeline() {
        String desk = inbox("WEB_CHAT", false, null, null);
        String phoneChannel = channel("TEL", "PHONE", store, warehouse);
        String email = email();
        var started = write(admin, desk, "EMAIL", email, "J'ai besoin d'aide pour commander et pour un retour");
        String id = started.path("conversationId").asString();
        String customer = started.path("customerId").asString();
        assertThat(started.path("status").asString()).isEqualTo("OPEN");
        admin.send("PATCH", "/api/v1/customers/" + customer, Map.of("profile", Map.of("givenName", "Anne")),
                "application/json");
        admin.put("/api/v1/service/canned-replies/hello", Map.of("title", "Accueil",
                "body", "Bonjour {{firstName}}, ici {{agentName}} ."));
        Api agent = as(agentKey);
        var hello = agent.post("/api/v1/service/conversations/" + id + "/replies", Map.of("canned", "hello"));
        assertThat(hello.json().path("body").asString()).isEqualTo("Bonjour Anne, ici Léa.");

        // A cart on the phone channel, priced as the web shop prices it, then sent to continue on the web.
        var cart = agent.post("/api/v1/service/conversations/" + id + "/actions/carts", Map.of("channelCode",
                phoneChannel, "lines", List.of(Map.of("sku", shears, "quantity", 1))));
        assertThat(cart.status()).as(cart.toString()).isEqualTo(201);
        var web = admin.post("/api/v1/pricing/quotes", Map.of("channelCode", shop, "lines",
                List.of(Map.of("sku", shears, "quantity", 1)))).json();
        assertThat(cart.json().path("total").asLong()).isEqualTo(web.path("totals").path("gross").asLong());
        var link = agent.post("/api/v1/service/conversations/" + id + "/actions/links", Map.of("cartId",
                cart.json().path("cartId").asString(), "channelCode", shop));
        assertThat(link.status()).as(link.toString()).isEqualTo(200);
        assertThat(admin.get("/api/v1/carts/" + cart.json().path("cartId").asString()).json().path("channelCode")
                .asString()).isEqualTo(shop);

        // A return of the gloves she bought at the till.
        Api associate = as(scopedKey(store, Role.STORE_ASSOCIATE));
        var sale = associate.post("/api/v1/orders", Map.of("channelCode", till, "customerRef", customer, "groups",
                List.of(Map.of("code", "till", "method", "CARRY_OUT", "locationCode", store)), "lines",
                List.of(Map.of("sku", gloves, "quantity", 2))));
        associate.post("/api/v1/orders/" + sale.json().path("id").asString() + "/payments", Map.of("provider", "CASH"));
        // One pair exchanged for the shears from the store's shelf, the other returned.
        var exchanged = agent.post("/api/v1/service/conversations/" + id + "/actions/exchanges", Map.of(
                "orderNumber", sale.json().path("number").asString(), "lineNo", 1, "quantity", 1, "sku", shears,
                "locationCode", store, "channelCode", till));
        assertThat(exchanged.status()).as(exchanged.toString()).isEqualTo(201);
        assertThat(exchanged.json().path("due").asLong()).isEqualTo(2490 - 1290);
        var opened = agent.post("/api/v1/service/conversations/" + id + "/actions/returns", Map.of("orderNumber",
                sale.json().path("number").asString(), "method", "IN_STORE", "locationCode", store, "lines",
                List.of(Map.of("lineNo", 1, "quantity", 1, "reason", "WRONG_SIZE"))));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        var thread = agent.get("/api/v1/service/conversations/" + id).json();
        assertThat(thread.path("messages").valueStream().filter(m -> m.path("kind").asString().equals("EVENT")
                && m.path("authorKind").asString().equals("AGENT")).map(m -> m.path("body").asString()))
                .anyMatch(b -> b.startsWith("opened cart")).anyMatch(b -> b.startsWith("sent a link"))
                .anyMatch(b -> b.startsWith("exchanged line 1"))
                .anyMatch(b -> b.startsWith("opened return " + opened.json().path("code").asString()));
        assertThat(thread.path("messages").valueStream().map(m -> m.path("body").asString()))
                .anyMatch(b -> b.contains("/cart/" + cart.json().path("cartId").asString()));
        assertThat(thread.path("carts").get(0).path("cartId").asString()).isEqualTo(cart.json().path("cartId")
                .asString());
        // The order of a second cart, placed by the agent, to be collected and paid in the store.
        var phoneCart = agent.post("/api/v1/service/conversations/" + id + "/actions/carts", Map.of("channelCode",
                phoneChannel, "lines", List.of(Map.of("sku", gloves, "quantity", 1)))).json();
        admin.put("/api/v1/carts/" + phoneCart.path("cartId").asString() + "/groups/main", Map.of("method",
                "RESERVE_AND_COLLECT", "locationCode", store));
        var placed = agent.post("/api/v1/service/conversations/" + id + "/actions/orders", Map.of("cartId",
                phoneCart.path("cartId").asString(), "paymentTerms", "PAY_AT_PICKUP"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(admin.get("/api/v1/orders/" + placed.json().path("orderId").asString()).json().path("customerRef")
                .asString()).isEqualTo(customer);
        assertThat(admin.get("/api/v1/customers/" + customer + "/timeline?limit=50").json().path("items").valueStream()
                .map(t -> t.path("subject").asString())).anyMatch(s -> s.contains("opened cart"))
                .anyMatch(s -> s.contains("opened return"));

        // A message about something else goes to a conversation of its own, and back.
        var other = write(admin, desk, "EMAIL", email, "Autre chose : mon adresse a changé");
        var split = agent.post("/api/v1/service/conversations/" + id + "/split", Map.of("messageIds",
                List.of(other.path("messageId").asString())));
        assertThat(split.status()).as(split.toString()).isEqualTo(201);
        String second = split.json().path("id").asString();
        assertThat(agent.get("/api/v1/service/conversations/" + second).json().path("messages").size()).isEqualTo(1);
        var merged = agent.post("/api/v1/service/conversations/" + id + "/merge", Map.of("conversationId", second));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        assertThat(agent.get("/api/v1/service/conversations/" + second).json().path("conversation").path("status")
                .asString()).isEqualTo("MERGED");
        assertThat(agent.get("/api/v1/service/conversations/" + id).json().path("messages").valueStream()
                .map(m -> m.path("id").asString())).contains(other.path("messageId").asString());
    }

    @Test
    void aStoreAssociateCannotReadAnotherStoresInStoreNotes() {
        String here = inbox("IN_STORE", false, null, store);
        String there = inbox("IN_STORE", false, null, farStore);
        Api paris = as(scopedKey(store, Role.STORE_ASSOCIATE));
        Api lyon = as(scopedKey(farStore, Role.STORE_ASSOCIATE));
        String phone = "061" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        var visit = write(paris, here, "PHONE", phone, "Cliente venue pour un conseil taille de haie");
        String id = visit.path("conversationId").asString();
        var note = paris.post("/api/v1/service/conversations/" + id + "/notes", Map.of("body",
                "Revenir vers elle quand les cisailles arrivent"));
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        assertThat(note.json().path("locationCode").asString()).isEqualTo(store);
        assertThat(lyon.get("/api/v1/service/conversations/" + id).status()).isEqualTo(403);
        assertThat(lyon.post("/api/v1/service/conversations/" + id + "/notes", Map.of("body", "x")).status())
                .isEqualTo(403);
        assertThat(lyon.get("/api/v1/service/conversations?limit=200").json().path("items").valueStream()
                .map(c -> c.path("id").asString())).doesNotContain(id);
        assertThat(lyon.post("/api/v1/service/messages", Map.of("inbox", here, "from", Map.of("kind", "PHONE",
                "value", phone), "body", "hello")).status()).isEqualTo(403);
        assertThat(paris.get("/api/v1/service/conversations/" + id).json().path("messages").valueStream()
                .map(m -> m.path("kind").asString())).contains("NOTE");
        assertThat(as(agentKey).get("/api/v1/service/conversations/" + id).status()).isEqualTo(200);
        assertThat(lyon.get("/api/v1/service/conversations?inbox=" + there).status()).isEqualTo(200);
    }

    @Test
    void badInputIsRefusedWithNothingChanged() {
        String email = email();
        assertThat(admin.post("/api/v1/service/messages", Map.of("inbox", "NO-SUCH-INBOX", "from", Map.of("kind",
                "EMAIL", "value", email), "body", "hello")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/service/messages", Map.of("inbox", chat, "from", Map.of("kind", "EMAIL",
                "value", email), "body", " ")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/service/messages", Map.of("inbox", chat, "from", Map.of("kind", "EMAIL",
                "value", "not-an-email"), "body", "hello")).status()).isEqualTo(400);
        assertThat(admin.post("/api/v1/service/messages", Map.of("inbox", chat, "from", Map.of("kind", "PIGEON",
                "value", "x"), "body", "hello")).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/customers?ref=email:" + email).json().isEmpty()).isTrue();
        var started = write(admin, chat, "EMAIL", email, "Bonjour");
        String id = started.path("conversationId").asString();
        Api agent = as(agentKey);
        assertThat(agent.post("/api/v1/service/conversations/" + id + "/csat", Map.of("score", 3)).status())
                .isEqualTo(409);
        assertThat(agent.post("/api/v1/service/conversations/" + id + "/actions/holds", Map.of("sku", shears,
                "locationCode", store, "quantity", 1, "until", Instant.now().minusSeconds(60).toString()))
                .status()).isEqualTo(400);
        assertThat(agent.post("/api/v1/service/conversations/" + id + "/snooze", Map.of("until",
                Instant.now().minusSeconds(60).toString())).status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/service/inboxes/" + unique("IN"), Map.of("name", "x", "channel", "FAX",
                "teamCode", team)).status()).isEqualTo(400);
        assertThat(admin.get("/api/v1/inventory/balances/" + store + "/" + shears).json().path("reserved").asInt())
                .isZero();
        var thread = agent.get("/api/v1/service/conversations/" + id).json();
        assertThat(thread.path("messages").valueStream().filter(m -> m.path("kind").asString().equals("IN")).count())
                .isEqualTo(1);
        assertThat(thread.path("conversation").path("csatScore").isMissingNode()).isTrue();
    }
}
