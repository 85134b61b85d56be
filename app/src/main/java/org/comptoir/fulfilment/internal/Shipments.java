package org.comptoir.fulfilment.internal;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.comptoir.fulfilment.Routing;
import org.comptoir.platform.persistence.Ids;
import org.comptoir.platform.web.ApiProblem;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.Barcode128;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Service;

/**
 * Shipments of fulfilment orders: the carrier service chosen (cheapest meeting the promised date,
 * else fastest, with why), the parcels and their weight, a tracking number, and the label as a PDF
 * document. Carriers have no remote API here: the tracking number is drawn in the service's name, as
 * a carrier's label API would give it.
 */
@Service
class Shipments {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A parcel's weight when the packer did not weigh it. */
    static final int DEFAULT_WEIGHT_GRAMS = 1000;

    /** What the packer says when shipping: all optional. */
    record ShipRequest(String trackingNumber, Integer weightGrams, Integer parcels, String serviceCode,
            LocalDate promisedBy) {

        static final ShipRequest NONE = new ShipRequest(null, null, null, null, null);
    }

    private final CarrierRepository carriers;
    private final Sites sites;

    Shipments(CarrierRepository carriers, Sites sites) {
        this.carriers = carriers;
        this.sites = sites;
    }

    /**
     * Opens the shipment of a fulfilment order leaving its location, when carrier services are
     * configured for its method; without any, it leaves with the tracking number given (if any).
     */
    Optional<CarrierRepository.Shipment> open(FulfilmentOrder f, Routing.Group group, ShipRequest request,
            Instant now) {
        DeliveryMethod method = f.kind() == FulfilmentOrder.Kind.TRANSFER ? DeliveryMethod.HOME_DELIVERY
                : DeliveryMethod.valueOf(f.method());
        List<CarrierChoice.Service> services = carriers.services().stream()
                .filter(s -> request.serviceCode() == null || s.code().equals(request.serviceCode())).toList();
        if (request.serviceCode() != null && services.isEmpty()) {
            throw ApiProblem.invalid("serviceCode", "no carrier service has the code " + request.serviceCode());
        }
        if (services.stream().noneMatch(s -> s.method() == method && s.active())) {
            return Optional.empty();
        }
        int parcels = request.parcels() == null ? 1 : request.parcels();
        int weight = request.weightGrams() == null ? DEFAULT_WEIGHT_GRAMS * parcels : request.weightGrams();
        ZoneId zone = sites.zoneOf(f.locationCode());
        String country = f.kind() == FulfilmentOrder.Kind.TRANSFER || group == null ? null : group.country();
        // Parcels go one by one: each must fit the service's bands.
        int perParcel = (weight + parcels - 1) / parcels;
        var choice = CarrierChoice.choose(services, method, country, perParcel, now.atZone(zone),
                request.promisedBy()).orElseThrow(() -> ApiProblem.conflict("no-carrier-service",
                "No active carrier service takes " + perParcel + " g parcels by " + method
                        + (country == null ? "" : " to " + country)));
        String tracking = request.trackingNumber() != null ? request.trackingNumber()
                : choice.service().code().replaceAll("[^A-Z0-9]", "") + String.format("%010d",
                        RANDOM.nextLong(10_000_000_000L));
        var shipment = new CarrierRepository.Shipment(Ids.newId(), f.id(), choice.service().code(),
                choice.service().carrier(), tracking, parcels, weight, choice.price() * parcels, choice.currency(),
                choice.deliveredBy(), request.promisedBy(), choice.reason(), "LABELLED", now, now);
        carriers.insert(shipment);
        return Optional.of(shipment);
    }

    /** The shipping label: carrier, service, tracking number as a Code 128 bar code, from and to. */
    byte[] label(CarrierRepository.Shipment s, FulfilmentOrder f, Routing.Group group) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A6, 18, 18, 18, 18);
        PdfWriter writer = PdfWriter.getInstance(document, pdf);
        document.open();
        Font title = new Font(Font.HELVETICA, 14, Font.BOLD);
        Font text = new Font(Font.HELVETICA, 9);
        document.add(new Paragraph(s.carrier() + " - " + s.serviceCode(), title));
        Barcode128 barcode = new Barcode128();
        barcode.setCode(s.trackingNumber());
        Image image = barcode.createImageWithBarcode(writer.getDirectContent(), null, null);
        image.setAlignment(Element.ALIGN_CENTER);
        document.add(image);
        String from = sites.describe(f.locationCode());
        String to = f.kind() == FulfilmentOrder.Kind.TRANSFER ? sites.describe(f.destinationCode())
                : group == null || group.address() == null ? "" : group.address();
        document.add(new Paragraph("From: " + from, text));
        document.add(new Paragraph("To: " + to, text));
        document.add(new Paragraph("Order " + f.orderNumber() + " - " + s.parcels() + " parcel(s), "
                + s.weightGrams() + " g - deliver by " + s.estimatedDelivery(), text));
        document.close();
        return pdf.toByteArray();
    }

    Optional<CarrierRepository.Shipment> find(UUID id) {
        return carriers.find(id);
    }
}
