package org.comptoir.customers.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.comptoir.platform.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * Identities are matched exactly on their normalised value: lower-case emails, E.164 phones (through
 * libphonenumber, in the configured region when no country code is given), card numbers without
 * spaces, {@code network:handle} for social and marketplace ids. Also reads customer references.
 */
@Component
class Identities {

    private static final Pattern EMAIL = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");
    private static final Pattern CARD = Pattern.compile("[A-Z0-9]{4,40}");
    private static final Pattern NETWORK_ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,39}:[^\\s:][^\\s]{0,199}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:@-]{4,200}");
    private static final Pattern PROFILE_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final CustomersSettings settings;

    Identities(CustomersSettings settings) {
        this.settings = settings;
    }

    /** An identity as given, read and normalised. */
    record Given(IdentityKind kind, String value, boolean verified) {

        String ref() {
            return kind.ref(value);
        }
    }

    /**
     * The normalised value.
     *
     * @throws ApiProblem 400 naming {@code field} when the value is not one of its kind
     */
    String normalise(IdentityKind kind, String raw, String field) {
        String value = raw == null ? "" : raw.strip();
        if (value.isEmpty()) {
            throw ApiProblem.invalid(field, "is required");
        }
        return switch (kind) {
            case EMAIL -> {
                String email = value.toLowerCase(Locale.ROOT);
                if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                    throw ApiProblem.invalid(field, "is not an email address");
                }
                yield email;
            }
            case PHONE -> {
                try {
                    var number = phones.parse(value, settings.phoneRegion());
                    if (!phones.isValidNumber(number)) {
                        throw ApiProblem.invalid(field, "is not a valid phone number");
                    }
                    yield phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                } catch (NumberParseException e) {
                    throw ApiProblem.invalid(field, "is not a phone number (" + e.getMessage() + ")");
                }
            }
            case LOYALTY_CARD -> {
                String card = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
                if (!CARD.matcher(card).matches()) {
                    throw ApiProblem.invalid(field, "must be 4 to 40 letters and digits");
                }
                yield card;
            }
            case SOCIAL, MARKETPLACE -> {
                int colon = value.indexOf(':');
                String network = colon < 0 ? "" : value.substring(0, colon).toLowerCase(Locale.ROOT);
                String id = colon < 0 ? "" : value.substring(colon + 1).strip();
                if (kind == IdentityKind.SOCIAL) {
                    id = id.replaceFirst("^@", "").toLowerCase(Locale.ROOT);
                }
                String joined = network + ":" + id;
                if (!NETWORK_ID.matcher(joined).matches()) {
                    throw ApiProblem.invalid(field, "must be network:id, such as instagram:@name or amazon-fr:A1B2");
                }
                yield joined;
            }
            case ACCOUNT, DEVICE -> {
                if (!TOKEN.matcher(value).matches()) {
                    throw ApiProblem.invalid(field, "must be 4 to 200 letters, digits or . _ : @ -");
                }
                yield value;
            }
        };
    }

    /** True when the value never recognises anyone (a shared tablet, noemail@…). */
    boolean blocked(IdentityKind kind, String value, List<CustomerRepository.Blocked> blocked) {
        for (String rule : settings.blocked()) {
            int colon = rule.indexOf(':');
            if (colon > 0 && rule.substring(0, colon).equals(kind.name()) && matches(rule.substring(colon + 1), value)) {
                return true;
            }
        }
        return blocked.stream().anyMatch(b -> b.kind() == kind && matches(b.pattern(), value));
    }

    private static boolean matches(String pattern, String value) {
        return pattern.endsWith("*") ? value.startsWith(pattern.substring(0, pattern.length() - 1))
                : value.equals(pattern);
    }

    /** A customer reference read: a profile id, or an identity. */
    record Ref(UUID profileId, IdentityKind kind, String value) {}

    /**
     * Reads a customer reference: a profile id, {@code kind:value} with a known prefix, a bare email,
     * or else the retailer's own account number. Empty when it cannot name anyone.
     */
    Optional<Ref> read(String customerRef) {
        if (customerRef == null || customerRef.isBlank()) {
            return Optional.empty();
        }
        String ref = customerRef.strip();
        if (PROFILE_ID.matcher(ref).matches()) {
            return Optional.of(new Ref(UUID.fromString(ref), null, null));
        }
        int colon = ref.indexOf(':');
        Optional<IdentityKind> kind = colon > 0 ? IdentityKind.ofPrefix(ref.substring(0, colon)) : Optional.empty();
        try {
            if (kind.isPresent()) {
                return Optional.of(new Ref(null, kind.get(), normalise(kind.get(), ref.substring(colon + 1), "ref")));
            }
            if (ref.contains("@")) {
                return Optional.of(new Ref(null, IdentityKind.EMAIL, normalise(IdentityKind.EMAIL, ref, "ref")));
            }
            return Optional.of(new Ref(null, IdentityKind.ACCOUNT, normalise(IdentityKind.ACCOUNT, ref, "ref")));
        } catch (ApiProblem e) {
            return Optional.empty();
        }
    }
}
