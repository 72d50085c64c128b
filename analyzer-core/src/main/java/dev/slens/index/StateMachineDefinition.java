package dev.slens.index;

import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Amazon States Language definition of one {@code AWS::StepFunctions::StateMachine}, read
 * from {@code Definition}, {@code DefinitionString} or the local file of a SAM
 * {@code DefinitionUri}, with the place of every state and field in {@code file}.
 *
 * @param machine the state machine resource
 * @param file the file the spans of {@code root} point into: the template, the file that
 *     {@code DefinitionUri} names, or the file a Serverless Framework {@code ${file()}}
 *     variable read the definition from. A span that names its own file overrides it.
 * @param root the top-level workflow, or {@code null} when the definition could not be read
 * @param problem why the definition could not be read, or {@code null}
 * @param problemSpan where in the template the problem is, or {@code null}
 * @param substitutions the values a {@code ${name}} placeholder in the definition stands for:
 *     the {@code Fn::Sub} variables and the {@code DefinitionSubstitutions}
 * @param qualifier for a definition chosen with {@code Fn::If}, a phrase for messages such as
 *     " (when condition 'IsProd' is true)"; empty otherwise
 */
public record StateMachineDefinition(Resource machine, SourceFile file, AslGraph root,
        String problem, SourceSpan problemSpan, Map<String, Node> substitutions,
        String qualifier) {

    public StateMachineDefinition {
        substitutions = Map.copyOf(substitutions);
        qualifier = qualifier == null ? "" : qualifier;
    }

    /** Returns every workflow: the top level first, then nested ones depth first. */
    public List<AslGraph> graphs() {
        List<AslGraph> graphs = new ArrayList<>();
        if (root != null) {
            collect(root, graphs);
        }
        return graphs;
    }

    /** Returns every state, nested ones included, in the order written. */
    public List<AslState> states() {
        List<AslState> states = new ArrayList<>();
        for (AslGraph graph : graphs()) {
            states.addAll(graph.states());
        }
        return states;
    }

    private static void collect(AslGraph graph, List<AslGraph> out) {
        out.add(graph);
        for (AslState state : graph.states()) {
            for (AslGraph child : state.children()) {
                collect(child, out);
            }
        }
    }
}
