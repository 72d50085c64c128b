package dev.slens.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON with Jackson's streaming parser, keeping the location of every value. Trailing
 * commas are accepted, as CloudFormation accepts them; {@link TrailingCommas} reports each one.
 */
final class JsonTreeBuilder {

    private final LoadLimits limits;
    private final JsonFactory factory;
    private final List<YamlTreeBuilder.Duplicate> duplicates = new ArrayList<>();
    private long nodes;

    JsonTreeBuilder(LoadLimits limits) {
        this.limits = limits;
        this.factory = JsonFactory.builder()
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
                // value() reports the first level past the limit with its line first.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxDepth() + 1).build())
                .build();
    }

    List<YamlTreeBuilder.Duplicate> duplicates() {
        return duplicates;
    }

    Node build(String text) {
        try (JsonParser parser = factory.createParser(text)) {
            try {
                return document(parser);
            } catch (JsonProcessingException e) {
                // A broken limit, such as a number longer than 1,000 digits, has no location.
                JsonLocation location = e.getLocation() != null ? e.getLocation()
                        : parser.currentLocation();
                throw new LoadException("invalid JSON: "
                        + JsonMessages.describe(e.getOriginalMessage()),
                        SourceSpan.at(location.getLineNr(), location.getColumnNr()), e);
            }
        } catch (IOException e) {
            throw new LoadException("failed to read JSON: " + e.getMessage(), SourceSpan.NONE, e);
        }
    }

    private Node document(JsonParser parser) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return null;
        }
        Node root = value(parser, 0);
        if (parser.nextToken() != null) {
            throw new LoadException("unexpected content after the end of the JSON document",
                    start(parser));
        }
        return root;
    }

    /** Reads the value at the current token, inside {@code depth} open objects and arrays. */
    private Node value(JsonParser parser, int depth) throws IOException {
        if (++nodes > limits.maxNodes()) {
            throw new LoadException("document has more than " + limits.maxNodes() + " nodes",
                    start(parser));
        }
        JsonToken token = parser.currentToken();
        boolean opens = token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY;
        if (opens && depth + 1 > limits.maxDepth()) {
            throw new LoadException("nesting is deeper than " + limits.maxDepth() + " levels",
                    start(parser));
        }
        JsonLocation begin = parser.currentTokenLocation();
        return switch (token) {
            case START_OBJECT -> object(parser, begin, depth + 1);
            case START_ARRAY -> array(parser, begin, depth + 1);
            case VALUE_STRING -> scalar(parser, begin, ScalarNode.Kind.STRING);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                    scalar(parser, begin, ScalarNode.Kind.NUMBER);
            case VALUE_TRUE, VALUE_FALSE -> scalar(parser, begin, ScalarNode.Kind.BOOLEAN);
            case VALUE_NULL -> new ScalarNode(null, ScalarNode.Kind.NULL, end(parser, begin));
            default -> throw new LoadException("unexpected JSON token " + parser.currentToken(),
                    start(parser));
        };
    }

    private Node object(JsonParser parser, JsonLocation begin, int depth) throws IOException {
        List<MapNode.Entry> entries = new ArrayList<>();
        Map<String, SourceSpan> firstSeen = new HashMap<>();
        Map<String, MapNode.Entry> byKey = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyStart = parser.currentTokenLocation();
            SourceSpan keySpan = new SourceSpan(keyStart.getLineNr(), keyStart.getColumnNr(),
                    keyStart.getLineNr(), keyStart.getColumnNr() + key.length() + 2);
            parser.nextToken();
            Node value = value(parser, depth);
            SourceSpan previous = firstSeen.putIfAbsent(key, keySpan);
            if (previous != null) {
                duplicates.add(new YamlTreeBuilder.Duplicate(key, previous, keySpan));
                byKey.remove(key);
            }
            byKey.put(key, new MapNode.Entry(key, keySpan, value));
        }
        entries.addAll(byKey.values());
        return new MapNode(entries, end(parser, begin));
    }

    private Node array(JsonParser parser, JsonLocation begin, int depth) throws IOException {
        List<Node> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(parser, depth));
        }
        return new ListNode(items, end(parser, begin));
    }

    private static Node scalar(JsonParser parser, JsonLocation begin, ScalarNode.Kind kind)
            throws IOException {
        return new ScalarNode(parser.getText(), kind, end(parser, begin));
    }

    private static SourceSpan end(JsonParser parser, JsonLocation begin) {
        JsonLocation after = parser.currentLocation();
        return new SourceSpan(begin.getLineNr(), begin.getColumnNr(), after.getLineNr(),
                after.getColumnNr());
    }

    private static SourceSpan start(JsonParser parser) {
        JsonLocation location = parser.currentTokenLocation();
        return SourceSpan.at(location.getLineNr(), location.getColumnNr());
    }
}
