package dev.slens;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The slens version, read from a resource that Maven fills in at build time. */
public final class Version {

    private Version() {
    }

    /** Returns the version, or "unknown" when the resource is missing. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/slens/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
