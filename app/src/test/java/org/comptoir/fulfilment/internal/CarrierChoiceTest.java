package org.comptoir.fulfilment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CarrierChoiceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** A Tuesday morning. */
    private static final ZonedDateTime TUESDAY_10 = ZonedDateTime.of(2026, 11, 24, 10, 0, 0, 0, PARIS);

    private static final CarrierChoice.Service STANDARD = new CarrierChoice.Service("POSTE-48", "La Poste",
            "Colis 48 h", DeliveryMethod.HOME_DELIVERY, Set.of("FR", "BE"), LocalTime.of(16, 0), 2, true,
            List.of(new CarrierChoice.Rate(1000, 490, "EUR"), new CarrierChoice.Rate(5000, 790, "EUR")));
    private static final CarrierChoice.Service NEXT_DAY = new CarrierChoice.Service("EXPRESS-24", "Express",
            "Livraison 24 h", DeliveryMethod.HOME_DELIVERY, Set.of("FR"), LocalTime.of(12, 0), 1, true,
            List.of(new CarrierChoice.Rate(30000, 1290, "EUR")));

    @Test
    void theCheapestServiceWinsWithoutAPromise() {
        var choice = CarrierChoice.choose(List.of(STANDARD, NEXT_DAY), DeliveryMethod.HOME_DELIVERY, "FR", 800,
                TUESDAY_10, null).orElseThrow();
        assertThat(choice.service().code()).isEqualTo("POSTE-48");
        assertThat(choice.price()).isEqualTo(490);
        assertThat(choice.deliveredBy()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(choice.reason()).isEqualTo("POSTE-48: cheapest of 2 service(s) able to take the parcel");
    }

    @Test
    void aPromisedDateTakesTheCheapestThatMeetsItElseTheFastest() {
        var tomorrow = CarrierChoice.choose(List.of(STANDARD, NEXT_DAY), DeliveryMethod.HOME_DELIVERY, "FR", 800,
                TUESDAY_10, LocalDate.of(2026, 11, 25)).orElseThrow();
        assertThat(tomorrow.service().code()).isEqualTo("EXPRESS-24");
        assertThat(tomorrow.reason()).contains("delivering by the promised 2026-11-25");

        // After the express cut-off nothing arrives tomorrow: the fastest is taken, and says so (both
        // arrive on Thursday now: the cheaper of the two).
        var late = CarrierChoice.choose(List.of(STANDARD, NEXT_DAY), DeliveryMethod.HOME_DELIVERY, "FR", 800,
                TUESDAY_10.withHour(13), LocalDate.of(2026, 11, 25)).orElseThrow();
        assertThat(late.service().code()).isEqualTo("POSTE-48");
        assertThat(late.deliveredBy()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(late.reason()).contains("no service delivers by the promised 2026-11-25");
    }

    @Test
    void countryWeightAndWeekendsCount() {
        var belgium = CarrierChoice.choose(List.of(STANDARD, NEXT_DAY), DeliveryMethod.HOME_DELIVERY, "BE", 800,
                TUESDAY_10, LocalDate.of(2026, 11, 25)).orElseThrow();
        assertThat(belgium.service().code()).isEqualTo("POSTE-48");
        assertThat(belgium.options()).anySatisfy(o -> assertThat(o.excluded()).isEqualTo("does not serve BE"));
        var heavy = CarrierChoice.choose(List.of(STANDARD, NEXT_DAY), DeliveryMethod.HOME_DELIVERY, "FR", 6000,
                TUESDAY_10, null).orElseThrow();
        assertThat(heavy.service().code()).isEqualTo("EXPRESS-24");
        assertThat(CarrierChoice.choose(List.of(STANDARD), DeliveryMethod.HOME_DELIVERY, "FR", 6000, TUESDAY_10,
                null)).isEmpty();
        assertThat(CarrierChoice.choose(List.of(STANDARD), DeliveryMethod.RELAY_POINT, "FR", 100, TUESDAY_10,
                null)).isEmpty();
        // Friday after the cut-off: it leaves Monday, arrives Wednesday.
        ZonedDateTime fridayEvening = ZonedDateTime.of(2026, 11, 27, 18, 0, 0, 0, PARIS);
        assertThat(CarrierChoice.deliveredBy(fridayEvening, LocalTime.of(16, 0), 2))
                .isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(CarrierChoice.leavesTodayUntil(fridayEvening, LocalTime.of(16, 0))).isNull();
        assertThat(CarrierChoice.leavesTodayUntil(TUESDAY_10, LocalTime.of(16, 0)).toLocalTime())
                .isEqualTo(LocalTime.of(16, 0));
    }
}
