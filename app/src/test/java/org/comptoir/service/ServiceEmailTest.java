package org.comptoir.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.comptoir.support.Api;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A customer who writes by chat and then by email stays in one conversation, and the agent's reply
 * goes out by email (through a real SMTP server in the test JVM) because email is what she used last.
 */
class ServiceEmailTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void aCustomerWhoWritesByChatThenByEmailStaysInOneConversationAndIsAnsweredByEmail() throws Exception {
        try (Platform platform = Platform.start(TestDatabase.fresh("comptoir_mail"), Map.of(
                "spring.mail.host", "localhost", "spring.mail.port", String.valueOf(MAIL.getSmtp().getPort()),
                "comptoir.service.mail-from", "service@jardin.example", "comptoir.service.bot-idle", "1s",
                "comptoir.service.sweep-interval", "300ms"))) {
            Api admin = platform.admin();
            admin.put("/api/v1/service/teams/care", Map.of("name", "Service client", "timeZone", "Europe/Paris",
                    "firstResponseSeconds", 3600, "resolutionSeconds", 86_400));
            admin.put("/api/v1/service/inboxes/chat", Map.of("name", "Chat", "channel", "WEB_CHAT", "teamCode", "care"));
            assertThat(admin.put("/api/v1/service/inboxes/mail", Map.of("name", "Email", "channel", "EMAIL",
                    "address", "bonjour@jardin.example", "teamCode", "care")).status()).isEqualTo(200);

            var chat = admin.post("/api/v1/service/messages", Map.of("inbox", "chat", "from", Map.of("kind", "EMAIL",
                    "value", "claire@example.fr"), "body", "Bonjour, ma commande n'est pas complète"));
            assertThat(chat.status()).as(chat.toString()).isEqualTo(201);
            String conversation = chat.json().path("conversationId").asString();
            String email = """
                    From: Claire Dumas <Claire@Example.fr>
                    To: Jardin & Co <bonjour@jardin.example>
                    Subject: Re: ma commande
                    Message-ID: <abc-123@example.fr>
                    Date: Mon, 23 Nov 2026 10:00:00 +0100
                    MIME-Version: 1.0
                    Content-Type: text/plain; charset=UTF-8

                    Il manque les gants dans le colis.
                    """.replace("\n", "\r\n");
            var mailed = admin.send("POST", "/api/v1/service/inbound/email", email, "message/rfc822");
            assertThat(mailed.status()).as(mailed.toString()).isEqualTo(201);
            assertThat(mailed.json().path("conversationId").asString()).isEqualTo(conversation);
            var again = admin.send("POST", "/api/v1/service/inbound/email", email, "message/rfc822");
            assertThat(again.json().path("messageId").asString()).isEqualTo(mailed.json().path("messageId").asString());

            var reply = admin.post("/api/v1/service/conversations/" + conversation + "/replies", Map.of("body",
                    "Nous vous envoyons les gants aujourd'hui."));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            assertThat(reply.json().path("channel").asString()).isEqualTo("EMAIL");
            await().atMost(Duration.ofSeconds(20)).until(() -> MAIL.getReceivedMessages().length == 1);
            MimeMessage received = MAIL.getReceivedMessages()[0];
            assertThat(received.getAllRecipients()[0].toString()).isEqualToIgnoringCase("claire@example.fr");
            assertThat(String.valueOf(received.getContent())).contains("gants aujourd'hui");
            // Its own Message-ID, the same if a resubmission after a crash sends it again.
            assertThat(received.getMessageID()).isEqualTo("<" + reply.json().path("id").asString() + "@comptoir>");

            var thread = admin.get("/api/v1/service/conversations/" + conversation).json().path("messages");
            assertThat(thread.valueStream().filter(m -> m.path("kind").asString().equals("IN"))
                    .map(m -> m.path("channel").asString()).toList()).isEqualTo(List.of("WEB_CHAT", "EMAIL"));
            assertThat(admin.send("POST", "/api/v1/service/inbound/email", "not an email at all", "message/rfc822")
                    .status()).isEqualTo(400);

            // A question the bot answers and the customer leaves there is resolved by the bot: contained.
            admin.put("/api/v1/service/inboxes/bot", Map.of("name", "Chat with the bot", "channel", "APP_CHAT",
                    "bot", true, "teamCode", "care"));
            var asked = admin.post("/api/v1/service/messages", Map.of("inbox", "bot", "from", Map.of("kind", "EMAIL",
                    "value", "bruno@example.fr"), "body", "How do I return an item?"));
            assertThat(asked.json().path("replies").get(0).asString()).contains("30 days");
            String botOnly = asked.json().path("conversationId").asString();
            await().atMost(Duration.ofSeconds(20)).until(() -> admin.get("/api/v1/service/conversations/" + botOnly)
                    .json().path("conversation").path("status").asString().equals("RESOLVED"));
            var report = admin.get("/api/v1/service/reports").json();
            assertThat(report.path("botConversations").asInt()).isEqualTo(1);
            assertThat(report.path("botContainment").asDouble()).isEqualTo(1.0);
            assertThat(report.path("volumeByChannel").path("WEB_CHAT").asInt()).isEqualTo(1);
        }
    }
}
