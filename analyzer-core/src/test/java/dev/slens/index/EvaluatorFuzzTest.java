package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Fuzzes the intrinsic function evaluator: the input is a YAML template, and every node of it
 * is evaluated in each way that rules use. Evaluation must never throw, must return at least one
 * and at most {@link Evaluator#MAX_ALTERNATIVES} alternatives, and must end. The seed inputs in
 * {@code src/test/resources/dev/slens/index/EvaluatorFuzzTestInputs} use every function.
 */
class EvaluatorFuzzTest {

    private static final TemplateLoader LOADER =
            new TemplateLoader(new LoadLimits(64 * 1024, 30, 100, 10_000, 200));
    /** Evaluating every node of a large input would make each run slow, and adds no paths. */
    private static final int MAX_NODES = 400;

    @FuzzTest(maxDuration = "60s")
    void evaluate(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        LoadResult loaded = LOADER.parse(Path.of("template.yaml"), "template.yaml", text);
        if (loaded.root() == null) {
            return;
        }
        TemplateFormat format = FormatDetector.detect(loaded.root());
        if (format != TemplateFormat.SAM) {
            format = TemplateFormat.CLOUDFORMATION;
        }
        Template template = TemplateAssembler.assemble(loaded.file(), loaded.root(), format)
                .template();
        Evaluator evaluator = new Evaluator(template);
        for (Node node : nodes(loaded.root())) {
            List<Alternative> alternatives = evaluator.alternatives(node);
            assertFalse(alternatives.isEmpty(), "no alternative for " + node);
            assertTrue(alternatives.size() <= Evaluator.MAX_ALTERNATIVES,
                    alternatives.size() + " alternatives for " + node);
            evaluator.elements(node);
            evaluator.exactText(node);
            evaluator.referencedResource(node);
        }
    }

    private static List<Node> nodes(MapNode root) {
        List<Node> found = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty() && found.size() < MAX_NODES) {
            Node node = pending.pop();
            found.add(node);
            if (node instanceof MapNode map) {
                map.entries().forEach(entry -> pending.push(entry.value()));
            } else if (node instanceof ListNode list) {
                list.items().forEach(pending::push);
            }
        }
        return found;
    }
}
