package dev.slens.index;

import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds which function a {@code FunctionName}, ARN or target denotes: a {@code Ref} or
 * {@code Fn::GetAtt} to the function or one of its aliases or versions, a {@code Fn::Sub} or
 * {@code Fn::Join} that embeds one, or the function's literal name or ARN.
 */
final class FunctionResolver {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(?:ref|getatt):([^.}]+)");
    /**
     * The function name in an ARN. It ends at the qualifier's colon or, inside an API Gateway
     * integration URI, at the slash of the {@code /invocations} path that follows it.
     */
    private static final Pattern ARN_NAME = Pattern.compile(":function:([^:/]+)");

    private final Template template;
    private final Evaluator evaluator;
    /** Logical IDs of the functions whose FunctionName is literal text, by that name. */
    private final Map<String, String> byName = new HashMap<>();

    FunctionResolver(Template template, Evaluator evaluator) {
        this.template = template;
        this.evaluator = evaluator;
        for (Resource function : template.resourcesOfType("AWS::Lambda::Function")) {
            String name = evaluator.exactText(function.property("FunctionName"));
            if (name != null) {
                byName.putIfAbsent(name, function.logicalId());
            }
        }
    }

    String resolve(Node reference) {
        if (reference == null) {
            return null;
        }
        String direct = function(evaluator.referencedResource(reference));
        if (direct != null) {
            return direct;
        }
        for (Alternative alternative : evaluator.alternatives(reference)) {
            if (alternative.value() instanceof Value.Text text) {
                String found = fromText(text);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private String fromText(Value.Text text) {
        Matcher placeholder = PLACEHOLDER.matcher(text.text());
        while (placeholder.find()) {
            String found = function(placeholder.group(1));
            if (found != null) {
                return found;
            }
        }
        // An ARN built with pseudo parameters still names the function exactly.
        Matcher arn = ARN_NAME.matcher(text.text());
        String name = arn.find() ? arn.group(1) : text.exact() ? text.text() : null;
        if (name == null || name.contains("{{")) {
            return null;
        }
        return byName.get(name);
    }

    /** Returns the function behind a function, alias or version logical ID, or {@code null}. */
    private String function(String logicalId) {
        Resource resource = logicalId == null ? null : template.resource(logicalId);
        if (resource == null) {
            return null;
        }
        return switch (resource.type()) {
            case "AWS::Lambda::Function" -> logicalId;
            case "AWS::Lambda::Alias", "AWS::Lambda::Version" -> {
                String target = evaluator.referencedResource(resource.property("FunctionName"));
                Resource function = target == null ? null : template.resource(target);
                yield function != null && function.type().equals("AWS::Lambda::Function")
                        ? target : null;
            }
            default -> null;
        };
    }
}
