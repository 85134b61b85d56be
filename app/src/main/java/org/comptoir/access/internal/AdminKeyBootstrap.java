package org.comptoir.access.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.comptoir.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure somebody can administer a fresh installation. */
@Component
@Order(0)
class AdminKeyBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeys keys;
    private final AccessSettings settings;

    AdminKeyBootstrap(ApiKeys keys, AccessSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        String configured = settings.adminApiKey();
        if (configured != null && !configured.isBlank()) {
            if (!configured.startsWith(ApiKeys.PREFIX) || configured.length() < 24) {
                throw new IllegalStateException("COMPTOIR_ADMIN_API_KEY must start with " + ApiKeys.PREFIX
                        + " and have at least 24 characters");
            }
            if (!keys.exists(configured)) {
                keys.store("admin (COMPTOIR_ADMIN_API_KEY)", Set.of(Role.ADMIN), Optional.empty(), configured,
                        Optional.empty());
                log.info("Installed the admin API key given by COMPTOIR_ADMIN_API_KEY");
            }
            return;
        }
        if (!keys.hasActiveAdmin()) {
            var issued = keys.issue("admin (first start)", Set.of(Role.ADMIN), Optional.empty(), Optional.empty());
            Path file = write(issued.secret());
            log.warn("""

                    ==========================================================================
                      Admin API key written to {} (readable by you only)
                      Keep it elsewhere, then delete the file. Use it as: Authorization: Bearer <key>
                    ==========================================================================""",
                    file.toAbsolutePath().normalize());
        }
    }

    /** The key goes to a file of the platform's user, never to a log, which others read and keep. */
    private Path write(String secret) {
        Path file = Path.of(settings.adminKeyFile());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, secret + System.lineSeparator());
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("The generated admin API key could not be written to " + file
                    + "; set COMPTOIR_ADMIN_API_KEY instead", e);
        }
    }
}
