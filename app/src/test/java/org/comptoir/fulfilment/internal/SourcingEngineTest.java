package org.comptoir.fulfilment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.comptoir.fulfilment.internal.SourcingEngine.Assignment;
import org.comptoir.fulfilment.internal.SourcingEngine.Candidate;
import org.comptoir.fulfilment.internal.SourcingEngine.Decision;
import org.comptoir.fulfilment.internal.SourcingEngine.Line;
import org.comptoir.fulfilment.internal.SourcingEngine.Mode;
import org.comptoir.fulfilment.internal.SourcingEngine.Request;
import org.comptoir.fulfilment.internal.SourcingEngine.Rule;
import org.comptoir.fulfilment.internal.SourcingEngine.Verdict;
import org.comptoir.network.Capability;
import org.comptoir.network.GeoPoint;
import org.comptoir.network.LocationType;
import org.junit.jupiter.api.Test;

class SourcingEngineTest {

    private static final GeoPoint PARIS = new GeoPoint(48.8566, 2.3522);
    private static final GeoPoint BOULOGNE = new GeoPoint(48.8397, 2.2399);
    private static final GeoPoint VERSAILLES = new GeoPoint(48.8049, 2.1204);
    private static final GeoPoint LYON = new GeoPoint(45.7640, 4.8357);
    /** Distance only: the nearest location able to serve wins. */
    private static final Rule NEAREST = new Rule(3, null, 0, 100, 0, 0, 0, 1, 1);

    private static Candidate store(String code, GeoPoint at, Map<String, Integer> stock) {
        return new Candidate(code, LocationType.STORE, at, true, true,
                Set.of(Capability.SHIP_FROM_STORE, Capability.CLICK_AND_COLLECT), stock, null, 0);
    }

    private static Candidate warehouse(String code, GeoPoint at, Map<String, Integer> stock) {
        return new Candidate(code, LocationType.WAREHOUSE, at, true, true, Set.of(Capability.SHIPS_PARCELS), stock,
                null, 0);
    }

    private static Request ship(Rule rule, List<Line> lines, Candidate... candidates) {
        return new Request(Mode.SHIP, PARIS, null, lines, rule, List.of(candidates));
    }

    private static Verdict verdict(Decision d, String code) {
        return d.candidates().stream().filter(v -> v.locationCode().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theNearestLocationWithEveryLineWins() {
        Decision d = SourcingEngine.decide(ship(NEAREST, List.of(new Line("SEC", 1)),
                warehouse("WH", LYON, Map.of("SEC", 100)), store("ST-B", BOULOGNE, Map.of("SEC", 2)),
                store("ST-V", VERSAILLES, Map.of("SEC", 5))));
        assertThat(d.routed()).isTrue();
        assertThat(d.locations()).containsExactly("ST-B");
        assertThat(d.assignments()).containsExactly(new Assignment("ST-B", "SEC", 1, false));
        assertThat(d.reason()).contains("ST-B has every line");
        assertThat(verdict(d, "ST-B").distanceKm()).isBetween(8.0, 9.0);
        assertThat(verdict(d, "ST-B").score()).isGreaterThan(verdict(d, "ST-V").score());
        assertThat(verdict(d, "ST-V").score()).isGreaterThan(verdict(d, "WH").score());
    }

    @Test
    void theRecordedExplanationKeepsTheChosenTheBestOthersAndEveryOnePutOut() {
        Decision d = SourcingEngine.decide(ship(NEAREST, List.of(new Line("SEC", 1)),
                store("ST-B", BOULOGNE, Map.of("SEC", 3)), store("ST-V", VERSAILLES, Map.of("SEC", 4)),
                warehouse("WH", LYON, Map.of("SEC", 10)), new Candidate("ST-P", LocationType.STORE, PARIS, true, true,
                        Set.of(Capability.CLICK_AND_COLLECT), Map.of("SEC", 9), null, 0)));
        assertThat(d.locations()).containsExactly("ST-B");
        assertThat(verdict(d, "ST-P").fencedOut()).isNotNull();

        Decision recorded = d.explainedBy(1);
        assertThat(recorded.candidates()).extracting(Verdict::locationCode).containsExactly("ST-B", "ST-V", "ST-P");
        assertThat(recorded.locations()).isEqualTo(d.locations());
        assertThat(recorded.assignments()).isEqualTo(d.assignments());
        assertThat(d.explainedBy(0).candidates()).extracting(Verdict::locationCode).containsExactly("ST-B", "ST-P");
        assertThat(d.explainedBy(3)).isSameAs(d);
    }

    @Test
    void oneFarLocationBeatsTwoNearOnes() {
        Decision d = SourcingEngine.decide(ship(NEAREST, List.of(new Line("SEC", 1), new Line("GNT", 2)),
                store("ST-B", BOULOGNE, Map.of("SEC", 3)), store("ST-V", VERSAILLES, Map.of("GNT", 4)),
                warehouse("WH", LYON, Map.of("SEC", 10, "GNT", 10))));
        assertThat(d.locations()).containsExactly("WH");
        assertThat(d.assignments()).containsExactlyInAnyOrder(new Assignment("WH", "SEC", 1, false),
                new Assignment("WH", "GNT", 2, false));
    }

    @Test
    void withoutASingleLocationTheBestPairIsChosen() {
        Decision d = SourcingEngine.decide(ship(NEAREST, List.of(new Line("SEC", 1), new Line("GNT", 2)),
                store("ST-B", BOULOGNE, Map.of("SEC", 3)), store("ST-V", VERSAILLES, Map.of("GNT", 4)),
                warehouse("WH", LYON, Map.of("GNT", 10))));
        assertThat(d.routed()).isTrue();
        assertThat(d.locations()).containsExactly("ST-B", "ST-V");
        assertThat(d.assignments()).containsExactlyInAnyOrder(new Assignment("ST-B", "SEC", 1, false),
                new Assignment("ST-V", "GNT", 2, false));
        assertThat(d.reason()).startsWith("no single location has every line; ST-B + ST-V");
    }

    @Test
    void aLineLargerThanAnyLocationIsSplit() {
        Decision d = SourcingEngine.decide(ship(NEAREST, List.of(new Line("SEC", 5)),
                store("ST-B", BOULOGNE, Map.of("SEC", 3)), store("ST-V", VERSAILLES, Map.of("SEC", 3))));
        assertThat(d.assignments()).containsExactly(new Assignment("ST-B", "SEC", 3, false),
                new Assignment("ST-V", "SEC", 2, false));
    }

    @Test
    void withoutSplitsALineComesWhollyFromOneLocation() {
        Decision d = SourcingEngine.decide(new Request(Mode.SHIP, PARIS, null, List.of(new Line("SEC", 5)), NEAREST,
                List.of(store("ST-B", BOULOGNE, Map.of("SEC", 3)), store("ST-V", VERSAILLES, Map.of("SEC", 3)),
                        warehouse("WH", LYON, Map.of("SEC", 5))), false));
        assertThat(d.assignments()).containsExactly(new Assignment("WH", "SEC", 5, false));
        Decision none = SourcingEngine.decide(new Request(Mode.SHIP, PARIS, null, List.of(new Line("SEC", 5)),
                NEAREST, List.of(store("ST-B", BOULOGNE, Map.of("SEC", 3)), store("ST-V", VERSAILLES,
                        Map.of("SEC", 3))), false));
        assertThat(none.routed()).isFalse();
    }

    @Test
    void aLocationWhoseDayIsFullIsFencedOutAndTheNextOneServes() {
        Candidate full = new Candidate("ST-B", LocationType.STORE, BOULOGNE, true, true,
                Set.of(Capability.SHIP_FROM_STORE), Map.of("SEC", 3), 0, 40);
        Decision d = SourcingEngine.decide(ship(NEAREST, List.of(new Line("SEC", 1)), full,
                store("ST-V", VERSAILLES, Map.of("SEC", 3))));
        assertThat(d.locations()).containsExactly("ST-V");
        assertThat(verdict(d, "ST-B").fencedOut()).isEqualTo("daily capacity exhausted");
        assertThat(verdict(d, "ST-B").score()).isNull();
    }

    @Test
    void everyFenceSaysWhyALocationIsOut() {
        Rule rule = new Rule(3, 100, 5, 100, 0, 0, 0, 1, 1);
        Candidate inactive = new Candidate("OFF", LocationType.STORE, BOULOGNE, false, true,
                Set.of(Capability.SHIP_FROM_STORE), Map.of("SEC", 50), null, 0);
        Candidate notSold = new Candidate("NOSALE", LocationType.STORE, BOULOGNE, true, false,
                Set.of(Capability.SHIP_FROM_STORE), Map.of("SEC", 50), null, 0);
        Candidate noShipping = new Candidate("NOSHIP", LocationType.STORE, BOULOGNE, true, true,
                Set.of(Capability.CLICK_AND_COLLECT), Map.of("SEC", 50), null, 0);
        Decision d = SourcingEngine.decide(ship(rule, List.of(new Line("SEC", 1)), inactive, notSold, noShipping,
                warehouse("FAR", LYON, Map.of("SEC", 50)), store("THIN", VERSAILLES, Map.of("SEC", 5)),
                warehouse("EMPTY", VERSAILLES, Map.of())));
        assertThat(d.routed()).isFalse();
        assertThat(verdict(d, "OFF").fencedOut()).isEqualTo("inactive");
        assertThat(verdict(d, "NOSALE").fencedOut()).isEqualTo("the channel does not sell from it");
        assertThat(verdict(d, "NOSHIP").fencedOut()).isEqualTo("cannot ship parcels");
        assertThat(verdict(d, "FAR").fencedOut()).matches("39\\d\\.\\d km away, beyond 100 km");
        assertThat(verdict(d, "THIN").fencedOut()).isEqualTo("none of the items in stock beyond the 5 kept for the store");
        assertThat(verdict(d, "EMPTY").fencedOut()).isEqualTo("none of the items in stock");
        assertThat(d.unroutable()).containsExactly("SEC");
        assertThat(d.reason()).isEqualTo("not enough stock in the locations able to fulfil: SEC");
    }

    @Test
    void storesKeepTheirMinimumAndWarehousesAreCheaper() {
        // Home delivery prefers warehouses, then stores with more than 5 units.
        Rule rule = new Rule(3, null, 5, 0, 100, 0, 0, 1, 3);
        Decision d = SourcingEngine.decide(ship(rule, List.of(new Line("SEC", 2)),
                store("ST-B", BOULOGNE, Map.of("SEC", 20)), warehouse("WH", LYON, Map.of("SEC", 4))));
        assertThat(d.locations()).containsExactly("WH");
        Decision fromStore = SourcingEngine.decide(ship(rule, List.of(new Line("SEC", 2)),
                store("ST-B", BOULOGNE, Map.of("SEC", 7)), store("ST-V", VERSAILLES, Map.of("SEC", 6)),
                warehouse("WH", LYON, Map.of("SEC", 1))));
        // ST-V could give 1 unit only (6 - 5): ST-B serves the line alone.
        assertThat(fromStore.locations()).containsExactly("ST-B");
        assertThat(verdict(fromStore, "ST-V").usable()).containsEntry("SEC", 1);
    }

    @Test
    void needingMoreLocationsThanTheRuleAllowsIsUnroutable() {
        Rule single = new Rule(1, null, 0, 100, 0, 0, 0, 1, 1);
        Decision d = SourcingEngine.decide(ship(single, List.of(new Line("SEC", 1), new Line("GNT", 1)),
                store("ST-B", BOULOGNE, Map.of("SEC", 3)), store("ST-V", VERSAILLES, Map.of("GNT", 4))));
        assertThat(d.routed()).isFalse();
        assertThat(d.reason()).isEqualTo("every line is in stock, but not within 1 location(s)");
        assertThat(d.unroutable()).containsExactly("SEC", "GNT");
    }

    @Test
    void aPickupStoreServesWhatItHasAndTransfersBringTheRest() {
        Rule rule = new Rule(3, null, 5, 50, 50, 0, 0, 1, 3);
        Request pickup = new Request(Mode.PICKUP, BOULOGNE, "ST-B", List.of(new Line("SEC", 1), new Line("GNT", 1)),
                rule, List.of(store("ST-B", BOULOGNE, Map.of("SEC", 1)), warehouse("WH", LYON, Map.of("SEC", 9,
                        "GNT", 9)), store("ST-V", VERSAILLES, Map.of("GNT", 9))));
        Decision d = SourcingEngine.decide(pickup);
        // The pickup store's own stock counts in full (no minimum kept: the customer collects there).
        assertThat(d.locations()).first().isEqualTo("ST-B");
        assertThat(d.assignments()).contains(new Assignment("ST-B", "SEC", 1, false));
        assertThat(d.assignments()).filteredOn(a -> a.sku().equals("GNT")).singleElement()
                .satisfies(a -> assertThat(a.transfer()).isTrue());
        assertThat(d.reason()).startsWith("the pickup store ST-B has part of the order; transfers from ");

        Request everything = new Request(Mode.PICKUP, BOULOGNE, "ST-B", List.of(new Line("SEC", 1)), rule,
                List.of(store("ST-B", BOULOGNE, Map.of("SEC", 1)), warehouse("WH", BOULOGNE, Map.of("SEC", 99))));
        assertThat(SourcingEngine.decide(everything).reason()).isEqualTo("the pickup store ST-B has every line");
    }

    @Test
    void aLineOnlyAFewLowScoredLocationsHoldIsStillFound() {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            candidates.add(store(String.format("ST-%02d", i), new GeoPoint(48.8 + i * 0.01, 2.3), Map.of("SEC", 5)));
        }
        candidates.add(warehouse("WH-FAR", LYON, Map.of("RARE", 1)));
        Decision d = SourcingEngine.decide(new Request(Mode.SHIP, PARIS, null,
                List.of(new Line("SEC", 1), new Line("RARE", 1)), NEAREST, candidates));
        assertThat(d.routed()).isTrue();
        assertThat(d.locations()).hasSize(2).contains("WH-FAR");
    }
}
