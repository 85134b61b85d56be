package org.comptoir.service.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service desk's settings.
 *
 * @param channel the sales channel the bot answers availability for
 * @param nearRadiusKm how far around the customer the bot looks for stores
 * @param botMaxFailures answers the bot may miss before it hands over
 * @param csatWithin how long after resolution a rating is accepted
 * @param sweepInterval how often targets are checked, snoozes woken and the queue assigned
 * @param mailFrom the sender of replies by email (when an SMTP server is configured)
 * @param cartLink the link that opens a cart on a channel ({cartId}, {channel}, and {secret}: the cart's
 *     secret, without which a storefront cannot open it)
 * @param botIdle a conversation the bot answered and nobody wrote to since is resolved by the bot after this
 */
@ConfigurationProperties("comptoir.service")
record ServiceSettings(@DefaultValue("WEB") String channel, @DefaultValue("30") double nearRadiusKm,
        @DefaultValue("2") int botMaxFailures, @DefaultValue("7d") Duration csatWithin,
        @DefaultValue("30s") Duration sweepInterval, @DefaultValue("service@jardin-and-co.example") String mailFrom,
        @DefaultValue("https://shop.jardin-and-co.example/cart/{cartId}?channel={channel}#secret={secret}") String cartLink,
        @DefaultValue("30m") Duration botIdle) {}
