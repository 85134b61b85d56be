package org.comptoir.ordering.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A card gateway stand-in, for tests and demos only (switched off unless
 * {@code comptoir.ordering.test-payments} is true): it authorises, captures, refunds and voids like a
 * real gateway, keeping each authorisation's money and refusing what it does not cover, and answers a
 * call repeated with the same idempotency key with its first answer. The token {@code decline} is
 * refused; {@code flaky} fails with no answer the first time a key is used, as a gateway timing out.
 * Every call that moved money is kept, so a test can add up what the gateway was asked for.
 */
class TestGateway implements PaymentProvider {

    /** A call that moved money (or tried to): what, on which authorisation, how much, under which key. */
    record Call(String kind, String reference, long amount, String key, boolean approved) {}

    private static final class Authorisation {
        long amount;
        long captured;
        long refunded;
        long released;
    }

    private final Map<String, Outcome> answered = new ConcurrentHashMap<>();
    private final Map<String, Authorisation> authorisations = new ConcurrentHashMap<>();
    private final Map<String, Boolean> failedOnce = new ConcurrentHashMap<>();
    private final List<Call> calls = new ArrayList<>();

    @Override
    public String code() {
        return "TEST";
    }

    @Override
    public Use use() {
        return Use.TEST;
    }

    @Override
    public boolean capturesImmediately() {
        return false;
    }

    @Override
    public synchronized Outcome authorize(String orderNumber, long amount, String currency, String token,
            String idempotencyKey) {
        return once(idempotencyKey, token, () -> {
            if ("decline".equals(token)) {
                calls.add(new Call("authorize", null, amount, idempotencyKey, false));
                return Outcome.declined("card declined by the issuer");
            }
            String reference = "test-" + UUID.randomUUID();
            Authorisation authorisation = new Authorisation();
            authorisation.amount = amount;
            authorisations.put(reference, authorisation);
            calls.add(new Call("authorize", reference, amount, idempotencyKey, true));
            return Outcome.approved(reference);
        });
    }

    @Override
    public synchronized Outcome capture(String reference, long amount, String idempotencyKey) {
        return once(idempotencyKey, null, () -> {
            Authorisation a = authorisations.get(reference);
            boolean ok = a != null && a.captured == 0 && amount <= a.amount - a.released;
            if (ok) {
                a.captured = amount;
                a.released = a.amount - amount;
            }
            calls.add(new Call("capture", reference, amount, idempotencyKey, ok));
            return ok ? Outcome.approved(reference) : Outcome.declined("nothing left to capture");
        });
    }

    @Override
    public synchronized Outcome refund(String reference, long amount, String idempotencyKey) {
        return once(idempotencyKey, null, () -> {
            Authorisation a = authorisations.get(reference);
            boolean ok = a != null && amount <= a.captured - a.refunded;
            if (ok) {
                a.refunded += amount;
            }
            calls.add(new Call("refund", reference, amount, idempotencyKey, ok));
            return ok ? Outcome.approved(reference) : Outcome.declined("more than was captured");
        });
    }

    @Override
    public synchronized Outcome voidAuthorization(String reference, long amount, String idempotencyKey) {
        return once(idempotencyKey, null, () -> {
            Authorisation a = authorisations.get(reference);
            boolean ok = a != null && a.captured == 0 && amount <= a.amount - a.released;
            if (ok) {
                a.released += amount;
            }
            calls.add(new Call("void", reference, amount, idempotencyKey, ok));
            return ok ? Outcome.approved(reference) : Outcome.declined("nothing left to release");
        });
    }

    private Outcome once(String key, String token, java.util.function.Supplier<Outcome> call) {
        Outcome first = answered.get(key);
        if (first != null) {
            return first;
        }
        if ("flaky".equals(token) && failedOnce.putIfAbsent(key, true) == null) {
            throw new IllegalStateException("test gateway: no answer in time");
        }
        Outcome outcome = call.get();
        answered.put(key, outcome);
        return outcome;
    }

    /** Every call so far, in order. */
    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** What was approved of one kind of call in all ("authorize", "capture", "refund", "void"). */
    synchronized long approved(String kind) {
        return calls.stream().filter(c -> c.kind().equals(kind) && c.approved()).mapToLong(Call::amount).sum();
    }

    /** The same, for the authorisations of these references only. */
    synchronized long approved(String kind, java.util.Collection<String> references) {
        return calls.stream().filter(c -> c.kind().equals(kind) && c.approved() && references.contains(c.reference()))
                .mapToLong(Call::amount).sum();
    }
}
