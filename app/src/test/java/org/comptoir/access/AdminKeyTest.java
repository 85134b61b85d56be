package org.comptoir.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.comptoir.support.Platform;
import org.comptoir.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The admin key generated on a first start goes to a file of the platform's user, never to the log. */
@ExtendWith(OutputCaptureExtension.class)
class AdminKeyTest {

    @Test
    void theGeneratedAdminKeyIsWrittenToAPrivateFileAndNeverLogged(CapturedOutput output) throws Exception {
        Path file = Path.of("target", "admin-key-test", "admin-api-key");
        Files.deleteIfExists(file);
        try (Platform platform = Platform.start(TestDatabase.fresh("comptoir_admin_key"), Map.of(
                "comptoir.access.admin-api-key", "", "comptoir.access.admin-key-file", file.toString()))) {
            String key = Files.readString(file).strip();
            assertThat(key).startsWith("ck_");
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
            var api = platform.admin().as(key);
            assertThat(api.get("/api/v1/api-keys").status()).isEqualTo(200);
            assertThat(output.getAll()).contains(file.getFileName().toString()).doesNotContain(key);
        }
        String key = Files.readString(file).strip();
        assertThat(output.getAll()).as("nothing logged it after the start either").doesNotContain(key);
    }
}
