package dev.slens.model;

import java.util.List;
import java.util.Objects;

/**
 * The deployment package of a Serverless Framework function or layer, when the framework builds
 * it from a local folder or takes a local archive.
 *
 * @param location the folder or archive, relative to the folder of the service file
 * @param patterns glob patterns relative to {@code location}, applied in order to every file:
 *     a pattern keeps the files it matches, and a pattern that starts with {@code !} drops
 *     them; every file is kept when the list is empty
 * @param span where findings about the package point: the key that sets it, or the function's
 *     key when the framework's defaults apply
 */
public record LocalPackage(String location, List<String> patterns, SourceSpan span) {

    public LocalPackage {
        Objects.requireNonNull(location, "location");
        patterns = List.copyOf(patterns);
        Objects.requireNonNull(span, "span");
    }
}
