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
 * {@code logs}, which become the function's {@code LoggingConfig}. Each key is the function's
 * value, else the provider's, as the framework's {@code compileFunction} reads them (v4 source,
 * packages/serverless/lib/plugins/aws/package/compile/functions.js).
 * NOTE: the framework writes applicationLogLevel and systemLogLevel only when the resulting
 * logFormat is JSON and drops them silently otherwise. slens keeps them in LoggingConfig, so
 * that SL1068 can report a level that has no effect.
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
