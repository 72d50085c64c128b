package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.EventSource;
import dev.slens.index.Value;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.RuleContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Reads the settings of event source mappings, with Lambda's defaults for missing ones. */
final class MappingSettings {

    /** The batch size Lambda uses for SQS when a mapping sets none. */
    static final BigDecimal SQS_DEFAULT_BATCH = BigDecimal.TEN;

    private MappingSettings() {
    }

    /**
     * Returns the known values of a numeric setting, each with the node to report at; when
     * the setting is missing, returns {@code fallback} at the mapping, or nothing when
     * {@code fallback} is {@code null}.
     */
    static List<Number> numbers(RuleContext context, Resource mapping, String key,
            BigDecimal fallback) {
        Node node = mapping.property(key);
        List<Number> numbers = new ArrayList<>();
        if (node == null) {
            if (fallback != null) {
                numbers.add(new Number(fallback, null, ""));
            }
            return numbers;
        }
        for (Alternative alternative : context.evaluator().alternatives(node)) {
            BigDecimal value = Seconds.of(alternative);
            if (value != null) {
                numbers.add(new Number(value, alternative.node(), alternative.qualifier()));
            }
        }
        return numbers;
    }

    /**
     * Returns whether some branch of {@code FunctionResponseTypes} may lack
     * {@code ReportBatchItemFailures}. A list whose items cannot be known counts as having it.
     */
    static boolean lacksPartialBatchResponse(RuleContext context, Resource mapping) {
        Node types = mapping.property("FunctionResponseTypes");
        if (types == null) {
            return true;
        }
        for (Alternative item : context.evaluator().elements(types)) {
            String text = item.value().exactText();
            if (text == null && !(item.value() instanceof Value.Structure)
                    || "ReportBatchItemFailures".equals(text)) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether the mapping reads an SQS queue. */
    static boolean readsQueue(RuleContext context, Resource mapping) {
        return context.index().eventSource(mapping).kind() == EventSource.Kind.QUEUE;
    }

    /**
     * A known value of a setting.
     *
     * @param value the number
     * @param node where it is written, or {@code null} when it is Lambda's default
     * @param qualifier the conditions and parameters behind it, for messages
     */
    record Number(BigDecimal value, Node node, String qualifier) { }
}
