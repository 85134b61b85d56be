package org.comptoir.service.internal;

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
class Outbound {

    private final ObjectProvider<JavaMailSender> mail;
    private final ServiceSettings settings;

    Outbound(ObjectProvider<JavaMailSender> mail, ServiceSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    @ApplicationModuleListener(id = "service.email", condition = "#event.channel() == 'EMAIL' && #event.recipient() != null")
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
