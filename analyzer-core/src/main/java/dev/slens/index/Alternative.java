package dev.slens.index;

import dev.slens.model.Node;
import java.util.List;

/**
 * One value a node may take, with what it depends on.
 *
 * @param value the value
 * @param conditions the {@code Fn::If} branches taken to reach it, such as
 *     "condition 'IsDev' is true"; empty when it holds unconditionally
 * @param via parameters whose default or allowed value was used, such as
 *     "parameter 'Scope' default"
 * @param node the node the value was written in; findings point there
 */
public record Alternative(Value value, List<String> conditions, List<String> via, Node node) {

    public Alternative {
        conditions = List.copyOf(conditions);
        via = List.copyOf(via);
    }

    /** Returns a phrase such as " (when condition 'IsDev' is true)" for messages, or "". */
    public String qualifier() {
        if (conditions.isEmpty() && via.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (");
        if (!via.isEmpty()) {
            text.append("through ").append(String.join(", ", via));
        }
        if (!conditions.isEmpty()) {
            text.append(via.isEmpty() ? "" : ", ").append("when ")
                    .append(String.join(" and ", conditions));
        }
        return text.append(')').toString();
    }
}
