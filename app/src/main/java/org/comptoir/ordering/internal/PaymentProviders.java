package org.comptoir.ordering.internal;

import java.util.List;
import java.util.UUID;
import org.comptoir.platform.web.SelfManagedTransactions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The providers that ship with the platform: cash and card terminal at the till, bank transfer (the
 * money is confirmed by hand when it arrives), the exchange's credit, and a test gateway for tests and
 * demos ({@link TestGateway}). None but the test gateway keeps state: capturing, refunding and voiding
 * are recorded as done.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviders {

    /** A provider with no remote party: only how it authorises differs. */
    private record Local(String code, Use use, boolean capturesImmediately, boolean awaitsConfirmation,
            Authorizer authorizer) implements PaymentProvider {

        interface Authorizer {
            Outcome authorize(String orderNumber, String idempotencyKey);
        }

        @Override
        public boolean remote() {
            return false;
        }

        @Override
        public Outcome authorize(String orderNumber, long amount, String currency, String token,
                String idempotencyKey) {
            return authorizer.authorize(orderNumber, idempotencyKey);
        }

        @Override
        public Outcome capture(String reference, long amount, String idempotencyKey) {
            return Outcome.approved(reference);
        }

        @Override
        public Outcome refund(String reference, long amount, String idempotencyKey) {
            return Outcome.approved(reference);
        }

        @Override
        public Outcome voidAuthorization(String reference, long amount, String idempotencyKey) {
            return Outcome.approved(reference);
        }
    }

    /** Paying, capturing and refunding call providers between transactions of their own (see {@link Payments}). */
    @Bean
    SelfManagedTransactions paymentCalls() {
        return new SelfManagedTransactions(List.of("/api/v1/orders/{id}/payments",
                "/api/v1/orders/{id}/payments/{paymentId}/capture", "/api/v1/orders/{id}/payments/{paymentId}/refunds"));
    }

    /** Money handed over at the till: taken at once, refunded from the drawer. */
    @Bean
    PaymentProvider cashProvider() {
        return new Local("CASH", PaymentProvider.Use.TILL, true, false,
                (order, key) -> PaymentProvider.Outcome.approved("cash-" + key));
    }

    @Bean
    PaymentProvider cardTerminalProvider() {
        return new Local("CARD_TERMINAL", PaymentProvider.Use.TILL, true, false,
                (order, key) -> PaymentProvider.Outcome.approved("terminal-" + key));
    }

    /** A bank transfer: the order waits until someone confirms the money arrived (a capture). */
    @Bean
    PaymentProvider bankTransferProvider() {
        return new Local("BANK_TRANSFER", PaymentProvider.Use.ONLINE, false, true,
                (order, key) -> PaymentProvider.Outcome.approved("transfer-" + order + "-" + key));
    }

    @Bean
    TestGateway testGatewayProvider() {
        return new TestGateway();
    }

    /** What returned goods were worth, spent on their replacement in an exchange. */
    @Bean
    PaymentProvider exchangeCreditProvider() {
        return new Local(OrderBookService.EXCHANGE_CREDIT, PaymentProvider.Use.INTERNAL, true, false,
                (order, key) -> PaymentProvider.Outcome.approved("exchange-" + order + "-" + UUID.randomUUID()));
    }
}
