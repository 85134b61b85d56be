package org.comptoir.search;

import java.util.Optional;
import org.comptoir.network.GeoPoint;

/**
 * The places of France a customer names: a postcode ("75011"), a Paris, Lyon or Marseille
 * arrondissement ("Paris 11e"), a commune ("à Boulogne", "près de Lyon"), read from the French
 * administration's list of communes shipped with the platform.
 */
public interface Gazetteer {

    /** A place and its point; {@code postcode} when the text gave one or the place has only one. */
    record Place(String name, String postcode, GeoPoint point) {}

    /** The place the text names, if any: a postcode first, then the most precise and populous name. */
    Optional<Place> placeIn(String text);
}
