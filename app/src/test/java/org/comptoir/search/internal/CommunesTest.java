package org.comptoir.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.comptoir.network.GeoPoint;
import org.comptoir.search.Gazetteer;
import org.junit.jupiter.api.Test;

/** The places customers write, found in the shipped list of French communes. */
class CommunesTest {

    private static final Communes COMMUNES = new Communes();

    private static Gazetteer.Place place(String text) {
        return COMMUNES.placeIn(text).orElseThrow(() -> new AssertionError("no place in: " + text));
    }

    @Test
    void theWholeListIsLoaded() {
        assertThat(COMMUNES.size()).isGreaterThan(34_000);
    }

    @Test
    void postcodesArrondissementsAndNamesAreFound() {
        assertThat(place("je suis à Paris 11e").name()).isEqualTo("Paris 11e");
        assertThat(place("je suis à Paris 11e").postcode()).isEqualTo("75011");
        assertThat(place("75011").name()).isEqualTo("Paris 11e");
        assertThat(place("près de Lyon").name()).isEqualTo("Lyon");
        assertThat(place("j'habite à Boulogne").name()).isEqualTo("Boulogne-Billancourt");
        assertThat(place("Lyon 3e").postcode()).isEqualTo("69003");
        assertThat(place("I live near Marseille").name()).isEqualTo("Marseille");
        assertThat(place("un magasin à Saint-Denis ?").name()).startsWith("Saint-Denis");
        assertThat(place("à boulogne sur mer").name()).isEqualTo("Boulogne-sur-Mer");
        assertThat(place("33000").name()).isEqualTo("Bordeaux");
        // a point near the commune's, not the department's
        assertThat(place("à Boulogne").point().distanceKm(new GeoPoint(48.8355, 2.2413))).isLessThan(2);
    }

    @Test
    void wordsThatAreAlsoCommunesAreNotTakenForPlacesUnlessIntroduced() {
        assertThat(COMMUNES.placeIn("Have a nice day")).isEmpty();
        assertThat(COMMUNES.placeIn("un sécateur de jardin pour les rosiers")).isEmpty();
        assertThat(COMMUNES.placeIn("quand les sécateurs seront-ils de nouveau en stock ?")).isEmpty();
        assertThat(COMMUNES.placeIn("Quand revient la bêche ?")).isEmpty();
    }
}
