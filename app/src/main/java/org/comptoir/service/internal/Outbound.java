package org.comptoir.service.internal;

import org.comptoir.platform.events.EventInterest;
import org.comptoir.service.MessageSent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
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

    @ApplicationModuleListener(id = "service.email")
    void on(MessageSent event) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        SimpleMailMessage email = new SimpleMailMessage();
        email.setFrom(settings.mailFrom());
        email.setTo(event.recipient());
        email.setSubject("Jardin & Co — votre demande / your request");
        email.setText(event.body());
        sender.send(email);
    }
}
