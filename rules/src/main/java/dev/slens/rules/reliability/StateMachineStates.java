package dev.slens.rules.reliability;

import dev.slens.index.AslState;
import dev.slens.index.StateMachineDefinition;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleContext;
import java.util.List;
import java.util.regex.Pattern;

/** Helpers the Step Functions rules share: where findings go and which tasks call Lambda. */
final class StateMachineStates {

    /** The optimized Lambda integration, in any partition and with any wait pattern. */
    private static final Pattern LAMBDA_INTEGRATION = Pattern.compile(
            "^arn:[^:]+:states:::lambda:invoke(\\.waitForTaskToken)?$");
    /** A Lambda function ARN, which calls the function with the legacy integration. */
    private static final Pattern FUNCTION_ARN =
            Pattern.compile("^arn:[^:]+:lambda:[^:]*:[^:]*:function:.+");
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([^}.]+)(\\.Arn)?}$");

    private StateMachineStates() {
    }

    /**
     * Returns how messages name a state: its name, where it sits, the state machine and, for a
     * definition chosen with {@code Fn::If}, the condition of its branch.
     */
    static String describe(StateMachineDefinition definition, AslState state) {
        return "State '" + state.name() + "'" + state.where() + " of state machine '"
                + definition.machine().logicalId() + "'" + definition.qualifier();
    }

    /**
     * Creates a finding at {@code span}: in the file the span names, such as a file that a
     * Serverless Framework {@code ${file()}} variable included into the definition, else in the
     * file the definition was read from.
     */
    static Finding finding(RuleContext context, StateMachineDefinition definition,
            SourceSpan span, String message) {
        return context.finding(span.fileOr(definition.file()), span,
                definition.machine().logicalId(), message);
    }

    /**
     * Returns the function of this template that the Lambda task {@code state} invokes: the
     * one its {@code Resource} names, else the {@code FunctionName} of the {@code lambda:invoke}
     * integration's {@code Parameters} or {@code Arguments}. Returns {@code null} when it is
     * not a function of this template or cannot be resolved.
     */
    static Resource invokedFunction(RuleContext context,
            StateMachineDefinition definition, AslState state) {
        MapNode.Entry resource = state.field("Resource");
        if (resource == null) {
            return null;
        }
        Node target = resource.value();
        if (target.text() != null && LAMBDA_INTEGRATION.matcher(target.text()).matches()) {
            target = null;
            for (String key : List.of("Parameters", "Arguments")) {
                MapNode.Entry payload = state.field(key);
                MapNode map = payload == null ? null : payload.value().asMap();
                target = target != null || map == null ? target : map.get("FunctionName");
            }
        }
        if (target == null) {
            return null;
        }
        var placeholder = target.text() == null ? null : PLACEHOLDER.matcher(target.text());
        if (placeholder != null && placeholder.matches()) {
            Node substitute = definition.substitutions().get(placeholder.group(1));
            var named = context.template().resource(placeholder.group(1));
            if (substitute == null) {
                return named != null && context.index().functions().contains(named)
                        ? named : null;
            }
            target = substitute;
        }
        return context.index().function(target);
    }

    /**
     * Returns whether the task {@code state} invokes a Lambda function: through the
     * {@code lambda:invoke} integration, with a function ARN as {@code Resource}, or with a
     * reference or placeholder that stands for a function of the template.
     */
    static boolean invokesLambda(RuleContext context, StateMachineDefinition definition,
            AslState state) {
        MapNode.Entry resource = state.field("Resource");
        if (resource == null) {
            return false;
        }
        Node value = resource.value();
        if (value.intrinsicName() != null) {
            return context.index().functionFor(value) != null;
        }
        String text = value.text();
        if (text == null) {
            return false;
        }
        if (LAMBDA_INTEGRATION.matcher(text).matches() || FUNCTION_ARN.matcher(text).matches()) {
            return true;
        }
        var placeholder = PLACEHOLDER.matcher(text);
        if (!placeholder.matches()) {
            return false;
        }
        Node substitute = definition.substitutions().get(placeholder.group(1));
        if (substitute == null) {
            var function = context.template().resource(placeholder.group(1));
            return function != null && context.index().functions().contains(function);
        }
        if (context.index().functionFor(substitute) != null) {
            return true;
        }
        String arn = context.evaluator().exactText(substitute);
        return arn != null && (FUNCTION_ARN.matcher(arn).matches()
                || LAMBDA_INTEGRATION.matcher(arn).matches());
    }
}
