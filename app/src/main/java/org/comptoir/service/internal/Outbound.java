package org.comptoir.service.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.comptoir.platform.events.EventInterest;
import org.comptoir.service.MessageSent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Replies by email go through the platform's SMTP server when one is configured
 * ({@code spring.mail.host}), after their transaction commits and from the event publication registry,
 * so a reply is sent even if the node stops right after (and retried on restart). Other channels'
 * replies are delivered by the integration that subscribes to {@code service.message.sent}.
 */
@Component
class Outbound implements EventInterest {

    private final ObjectProvider<JavaMailSender> mail;
    private final ServiceSettings settings;

    Outbound(ObjectProvider<JavaMailSender> mail, ServiceSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    /** Only email replies with a recipient are recorded. */
    @Override
    public boolean wants(Object event) {
        return event instanceof MessageSent sent && "EMAIL".equals(sent.channel()) && sent.recipient() != null;
    }

    /**
     * At least once: a node that dies after the SMTP server took the email and before the publication
     * completed sends it again. Both copies carry the message's own Message-ID, so mail clients and
     * servers that fold duplicates show it once.
     */
    @ApplicationModuleListener(id = "service.email")
    void on(MessageSent event) throws MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        String messageId = "<" + event.messageId() + "@comptoir>";
        MimeMessage email = new MimeMessage(sender.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(email, StandardCharsets.UTF_8.name());
        helper.setFrom(settings.mailFrom());
        helper.setTo(event.recipient());
        helper.setSubject("Jardin & Co — votre demande / your request");
        helper.setText(event.body());
        sender.send(email);
    }
}
