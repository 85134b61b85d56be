package org.comptoir.inventory;

import org.comptoir.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A hold asked for more than can be promised: which SKU, where, and how much there is. Answered 409
 * {@code out-of-stock}; nothing of the hold was written.
 */
public class OutOfStock extends ApiProblem {

    public OutOfStock(String sku, String locationCode, int requested, int available) {
        super(HttpStatus.CONFLICT, "out-of-stock", "Out of stock",
                "Only " + available + " of " + sku + " can be promised at " + locationCode + " (" + requested
                        + " asked); nothing was held");
        with("sku", sku).with("locationCode", locationCode).with("requested", requested).with("available",
                available);
    }
}
