package org.comptoir.platform.internal;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.regex.Pattern;

/**
 * What a log line says of people is masked before it is written, whoever logs it (the platform, Spring,
 * the event registry, the JDBC driver): a database error quotes the row or key it refused (an email, a
 * phone number), and a log is read and kept by more people, for longer, than the database. Wired by
 * {@code logback-spring.xml} as the {@code maskedMsg} and {@code maskedEx} conversion words.
 */
public final class LogMasking {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+%-]+@([\\w-]+\\.[\\w.-]+)");
    private static final Pattern PHONE = Pattern.compile("\\+\\d{8,15}");
    /** PostgreSQL: "Key (email)=(x@y) already exists", "Failing row contains (...)". */
    private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=\\((.*?)\\)( already exists| is not present)");
    private static final Pattern ROW = Pattern.compile("Failing row contains \\(.*?\\)(\\.|$)", Pattern.MULTILINE);
    /** H2: "... ON PUBLIC.T(EMAIL NULLS FIRST) VALUES ( /* 3 *\/ 'x@y' )". */
    private static final Pattern H2_VALUES = Pattern.compile("VALUES \\( /\\* \\d+ \\*/ .*? \\)");

    private LogMasking() {}

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = KEY.matcher(text).replaceAll("Key ($1)=(***)$3");
        masked = ROW.matcher(masked).replaceAll("Failing row contains (***)$1");
        masked = H2_VALUES.matcher(masked).replaceAll("VALUES (***)");
        masked = EMAIL.matcher(masked).replaceAll("***@$1");
        return PHONE.matcher(masked).replaceAll("+***");
    }

    /** The event's message, masked. */
    public static final class MaskedMessage extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return mask(super.convert(event));
        }
    }

    /** The event's exception (messages and causes), masked; its stack trace as it is. */
    public static final class MaskedException extends ExtendedThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy proxy) {
            return mask(super.throwableProxyToString(proxy));
        }
    }
}
