package org.comptoir.network.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.comptoir.network.Capability;
import org.comptoir.network.ChannelType;
import org.comptoir.network.LocationType;
import org.comptoir.network.internal.LocationPayload.AddressPayload;
import org.comptoir.network.internal.LocationPayload.Coordinates;
import org.comptoir.network.internal.LocationPayload.ExceptionPayload;
import org.comptoir.network.internal.LocationPayload.HoursPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo retailer "Jardin & Co": two warehouses, a relay point and thirteen stores at their real
 * coordinates (Paris stores within and beyond 16 km of Notre-Dame, then Lyon, Lille, Bordeaux and
 * Marseille), and its sales channels. Loaded on a first start when {@code comptoir.demo.enabled}.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "comptoir.demo.enabled", havingValue = "true")
class DemoNetwork implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);

    private final Locations locations;
    private final Channels channels;
    private final LocationRepository repository;

    DemoNetwork(Locations locations, Channels channels, LocationRepository repository) {
        this.locations = locations;
        this.channels = channels;
        this.repository = repository;
    }

    private record Site(String code, String name, LocationType type, String street, String postalCode, String city,
            double latitude, double longitude) {}

    private static final List<Site> SITES = List.of(
            new Site("WH-RUNGIS", "Entrepôt Rungis", LocationType.WAREHOUSE, "12 rue des Transports", "94150",
                    "Rungis", 48.7469, 2.3513),
            new Site("WH-LYON", "Entrepôt Saint-Priest", LocationType.WAREHOUSE, "5 rue du Dauphiné", "69800",
                    "Saint-Priest", 45.6960, 4.9440),
            new Site("ST-PARIS-BASTILLE", "Jardin & Co Bastille", LocationType.STORE, "10 rue de la Roquette",
                    "75011", "Paris", 48.8532, 2.3712),
            new Site("ST-PARIS-MONTPARNASSE", "Jardin & Co Montparnasse", LocationType.STORE, "20 rue du Départ",
                    "75014", "Paris", 48.8421, 2.3219),
            new Site("ST-BOULOGNE", "Jardin & Co Boulogne", LocationType.STORE, "50 avenue Jean-Baptiste Clément",
                    "92100", "Boulogne-Billancourt", 48.8397, 2.2399),
            new Site("ST-VINCENNES", "Jardin & Co Vincennes", LocationType.STORE, "15 rue du Midi", "94300",
                    "Vincennes", 48.8474, 2.4391),
            new Site("ST-SAINT-DENIS", "Jardin & Co Saint-Denis", LocationType.STORE, "8 rue de la République",
                    "93200", "Saint-Denis", 48.9362, 2.3574),
            new Site("ST-CRETEIL", "Jardin & Co Créteil", LocationType.STORE, "1 avenue de la France Libre",
                    "94000", "Créteil", 48.7904, 2.4556),
            new Site("ST-VERSAILLES", "Jardin & Co Versailles", LocationType.STORE, "30 rue de la Paroisse",
                    "78000", "Versailles", 48.8049, 2.1204),
            new Site("ST-CERGY", "Jardin & Co Cergy", LocationType.STORE, "3 rue de l'Abondance", "95000", "Cergy",
                    49.0364, 2.0761),
            new Site("ST-VAL-EUROPE", "Jardin & Co Val d'Europe", LocationType.STORE, "14 cours du Danube",
                    "77700", "Serris", 48.8544, 2.7836),
            new Site("ST-LYON", "Jardin & Co Lyon Part-Dieu", LocationType.STORE, "17 rue du Docteur Bouchut",
                    "69003", "Lyon", 45.7606, 4.8590),
            new Site("ST-LILLE", "Jardin & Co Lille", LocationType.STORE, "31 rue de Béthune", "59800", "Lille",
                    50.6365, 3.0635),
            new Site("ST-BORDEAUX", "Jardin & Co Bordeaux", LocationType.STORE, "60 rue Sainte-Catherine", "33000",
                    "Bordeaux", 44.8412, -0.5733),
            new Site("ST-MARSEILLE", "Jardin & Co Marseille", LocationType.STORE, "40 rue Saint-Ferréol", "13001",
                    "Marseille", 43.2935, 5.3779),
            new Site("RP-PARIS-11", "Relais Oberkampf", LocationType.RELAY_POINT, "90 rue Oberkampf", "75011",
                    "Paris", 48.8656, 2.3781));

    @Override
    public void run(ApplicationArguments args) {
        if (repository.any()) {
            return;
        }
        for (Site site : SITES) {
            locations.create(payload(site));
        }
        List<String> stores = SITES.stream().filter(s -> s.type() == LocationType.STORE).map(Site::code).toList();
        List<String> warehouses = SITES.stream().filter(s -> s.type() == LocationType.WAREHOUSE).map(Site::code)
                .toList();
        List<String> everywhere = SITES.stream().filter(s -> s.type() != LocationType.RELAY_POINT).map(Site::code)
                .toList();
        // Shoppers pay online by bank transfer (no card gateway ships with the demo); tills take cash and cards.
        Set<String> online = Set.of("BANK_TRANSFER");
        channels.create(new ChannelPayload("WEB", "Boutique en ligne", ChannelType.WEB, "EUR", Set.copyOf(everywhere),
                true, online));
        channels.create(new ChannelPayload("APP", "Application mobile", ChannelType.APP, "EUR", Set.copyOf(everywhere),
                true, online));
        channels.create(new ChannelPayload("STORES", "Magasins", ChannelType.STORE, "EUR", Set.copyOf(stores), true,
                Set.of()));
        channels.create(new ChannelPayload("PHONE", "Service client téléphone", ChannelType.PHONE, "EUR",
                Set.copyOf(everywhere), true, online));
        channels.create(new ChannelPayload("MARKETPLACE", "Place de marché", ChannelType.MARKETPLACE, "EUR",
                Set.copyOf(warehouses), true, Set.of()));
        channels.create(new ChannelPayload("INSTAGRAM", "Instagram Shopping", ChannelType.SOCIAL, "EUR",
                Set.copyOf(warehouses), true, Set.of()));
        log.info("Demo network loaded: {} locations, 6 channels", SITES.size());
    }

    private static LocationPayload payload(Site site) {
        boolean store = site.type() == LocationType.STORE;
        List<HoursPayload> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (site.type() == LocationType.WAREHOUSE) {
                if (day.getValue() <= 5) {
                    hours.add(new HoursPayload(day, LocalTime.of(6, 0), LocalTime.of(22, 0)));
                }
            } else if (day == DayOfWeek.SUNDAY) {
                hours.add(new HoursPayload(day, LocalTime.of(9, 30), LocalTime.of(13, 0)));
            } else {
                hours.add(new HoursPayload(day, LocalTime.of(9, 30), LocalTime.of(19, 30)));
            }
        }
        List<ExceptionPayload> holidays = List.of(
                new ExceptionPayload(LocalDate.of(2026, 12, 25), "Noël", List.of()),
                new ExceptionPayload(LocalDate.of(2027, 1, 1), "Jour de l'an", List.of()),
                new ExceptionPayload(LocalDate.of(2026, 12, 24), "Réveillon", List.of(
                        new LocationPayload.RangePayload(LocalTime.of(9, 30), LocalTime.of(17, 0)))));
        Set<Capability> capabilities = switch (site.type()) {
            case WAREHOUSE, DISTRIBUTION_CENTRE -> EnumSet.of(Capability.SHIPS_PARCELS);
            case STORE -> EnumSet.of(Capability.CLICK_AND_COLLECT, Capability.SHIP_FROM_STORE,
                    Capability.ACCEPTS_RETURNS, Capability.RESERVE_AND_COLLECT, Capability.SHIPS_PARCELS);
            case RELAY_POINT -> EnumSet.of(Capability.CLICK_AND_COLLECT);
        };
        Integer capacity = switch (site.type()) {
            case STORE -> 80;
            case WAREHOUSE, DISTRIBUTION_CENTRE -> 5000;
            case RELAY_POINT -> null;
        };
        return new LocationPayload(site.code(), site.name(), site.type(),
                new AddressPayload(site.street(), null, site.postalCode(), site.city(), null, "FR"),
                new Coordinates(site.latitude(), site.longitude()), "Europe/Paris", hours,
                store ? holidays : List.of(), capabilities, capacity, true);
    }
}
