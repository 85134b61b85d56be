package org.comptoir.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test JVM (GreenMail), shared by the suite's platform: what the platform
 * emails (sign-in codes, replies) is read back from it as the recipient would.
 */
public final class TestMail {

    private static final GreenMail SERVER = start();

    private TestMail() {}

    private static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(0, "localhost", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return server;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** The messages received for an address, oldest first. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** A message's text. */
    public static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first run of six digits in the last message to the address (a sign-in code). */
    public static String lastCode(String address) {
        List<MimeMessage> messages = to(address);
        if (messages.isEmpty()) {
            throw new IllegalStateException("no email to " + address);
        }
        try {
            Matcher m = Pattern.compile("\\b([0-9]{6})\\b").matcher(String.valueOf(messages.getLast().getContent()));
            if (!m.find()) {
                throw new IllegalStateException("no code in the email to " + address);
            }
            return m.group(1);
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
