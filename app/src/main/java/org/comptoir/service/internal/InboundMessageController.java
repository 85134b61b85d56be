package org.comptoir.service.internal;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.ByteArrayInputStream;
import java.util.Properties;
import java.util.UUID;
import org.comptoir.platform.security.Callers;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Messages from customers: from chat widgets, messaging and social integrations as JSON, and emails
 * to an inbox's address as they arrived ({@code message/rfc822}, what mail services forward). A
 * message delivered twice (the same {@code externalId} or Message-ID in an inbox) is recorded once.
 */
@Tag(name = "Inbound messages")
@RestController
@RequestMapping("/api/v1/service")
class InboundMessageController {

    record From(@NotBlank @Size(max = 20) String kind, @NotBlank @Size(max = 320) String value) {}

    record MessagePayload(@NotBlank @Size(max = 40) String inbox, @Valid From from, UUID customerId,
            @NotNull @Size(max = Desk.MAX_BODY) String body, @Size(max = 200) String externalId) {}

    /** Where the message went: its conversation and what the bot answered. */
    record Received(UUID conversationId, long conversationNumber, String status, UUID customerId, UUID messageId,
            java.util.List<String> replies) {

        /** A storefront is not told whose profile the sender is. */
        static Received of(Desk.Posted p) {
            boolean storefront = Callers.current().channelCode().isPresent();
            return new Received(p.conversation().id(), p.conversation().number(), p.conversation().status().name(),
                    storefront ? null : p.conversation().customerId(), p.message().id(),
                    p.replies().stream().map(Model.Message::body).toList());
        }
    }

    private final Desk desk;

    InboundMessageController(Desk desk) {
        this.desk = desk;
    }

    @PostMapping("/messages")
    ResponseEntity<Received> message(@Valid @RequestBody MessagePayload p) {
        var posted = desk.receive(new Desk.Inbound(p.inbox(), p.from() == null ? null : p.from().kind(),
                p.from() == null ? null : p.from().value(), p.customerId(), p.body(), p.externalId()),
                Callers.current());
        return ResponseEntity.status(HttpStatus.CREATED).body(Received.of(posted));
    }

    /** An email as it arrived at an inbox's address: sender, recipient, Message-ID and the text part. */
    @PostMapping(value = "/inbound/email", consumes = "message/rfc822")
    ResponseEntity<Received> email(@RequestBody byte[] raw) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
            if (mail.getFrom() == null || mail.getFrom().length == 0 || mail.getAllRecipients() == null) {
                throw ApiProblem.invalid("email", "has no sender or no recipient");
            }
            String from = ((InternetAddress) mail.getFrom()[0]).getAddress();
            java.util.List<String> to = java.util.Arrays.stream(mail.getAllRecipients())
                    .map(a -> ((InternetAddress) a).getAddress()).toList();
            String text = text(mail);
            String subject = mail.getSubject();
            String body = subject == null || subject.isBlank() ? text : subject + "\n\n" + text;
            var posted = desk.receiveEmail(from, to, body, mail.getMessageID(), Callers.current());
            return ResponseEntity.status(HttpStatus.CREATED).body(Received.of(posted));
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw ApiProblem.invalid("email", "is not a readable email: " + e.getMessage());
        }
    }

    /** The plain text of a message: itself, or its first text/plain part, else its first text part. */
    private static String text(Part part) throws jakarta.mail.MessagingException, java.io.IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String fallback = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null && multipart.getBodyPart(i).isMimeType("text/plain")) {
                    return text;
                }
                fallback = fallback == null ? text : fallback;
            }
            return fallback;
        }
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent()).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        }
        return null;
    }
}
