package org.comptoir.catalog;

import java.util.List;
import java.util.UUID;

/**
 * What the catalogue's {@code q=} asks of the search module (which knows the languages): the ids of
 * the products a shopper's words mean, best first. Implemented outside the catalogue, so that search
 * may follow the catalogue without the catalogue depending on it.
 */
public interface TextSearch {

    List<UUID> productIdsMatching(String text, int limit);
}
