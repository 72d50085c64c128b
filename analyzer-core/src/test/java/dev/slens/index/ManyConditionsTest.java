package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.TestLoading;
import dev.slens.model.Template;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A template with 30 conditions, each choosing one item of a policy and one part of a name.
 * Every {@code Fn::If} is evaluated on its own: the policy yields two alternatives per
 * condition, not one per combination of the 30, and a joined name stays within
 * {@link Evaluator#MAX_ALTERNATIVES}.
 */
class ManyConditionsTest {

    private static final int CONDITIONS = 30;

    @Test
    void listItems_growLinearly() {
        Template template = TestLoading.template("t.yaml", template(CONDITIONS));
        Evaluator evaluator = new Evaluator(template);

        List<Alternative> actions = evaluator.elements(template.resource("Role").properties()
                .get("Actions"));

        assertEquals(2 * CONDITIONS, actions.size());
        assertTrue(actions.stream().allMatch(a -> a.conditions().size() == 1),
                "each action depends on its own condition only");
    }

    @Test
    void joinedText_staysBounded() {
        Template template = TestLoading.template("t.yaml", template(CONDITIONS));
        Evaluator evaluator = new Evaluator(template);

        List<Alternative> names = evaluator.alternatives(template.resource("Role").properties()
                .get("Name"));

        assertEquals(Evaluator.MAX_ALTERNATIVES, names.size());
    }

    /** Returns a template with {@code count} conditions, or none when {@code count} is 0. */
    static String template(int count) {
        StringBuilder conditions = new StringBuilder("Parameters:\n  Stage:\n    Type: String\n"
                + "    Default: dev\nConditions:\n");
        StringBuilder actions = new StringBuilder();
        StringBuilder parts = new StringBuilder();
        for (int i = 0; i < count; i++) {
            conditions.append("  C").append(i).append(": !Equals [!Ref Stage, s").append(i)
                    .append("]\n");
            actions.append("      - !If [C").append(i).append(", \"sqs:Send").append(i)
                    .append("\", \"sqs:Receive").append(i).append("\"]\n");
            parts.append(", !If [C").append(i).append(", a, b]");
        }
        return conditions + "Resources:\n  Role:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      Name: !Join ['-', [x" + parts + "]]\n      Actions:\n" + actions;
    }
}
