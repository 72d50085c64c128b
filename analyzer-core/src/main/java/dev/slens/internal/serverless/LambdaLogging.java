package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A function's advanced logging settings: {@code provider.logs.lambda} and the function's own
 * {@code logs}, which become the function's {@code LoggingConfig}. A key the function sets
 * replaces the provider's key of the same name, and the other provider keys still apply.
 * NOTE: the framework's docs say only that function settings override provider settings, so
 * the merge per key is an assumption.
 */
final class LambdaLogging {

    private static final Map<String, String> PROPERTIES = Map.of(
            "logFormat", "LogFormat",
            "applicationLogLevel", "ApplicationLogLevel",
            "systemLogLevel", "SystemLogLevel",
            "logGroup", "LogGroup");

    private final Map<String, MapNode.Entry> settings = new LinkedHashMap<>();
    private SourceSpan span;

    LambdaLogging(ServiceModel model, MapNode function) {
        read(model.providerEntry("logs", "lambda"));
        read(ServiceModel.entry(function, "logs"));
    }

    private void read(MapNode.Entry source) {
        MapNode map = source == null ? null : source.value().asMap();
        if (map == null) {
            return;
        }
        for (MapNode.Entry entry : map.entries()) {
            if (PROPERTIES.containsKey(entry.key()) && !ServiceModel.isNull(entry.value())) {
                settings.put(entry.key(), entry);
                span = source.keySpan();
            }
        }
    }

    /**
     * Returns whether a log group is named for the function. The framework then creates no
     * {@code <Function>LogGroup} of its own.
     */
    boolean namesLogGroup() {
        return settings.containsKey("logGroup");
    }

    /** Returns the key the {@code LoggingConfig} is reported at, or {@code null} when unset. */
    SourceSpan span() {
        return span;
    }

    /** Returns the {@code LoggingConfig} map, or {@code null} when no setting applies. */
    MapNode config() {
        if (settings.isEmpty()) {
            return null;
        }
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : settings.values()) {
            Node value = entry.value();
            entries.add(new MapNode.Entry(PROPERTIES.get(entry.key()), entry.keySpan(), value));
        }
        return new MapNode(entries, span);
    }
}
