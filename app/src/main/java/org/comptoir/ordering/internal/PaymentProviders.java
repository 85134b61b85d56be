package org.comptoir.ordering.internal;

import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The providers that ship with the platform: cash and card terminal at the till, bank transfer (the
 * money is confirmed by hand when it arrives), and a test gateway that declines the token
 * {@code decline} and approves anything else, for integration tests and demos.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviders {

    /** Money handed over at the till: taken at once, refunded from the drawer. */
    private record Till(String code) implements PaymentProvider {
        @Override
        public boolean capturesImmediately() {
            return true;
        }

        @Override
        public Outcome authorize(String orderNumber, long amount, String currency, String token) {
            return Outcome.approved(code.toLowerCase() + "-" + UUID.randomUUID());
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

    /** A bank transfer: the order waits until someone confirms the money arrived. */
    private record BankTransfer() implements PaymentProvider {
        @Override
        public String code() {
            return "BANK_TRANSFER";
        }

        @Override
        public boolean capturesImmediately() {
            return false;
        }

        @Override
        public boolean awaitsConfirmation() {
            return true;
        }

        @Override
        public Outcome authorize(String orderNumber, long amount, String currency, String token) {
            return Outcome.approved("transfer-" + orderNumber);
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

    /** A card gateway stand-in: authorise then capture; the token {@code decline} is refused. */
    private record TestGateway() implements PaymentProvider {
        @Override
        public String code() {
            return "TEST";
        }

        @Override
        public boolean capturesImmediately() {
            return false;
        }

        @Override
        public Outcome authorize(String orderNumber, long amount, String currency, String token) {
            return "decline".equals(token) ? Outcome.declined("card declined by the issuer")
                    : Outcome.approved("test-" + UUID.randomUUID());
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

    @Bean
    PaymentProvider cashProvider() {
        return new Till("CASH");
    }

    @Bean
    PaymentProvider cardTerminalProvider() {
        return new Till("CARD_TERMINAL");
    }

    @Bean
    PaymentProvider bankTransferProvider() {
        return new BankTransfer();
    }

    @Bean
    PaymentProvider testGatewayProvider() {
        return new TestGateway();
    }
}
