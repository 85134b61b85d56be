package org.comptoir.pricing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pricesIncludeTax whether price lists hold prices with VAT included (shops selling to
 *     consumers) or without (business to business)
 * @param defaultCountry the VAT country of a quote that does not say
 */
@ConfigurationProperties("comptoir.pricing")
record PricingSettings(@DefaultValue("true") boolean pricesIncludeTax, @DefaultValue("FR") String defaultCountry) {}
