package dev.slens.load;

import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Wraps SnakeYAML's parser to stop at the first event past a limit, with its line: a collection
 * nested deeper than {@link LoadLimits#maxDepth()}, an alias to a collection past
 * {@link LoadLimits#maxAliases()}, a node past {@link LoadLimits#maxNodes()} with every alias
 * expanded, an alias past {@link LoadLimits#maxAliasedChars()}, or the start of a second
 * document. SnakeYAML's own checks report none of these places, and its composer recurses once
 * per level, so the depth must be checked before it composes. Counting nodes here, while the
 * events stream in, stops a file over the node limit before its whole node graph is built.
 */
final class LimitedYamlParser implements Parser {

    private final Parser parser;
    private final int maxDepth;
    private final int maxAliases;
    private final Utf16Columns columns;
    private final Set<String> collectionAnchors = new HashSet<>();
    private final ExpandedSize size;
    private int depth;
    private int collectionAliases;
    private Event firstDocument;

    LimitedYamlParser(Parser parser, LoadLimits limits, Utf16Columns columns) {
        this.parser = parser;
        this.maxDepth = limits.maxDepth();
        this.maxAliases = limits.maxAliases();
        this.columns = columns;
        this.size = new ExpandedSize(limits, columns);
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        inspect(parser.peekEvent());
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return inspect(parser.peekEvent());
    }

    @Override
    public Event getEvent() {
        Event event = inspect(parser.getEvent());
        size.count(event);
        if (event instanceof CollectionStartEvent start && start.getAnchor() != null) {
            collectionAnchors.add(start.getAnchor());
        } else if (event instanceof AliasEvent alias
                && collectionAnchors.contains(alias.getAnchor())
                && ++collectionAliases > maxAliases) {
            // SnakeYAML's own count of these aliases fails without a line.
            throw new LoadException("more than " + maxAliases + " aliases to mappings or lists;"
                    + " write the repeated parts out or use fewer anchors",
                    columns.at(event.getStartMark()));
        }
        if (event.is(Event.ID.SequenceStart) || event.is(Event.ID.MappingStart)) {
            depth++;
            if (depth > maxDepth) {
                throw new LoadException("nesting is deeper than " + maxDepth + " levels",
                        columns.at(event.getStartMark()));
            }
        } else if (event.is(Event.ID.SequenceEnd) || event.is(Event.ID.MappingEnd)) {
            depth--;
        }
        return event;
    }

    private Event inspect(Event event) {
        if (event != null && event.is(Event.ID.DocumentStart) && event != firstDocument) {
            if (firstDocument != null) {
                throw new LoadException("a second YAML document starts here, but a template is"
                        + " one document; split the file or remove the '---' line",
                        columns.at(event.getStartMark()));
            }
            firstDocument = event;
        }
        return event;
    }
}
