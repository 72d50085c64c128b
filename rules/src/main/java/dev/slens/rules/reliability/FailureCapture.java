package dev.slens.rules.reliability;

import dev.slens.index.Evaluator;
import dev.slens.model.MapNode;
import dev.slens.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds the {@code Fn::If} branches in which a function's failed asynchronous events reach
 * neither a dead-letter queue nor an on-failure destination. Each branch is given as the list of
 * conditions that lead to it, and an empty list stands for every branch. An empty ARN counts as
 * absent, and a value that cannot be known counts as present.
 */
final class FailureCapture {

    private static final List<String> DEAD_LETTER_TARGET = List.of("TargetArn");
    private static final List<String> FAILURE_DESTINATION = List.of("OnFailure", "Destination");
    /** SAM creates the queue or topic itself when OnFailure has one of these types. */
    private static final Set<String> SAM_CREATED_TYPES = Set.of("SQS", "SNS");

    private FailureCapture() {
    }

    /**
     * Returns, for each way of capturing failures that some branch sets, the branches in which
     * it is absent; failures are lost only when all of them are absent at once. Returns an
     * empty list when every branch captures failures, and {@code [[[]]]} when none does.
     */
    static List<List<List<String>>> gaps(Evaluator evaluator, Resource function,
            List<Resource> invokeConfigs) {
        List<List<List<String>>> sources = new ArrayList<>();
        sources.add(AbsentSetting.branches(evaluator, function.property("DeadLetterConfig"),
                DEAD_LETTER_TARGET, List.of(), map -> false));
        for (Resource config : invokeConfigs) {
            List<List<String>> missing = new ArrayList<>(AbsentSetting.branches(evaluator,
                    config.property("DestinationConfig"), FAILURE_DESTINATION, List.of(),
                    map -> samCreatesDestination(evaluator, map)));
            if (config.condition() != null && !config.condition().equals(function.condition())) {
                missing.add(List.of("condition '" + config.condition() + "' is false"));
            }
            sources.add(missing);
        }
        if (sources.stream().anyMatch(List::isEmpty)) {
            return List.of();
        }

        // Conditions are not multiplied out. The message names the branches of the sources that
        // are set in some branch, because a source that is never set narrows nothing.
        List<List<List<String>>> named = sources.stream()
                .filter(source -> !source.contains(List.of()))
                .distinct()
                .toList();
        return named.isEmpty() ? List.of(List.of(List.of())) : named;
    }

    /**
     * Returns whether SAM fills in the {@code Destination} of an OnFailure block written
     * without it. A {@code Type} that cannot be evaluated counts as one SAM fills in.
     */
    private static boolean samCreatesDestination(Evaluator evaluator, MapNode map) {
        if (map.has("Destination") || !map.has("Type")) {
            return false;
        }
        String type = evaluator.exactText(map.get("Type"));
        return type == null || SAM_CREATED_TYPES.contains(type);
    }
}
