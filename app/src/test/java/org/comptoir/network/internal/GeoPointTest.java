package org.comptoir.network.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.comptoir.network.GeoPoint;
import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void greatCircleDistanceParisToLyonIsAbout392Km() {
        GeoPoint notreDame = new GeoPoint(48.8530, 2.3499);
        GeoPoint bellecour = new GeoPoint(45.7578, 4.8320);
        assertThat(notreDame.distanceKm(bellecour)).isCloseTo(391.5, within(2.0));
        assertThat(bellecour.distanceKm(notreDame)).isEqualTo(notreDame.distanceKm(bellecour));
        assertThat(notreDame.distanceKm(notreDame)).isZero();
    }

    @Test
    void coordinatesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new GeoPoint(90.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(0, -180.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
