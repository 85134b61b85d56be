package org.comptoir.fulfilment.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which carrier service ships a parcel: among the active services of the delivery method that serve
 * the destination country and take the parcel's weight, the cheapest that delivers by the promised
 * date, else (none can) the fastest. Dates count working days (Monday to Friday): a parcel leaves
 * the same day when it is ready before the service's cut-off at the shipping location, the next
 * working day otherwise. Pure, so that it is unit-tested; the reason says why.
 */
final class CarrierChoice {

    private CarrierChoice() {}

    /** The price of a parcel up to a weight. */
    record Rate(int maxWeightGrams, long price, String currency) {}

    record Service(String code, String carrier, String name, DeliveryMethod method, Set<String> countries,
            LocalTime cutoff, int transitDays, boolean active, List<Rate> rates) {

        Optional<Rate> rateFor(int weightGrams) {
            return rates.stream().filter(r -> r.maxWeightGrams() >= weightGrams)
                    .min(Comparator.comparingInt(Rate::maxWeightGrams));
        }
    }

    /** A service weighed: its price and date, or why it cannot take the parcel. */
    record Option(String serviceCode, String carrier, Long price, LocalDate deliveredBy, String excluded) {}

    record Choice(Service service, long price, String currency, LocalDate deliveredBy, String reason,
            List<Option> options) {}

    /**
     * @param now the current time at the shipping location
     * @param country the destination's country, null when unknown (a transfer between stores)
     * @param promisedBy the date promised to the customer, null when none was
     */
    static Optional<Choice> choose(List<Service> services, DeliveryMethod method, String country, int weightGrams,
            ZonedDateTime now, LocalDate promisedBy) {
        List<Option> options = new ArrayList<>();
        List<Choice> able = new ArrayList<>();
        for (Service s : services) {
            String excluded = !s.active() ? "inactive"
                    : s.method() != method ? "another delivery method"
                    : country != null && !s.countries().contains(country) ? "does not serve " + country
                    : s.rateFor(weightGrams).isEmpty() ? "takes no parcel of " + weightGrams + " g"
                    : null;
            if (excluded != null) {
                options.add(new Option(s.code(), s.carrier(), null, null, excluded));
                continue;
            }
            Rate rate = s.rateFor(weightGrams).orElseThrow();
            LocalDate date = deliveredBy(now, s.cutoff(), s.transitDays());
            options.add(new Option(s.code(), s.carrier(), rate.price(), date, null));
            able.add(new Choice(s, rate.price(), rate.currency(), date, null, options));
        }
        if (able.isEmpty()) {
            return Optional.empty();
        }
        Comparator<Choice> cheapest = Comparator.comparingLong(Choice::price).thenComparing(Choice::deliveredBy)
                .thenComparing(c -> c.service().code());
        Comparator<Choice> fastest = Comparator.comparing(Choice::deliveredBy).thenComparingLong(Choice::price)
                .thenComparing(c -> c.service().code());
        List<Choice> inTime = promisedBy == null ? able
                : able.stream().filter(c -> !c.deliveredBy().isAfter(promisedBy)).toList();
        Choice best;
        String reason;
        if (!inTime.isEmpty()) {
            best = inTime.stream().min(cheapest).orElseThrow();
            reason = promisedBy == null
                    ? "cheapest of " + able.size() + " service(s) able to take the parcel"
                    : "cheapest of " + inTime.size() + " service(s) delivering by the promised " + promisedBy;
        } else {
            best = able.stream().min(fastest).orElseThrow();
            reason = "no service delivers by the promised " + promisedBy + "; the fastest delivers on "
                    + best.deliveredBy();
        }
        return Optional.of(new Choice(best.service(), best.price(), best.currency(), best.deliveredBy(),
                best.service().code() + ": " + reason, List.copyOf(options)));
    }

    /**
     * When a parcel sent now between two of the retailer's locations arrives: the fastest active
     * home delivery service, or two working days when no carrier is configured.
     */
    static LocalDate transferArrival(List<Service> services, ZonedDateTime now) {
        return services.stream().filter(s -> s.active() && s.method() == DeliveryMethod.HOME_DELIVERY)
                .map(s -> deliveredBy(now, s.cutoff(), s.transitDays())).min(Comparator.naturalOrder())
                .orElse(deliveredBy(now, LocalTime.NOON, 2));
    }

    /** When a parcel handed over now reaches the customer with a service of this cut-off and transit. */
    static LocalDate deliveredBy(ZonedDateTime now, LocalTime cutoff, int transitDays) {
        LocalDate day = now.toLocalDate();
        if (!working(day) || !now.toLocalTime().isBefore(cutoff)) {
            day = nextWorkingDay(day);
        }
        for (int i = 0; i < transitDays; i++) {
            day = nextWorkingDay(day);
        }
        return day;
    }

    /** The latest moment today a parcel still leaves today, or null when it no longer can. */
    static ZonedDateTime leavesTodayUntil(ZonedDateTime now, LocalTime cutoff) {
        return working(now.toLocalDate()) && now.toLocalTime().isBefore(cutoff)
                ? now.toLocalDate().atTime(cutoff).atZone(now.getZone()) : null;
    }

    private static LocalDate nextWorkingDay(LocalDate day) {
        LocalDate next = day.plusDays(1);
        while (!working(next)) {
            next = next.plusDays(1);
        }
        return next;
    }

    private static boolean working(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
