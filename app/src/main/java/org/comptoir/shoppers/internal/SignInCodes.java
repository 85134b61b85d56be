package org.comptoir.shoppers.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.security.Caller;
import org.comptoir.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends one-time sign-in codes by email through the platform's SMTP server ({@code spring.mail.*}):
 * six digits, valid for minutes, only their hash kept, sent once the code is committed and never
 * written anywhere else (no log, no event). The answer is the same whether or not the address has an
 * account, so that nobody learns who shops here.
 */
@Service
class SignInCodes {

    private static final Logger log = LoggerFactory.getLogger(SignInCodes.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final ObjectProvider<JavaMailSender> mail;
    private final ShoppersSettings settings;
    private final Clock clock;

    SignInCodes(AccountRepository accounts, ObjectProvider<JavaMailSender> mail, ShoppersSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends a code to the address; answers when it stops being valid. */
    @Transactional
    Instant send(String email, Caller storefront) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "sign-in-by-email-unavailable", "Unavailable",
                    "This platform sends no email (no SMTP server is configured): sign in with a password");
        }
        String address = ShopperSignIn.normalised(email);
        Instant now = clock.instant();
        if (accounts.codesSince(address, now.minus(java.time.Duration.ofHours(1))) >= settings.codesPerHour()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", "Too many codes",
                    "Enough codes were sent to this address for now; use the last one or try again later");
        }
        String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
        Instant expiresAt = now.plus(settings.codeTtl());
        accounts.insertCode(Ids.newId(), address, ShopperSignIn.codeHash(address, code),
                storefront.channelCode().orElseThrow(), now, expiresAt);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(address);
        message.setSubject("Votre code de connexion / Your sign-in code");
        message.setText("Votre code : " + code + " (valable " + settings.codeTtl().toMinutes() + " minutes).\n"
                + "Your code: " + code + " (valid for " + settings.codeTtl().toMinutes() + " minutes).\n\n"
                + "Si vous n'avez rien demandé, ignorez ce message. / If you did not ask for it, ignore this email.");
        Runnable deliver = () -> {
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("A sign-in code could not be sent: {}", e.getClass().getSimpleName());
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
        return expiresAt;
    }
}
