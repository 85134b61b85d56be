package org.comptoir.customers.internal;

import org.comptoir.customers.ContactChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a double opt-in's confirmation link to the person, once the consent is committed: by email
 * through the platform's SMTP server ({@code spring.mail.*}). The token is written nowhere else (only
 * its hash is kept). Other channels' confirmations come with the engagement module's senders.
 */
@Component
class ConsentConfirmations {

    private static final Logger log = LoggerFactory.getLogger(ConsentConfirmations.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final CustomersSettings settings;

    ConsentConfirmations(ObjectProvider<JavaMailSender> mail, CustomersSettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    /** True when the confirmation will be sent (after the commit). */
    boolean send(ContactChannel channel, String address, String token) {
        JavaMailSender sender = mail.getIfAvailable();
        if (channel != ContactChannel.EMAIL || sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(address);
        message.setSubject("Confirmez votre inscription / Confirm your subscription");
        String link = settings.consentLink().replace("{token}", token);
        message.setText("Pour confirmer, suivez ce lien : " + link + "\nTo confirm, follow this link: " + link
                + "\n\nSi vous n'avez rien demandé, ignorez ce message. / If you did not ask for it, ignore this email.");
        Runnable deliver = () -> {
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("A consent confirmation could not be sent: {}", e.getClass().getSimpleName());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver.run();
                }
            });
        } else {
            deliver.run();
        }
        return true;
    }
}
