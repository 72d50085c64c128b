package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The DynamoDB tables and indexes that Application Auto Scaling targets of a template scale,
 * read from each {@code AWS::ApplicationAutoScaling::ScalableTarget} with the service namespace
 * {@code dynamodb}. A target's {@code ResourceId} is {@code table/<name>} or
 * {@code table/<name>/index/<index>}, where the name is a {@code Ref} to the table or its
 * literal {@code TableName}.
 */
final class ScalableTargets {

    private static final String READ = "ReadCapacityUnits";
    private static final String WRITE = "WriteCapacityUnits";

    /** Keys such as {@code {{ref:Orders}}/index/ByDate|dynamodb:index:ReadCapacityUnits}. */
    private final Set<String> scaled = new HashSet<>();
    /** Dimensions of targets whose table cannot be known, which may scale any table. */
    private final Set<String> unresolved = new HashSet<>();
    private final RuleContext context;

    ScalableTargets(RuleContext context) {
        this.context = context;
        for (Resource target : context.template().resourcesOfType(
                "AWS::ApplicationAutoScaling::ScalableTarget")) {
            String namespace = text(target.property("ServiceNamespace"));
            String dimension = text(target.property("ScalableDimension"));
            if (dimension == null || namespace != null && !namespace.equals("dynamodb")) {
                continue;
            }
            Node resourceId = target.property("ResourceId");
            for (Alternative alternative : resourceId == null ? List.<Alternative>of()
                    : context.evaluator().alternatives(resourceId)) {
                String id = anyText(alternative.value());
                boolean known = id != null && id.startsWith("table/")
                        && (!id.contains("{{") || id.startsWith("table/{{ref:"));
                if (!known) {
                    unresolved.add(dimension);
                } else {
                    scaled.add(id.substring("table/".length()) + "|" + dimension);
                }
            }
        }
    }

    /**
     * Returns which of read and write capacity of {@code table}, or of its index {@code index}
     * when not {@code null}, no target scales: empty when both are scaled.
     */
    List<String> missing(Resource table, String index) {
        String kind = index == null ? "dynamodb:table:" : "dynamodb:index:";
        String suffix = index == null ? "" : "/index/" + index;
        List<String> names = new ArrayList<>(List.of("{{ref:" + table.logicalId() + "}}"));
        Node tableName = table.property("TableName");
        for (Alternative alternative : tableName == null ? List.<Alternative>of()
                : context.evaluator().alternatives(tableName)) {
            String name = anyText(alternative.value());
            if (name != null) {
                names.add(name);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String dimension : List.of(READ, WRITE)) {
            boolean found = unresolved.contains(kind + dimension);
            for (String name : names) {
                found |= scaled.contains(name + suffix + "|" + kind + dimension);
            }
            if (!found) {
                missing.add(dimension.equals(READ) ? "reads" : "writes");
            }
        }
        return missing;
    }

    /** Returns the text of a string value, placeholders included, or {@code null}. */
    private static String anyText(Value value) {
        return value instanceof Value.Text text ? text.text() : null;
    }

    private String text(Node node) {
        return node == null ? null : context.evaluator().exactText(node);
    }
}
