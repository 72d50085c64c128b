package dev.slens.load;

import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Wraps SnakeYAML's parser to stop at the first event past a limit, with its line: a collection
 * nested deeper than {@link LoadLimits#maxDepth()}, or the start of a second document. SnakeYAML's
 * own checks report neither place, and its composer recurses once per level, so the depth must be
 * checked before it composes.
 */
final class LimitedYamlParser implements Parser {

    private final Parser parser;
    private final int maxDepth;
    private final Utf16Columns columns;
    private int depth;
    private Event firstDocument;

    LimitedYamlParser(Parser parser, int maxDepth, Utf16Columns columns) {
        this.parser = parser;
        this.maxDepth = maxDepth;
        this.columns = columns;
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
