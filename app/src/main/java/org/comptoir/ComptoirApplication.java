package org.comptoir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Comptoir: one stock, one price, one customer and one conversation across every channel. Authentication is by API
 * key only (no user store), hence no default user details service.
 */
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class ComptoirApplication {

    public static void main(String[] args) {
        SpringApplication.run(ComptoirApplication.class, args);
    }
}
