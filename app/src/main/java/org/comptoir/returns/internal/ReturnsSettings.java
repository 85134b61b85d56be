package org.comptoir.returns.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param window how long after the goods reached the customer they may be returned */
@ConfigurationProperties("comptoir.returns")
record ReturnsSettings(@DefaultValue("30d") Duration window) {}
