package org.comptoir.ordering.internal;

import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The providers that ship with the platform: cash and card terminal at the till, bank transfer (the
 * money is confirmed by hand when it arrives), and a test gateway that declines the token
 * {@code decline} and approves anything else, for integration tests and demos. None talks to a
 * bank: capturing, refunding and voiding are recorded as done.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviders {

    /** A provider with no remote party: only how it authorises differs. */
    private record Local(String code, boolean capturesImmediately, boolean awaitsConfirmation,
            Authorizer authorizer) implements PaymentProvider {

        interface Authorizer {
            Outcome authorize(String orderNumber, String token);
        }

        @Override
        public Outcome authorize(String orderNumber, long amount, String currency, String token) {
            return authorizer.authorize(orderNumber, token);
        }

        @Override
        public Outcome capture(String reference, long amount) {
            return Outcome.approved(reference);
        }

        @Override
        public Outcome refund(String reference, long amount) {
            return Outcome.approved(reference);
        }

        @Override
        public Outcome voidAuthorization(String reference) {
            return Outcome.approved(reference);
        }
    }

    /** Money handed over at the till: taken at once, refunded from the drawer. */
    @Bean
    PaymentProvider cashProvider() {
        return new Local("CASH", true, false,
                (order, token) -> PaymentProvider.Outcome.approved("cash-" + UUID.randomUUID()));
    }

    @Bean
    PaymentProvider cardTerminalProvider() {
        return new Local("CARD_TERMINAL", true, false,
                (order, token) -> PaymentProvider.Outcome.approved("terminal-" + UUID.randomUUID()));
    }

    /** A bank transfer: the order waits until someone confirms the money arrived (a capture). */
    @Bean
    PaymentProvider bankTransferProvider() {
        return new Local("BANK_TRANSFER", false, true,
                (order, token) -> PaymentProvider.Outcome.approved("transfer-" + order));
    }

    /** A card gateway stand-in: authorise then capture; the token {@code decline} is refused. */
    @Bean
    PaymentProvider testGatewayProvider() {
        return new Local("TEST", false, false, (order, token) -> "decline".equals(token)
                ? PaymentProvider.Outcome.declined("card declined by the issuer")
                : PaymentProvider.Outcome.approved("test-" + UUID.randomUUID()));
    }

    /** What returned goods were worth, spent on their replacement in an exchange. */
    @Bean
    PaymentProvider exchangeCreditProvider() {
        return new Local(OrderBookService.EXCHANGE_CREDIT, true, false,
                (order, token) -> PaymentProvider.Outcome.approved("exchange-" + order));
    }
}
