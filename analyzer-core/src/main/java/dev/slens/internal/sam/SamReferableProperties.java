package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the referable properties of SAM resources, such as {@code MyFunction.Alias} or
 * {@code MyApi.Stage}, to the logical IDs of the resources SAM generates for them. The SAM
 * translator rewrites {@code Ref}, the list form of {@code Fn::GetAtt} and the {@code ${...}}
 * variables of {@code Fn::Sub} that name one; a reference to a property whose resource was not
 * generated, such as {@code Alias} without {@code AutoPublishAlias}, is kept as written.
 */
final class SamReferableProperties {

    /** Per SAM type, each referable property and the type of the resource it names. */
    private static final Map<String, Map<String, String>> PROPERTIES = Map.of(
            "AWS::Serverless::Function", Map.of(
                    "Alias", "AWS::Lambda::Alias",
                    "Version", "AWS::Lambda::Version",
                    "DestinationTopic", "AWS::SNS::Topic",
                    "DestinationQueue", "AWS::SQS::Queue"),
            "AWS::Serverless::Api", Map.of(
                    "Stage", "AWS::ApiGateway::Stage",
                    "Deployment", "AWS::ApiGateway::Deployment",
                    "DomainName", "AWS::ApiGateway::DomainName",
                    "UsagePlan", "AWS::ApiGateway::UsagePlan",
                    "UsagePlanKey", "AWS::ApiGateway::UsagePlanKey",
                    "ApiKey", "AWS::ApiGateway::ApiKey"),
            "AWS::Serverless::HttpApi", Map.of(
                    "Stage", "AWS::ApiGatewayV2::Stage",
                    "DomainName", "AWS::ApiGatewayV2::DomainName"));

    /** A {@code ${Name.Property}} or {@code ${Name.Property.Attribute}} variable of Fn::Sub. */
    private static final Pattern SUB_VARIABLE =
            Pattern.compile("\\$\\{([A-Za-z0-9]+\\.[A-Za-z]+)((?:\\.[A-Za-z0-9]+)*)}");

    private final Map<String, String> targets;

    private SamReferableProperties(Map<String, String> targets) {
        this.targets = targets;
    }

    /**
     * Returns {@code expanded} with every reference to a referable property of a SAM resource
     * in {@code written} pointing at the generated resource.
     */
    static List<Resource> resolve(List<Resource> written, List<Resource> expanded) {
        Map<String, String> samTypes = new HashMap<>();
        written.forEach(resource -> samTypes.put(resource.logicalId(), resource.type()));
        samTypes.putIfAbsent("ServerlessRestApi", "AWS::Serverless::Api");
        samTypes.putIfAbsent("ServerlessHttpApi", "AWS::Serverless::HttpApi");

        Map<String, String> targets = new HashMap<>();
        for (Resource resource : expanded) {
            String owner = resource.generatedFrom();
            Map<String, String> properties = owner == null ? null
                    : PROPERTIES.get(samTypes.get(owner));
            if (properties == null) {
                continue;
            }
            properties.forEach((property, type) -> {
                boolean destination = property.startsWith("Destination");
                // A destination property names the topic or queue of EventInvokeConfig, not
                // the queue of an SNS event's SqsSubscription.
                if (resource.type().equals(type) && (!destination
                        || resource.logicalId().startsWith(owner + "EventInvokeConfig"))) {
                    targets.put(owner + "." + property, resource.logicalId());
                }
            });
        }
        if (targets.isEmpty()) {
            return expanded;
        }
        SamReferableProperties resolver = new SamReferableProperties(targets);
        List<Resource> result = new ArrayList<>();
        for (Resource resource : expanded) {
            result.add(new Resource(resource.logicalId(), resource.type(),
                    (MapNode) resolver.rewrite(resource.properties()), resource.span(),
                    resource.condition(), resource.generatedFrom()));
        }
        return result;
    }

    private Node rewrite(Node node) {
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            list.items().forEach(item -> items.add(rewrite(item)));
            return new ListNode(items, list.span());
        }
        if (!(node instanceof MapNode map)) {
            return node;
        }
        String function = node.intrinsicName();
        List<MapNode.Entry> entries = new ArrayList<>();
        for (MapNode.Entry entry : map.entries()) {
            Node value = entry.value();
            if ("Ref".equals(function) && value.text() != null) {
                value = renamed(value, targets.getOrDefault(value.text(), value.text()));
            } else if ("Fn::GetAtt".equals(function)) {
                value = getAtt(value);
            } else if ("Fn::Sub".equals(function)) {
                value = sub(value);
            } else {
                value = rewrite(value);
            }
            entries.add(new MapNode.Entry(entry.key(), entry.keySpan(), value));
        }
        return new MapNode(entries, map.span());
    }

    /**
     * Rewrites {@code [Name.Property, Attribute]} and {@code [Name, Property.Attribute]}, the
     * YAML short form {@code !GetAtt Name.Property.Attribute} split at its first dot. Like the
     * translator, it joins the two items with a dot and looks up the first two parts. The
     * translator leaves the one-string form {@code Name.Property.Attribute} as written, and so
     * does slens.
     */
    private Node getAtt(Node value) {
        if (value instanceof ListNode list && list.size() == 2 && list.get(0).text() != null
                && list.get(1).text() != null) {
            String[] parts = splitReference(list.get(0).text() + "." + list.get(1).text());
            if (parts != null) {
                return new ListNode(List.of(renamed(list.get(0), parts[0]),
                        renamed(list.get(1), parts[1])), list.span());
            }
        }
        return rewrite(value);
    }

    /**
     * Returns the generated logical ID and the attribute of {@code Name.Property.Attribute},
     * or null when {@code Name.Property} is not a referable property.
     */
    private String[] splitReference(String text) {
        int first = text.indexOf('.');
        int second = first < 0 ? -1 : text.indexOf('.', first + 1);
        String target = second < 0 ? null : targets.get(text.substring(0, second));
        return target == null ? null : new String[] {target, text.substring(second + 1)};
    }

    /** Rewrites the variables of the string form and of the first item of the list form. */
    private Node sub(Node value) {
        if (value.text() != null) {
            return renamed(value, substituted(value.text()));
        }
        if (value instanceof ListNode list && !list.items().isEmpty()
                && list.get(0).text() != null) {
            List<Node> items = new ArrayList<>();
            items.add(renamed(list.get(0), substituted(list.get(0).text())));
            list.items().subList(1, list.size()).forEach(item -> items.add(rewrite(item)));
            return new ListNode(items, list.span());
        }
        return rewrite(value);
    }

    private String substituted(String text) {
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String target = targets.get(matcher.group(1));
            String replacement = target == null ? matcher.group()
                    : "${" + target + matcher.group(2) + "}";
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Node renamed(Node scalar, String text) {
        return text.equals(scalar.text()) ? scalar : ScalarNode.string(text, scalar.span());
    }
}
