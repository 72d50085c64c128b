package dev.slens.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Lambda quotas and reserved environment variable names that rules check, kept as data in
 * {@code lambda-limits.tsv} and {@code lambda-reserved-environment.txt} next to this class so
 * that a release can refresh them without a code change.
 */
public final class LambdaLimits {

    public static final String MEMORY_MIN = "memory.min";
    public static final String MEMORY_MAX = "memory.max";
    public static final String MEMORY_DEFAULT = "memory.default";
    public static final String TIMEOUT_MIN = "timeout.min";
    public static final String TIMEOUT_MAX = "timeout.max";
    public static final String TIMEOUT_DEFAULT = "timeout.default";
    public static final String STORAGE_MIN = "ephemeralStorage.min";
    public static final String STORAGE_MAX = "ephemeralStorage.max";
    public static final String ENVIRONMENT_MAX_BYTES = "environment.maxBytes";
    public static final String LAYERS_MAX = "layers.max";
    public static final String ZIPPED_MAX_BYTES = "package.zippedMaxBytes";
    public static final String UNZIPPED_MAX_BYTES = "package.unzippedMaxBytes";

    /** The limits shipped with slens, loaded once when the class initializes. */
    public static final LambdaLimits BUILT_IN = new LambdaLimits(
            parse(read("lambda-limits.tsv"), "lambda-limits.tsv"),
            Set.copyOf(read("lambda-reserved-environment.txt").stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(String::strip)
                    .toList()));

    private final Map<String, Long> values;
    private final Set<String> reservedEnvironment;

    private LambdaLimits(Map<String, Long> values, Set<String> reservedEnvironment) {
        this.values = Map.copyOf(values);
        this.reservedEnvironment = reservedEnvironment;
    }

    /**
     * Returns the limit {@code name}, such as {@link #MEMORY_MAX}.
     *
     * @throws IllegalArgumentException when the table has no such limit
     */
    public long get(String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("lambda-limits.tsv has no limit '" + name + "'");
        }
        return value;
    }

    /** Returns whether Lambda rejects {@code name} as an environment variable it sets itself. */
    public boolean isReservedEnvironmentName(String name) {
        return reservedEnvironment.contains(name);
    }

    /**
     * Parses the table: lines starting with {@code #} are comments, the first other line is the
     * header, and each further line is a tab-separated name, value, unit and meaning.
     */
    static Map<String, Long> parse(List<String> lines, String source) {
        Map<String, Long> values = new HashMap<>();
        boolean header = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] cells = line.split("\t");
            try {
                values.put(cells[0], Long.parseLong(cells[1]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalStateException(source + " line " + (i + 1)
                        + " is not a name and a whole number: '" + line + "'", e);
            }
        }
        return values;
    }

    private static List<String> read(String resource) {
        try (InputStream in = LambdaLimits.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + resource, e);
        }
    }
}
