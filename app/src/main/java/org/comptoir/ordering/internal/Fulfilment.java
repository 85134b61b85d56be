package org.comptoir.ordering.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.comptoir.network.Capability;
import org.comptoir.network.ChannelSummary;
import org.comptoir.network.LocationSummary;
import org.comptoir.network.LocationType;
import org.comptoir.network.Network;
import org.comptoir.platform.web.ApiProblem;

/** How a group of lines reaches the customer, and the checks each way needs. */
final class Fulfilment {

    private Fulfilment() {}

    enum Method {
        HOME_DELIVERY,
        /** Home delivery within 24 h, for its own fee. */
        HOME_EXPRESS,
        RELAY_POINT,
        CLICK_AND_COLLECT,
        RESERVE_AND_COLLECT,
        CARRY_OUT;

        /** Collected or carried out in a store: the stock is held in that store. */
        boolean atStore() {
            return this == CLICK_AND_COLLECT || this == RESERVE_AND_COLLECT || this == CARRY_OUT;
        }

        /** Sent by a carrier, for a fee. */
        boolean shipped() {
            return this == HOME_DELIVERY || this == HOME_EXPRESS || this == RELAY_POINT;
        }
    }

    /** A delivery address; its optional position lets sourcing rate locations by distance to it. */
    record Address(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
            @NotBlank @Size(max = 20) String postalCode, @NotBlank @Size(max = 100) String city,
            @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as FR")
            String country,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude) {}

    /** A fulfilment choice for the lines of one group. */
    record Group(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,39}",
            message = "must be 1 to 40 lower-case letters, digits, '-' or '_'") String code,
            @NotNull Method method, @Size(max = 40) String locationCode, @Size(max = 80) String relayPoint,
            @Valid Address address) {}

    /** Refuses a choice the channel or the store cannot honour. */
    static void check(Group group, ChannelSummary channel, Network network, String field) {
        switch (group.method()) {
            case HOME_DELIVERY, HOME_EXPRESS -> {
                if (group.address() == null) {
                    throw ApiProblem.invalid(field + ".address", "is required for home delivery");
                }
            }
            case RELAY_POINT -> {
                if (group.relayPoint() == null || group.relayPoint().isBlank()) {
                    throw ApiProblem.invalid(field + ".relayPoint", "is required for a relay point delivery");
                }
            }
            case CLICK_AND_COLLECT, RESERVE_AND_COLLECT, CARRY_OUT -> {
                if (group.locationCode() == null) {
                    throw ApiProblem.invalid(field + ".locationCode", "names the store");
                }
                LocationSummary store = network.location(group.locationCode()).filter(LocationSummary::active)
                        .orElseThrow(() -> ApiProblem.invalid(field + ".locationCode",
                                "no active location has the code " + group.locationCode()));
                if (!channel.locationCodes().contains(store.code())) {
                    throw ApiProblem.invalid(field + ".locationCode", "is not a location channel " + channel.code()
                            + " sells from");
                }
                Set<Capability> can = store.capabilities();
                boolean able = switch (group.method()) {
                    case CLICK_AND_COLLECT -> can.contains(Capability.CLICK_AND_COLLECT);
                    case RESERVE_AND_COLLECT -> can.contains(Capability.RESERVE_AND_COLLECT)
                            || can.contains(Capability.CLICK_AND_COLLECT);
                    default -> store.type() == LocationType.STORE;
                };
                if (!able) {
                    throw ApiProblem.invalid(field + ".method", store.code() + " does not offer "
                            + group.method().name().toLowerCase().replace('_', ' '));
                }
            }
        }
    }
}
