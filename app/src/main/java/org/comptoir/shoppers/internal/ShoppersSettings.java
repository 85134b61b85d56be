package org.comptoir.shoppers.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param sessionTtl how long a customer token lasts
 * @param codeTtl how long a sign-in code may be used
 * @param codeAttempts wrong guesses a code allows before it is spent
 * @param codesPerHour codes sent to one address in an hour at most
 * @param passwordAttempts wrong passwords in a row before the account is locked for {@code lockout}
 * @param lockout how long an account stays locked
 * @param mailFrom the sender of sign-in codes
 */
@ConfigurationProperties("comptoir.shoppers")
record ShoppersSettings(@DefaultValue("1h") Duration sessionTtl, @DefaultValue("10m") Duration codeTtl,
        @DefaultValue("5") int codeAttempts, @DefaultValue("5") int codesPerHour,
        @DefaultValue("5") int passwordAttempts, @DefaultValue("15m") Duration lockout,
        @DefaultValue("Jardin & Co <no-reply@jardin-and-co.example>") String mailFrom) {}
