package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.ServerlessOptions;
import dev.slens.model.Nodes;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The budget on nodes that variables copy, which bounds memory on small hostile files. */
class VariableBudgetTest {

    @TempDir
    Path folder;

    @Test
    void doublingObjectsStopAtNodeBudget() {
        // Level n contains two copies of level n - 1, so level 40 would have 2^42 nodes. The
        // 16 MiB size budget alone lets such a file take about a gigabyte of memory.
        StringBuilder yaml = new StringBuilder("service: svc\nprovider:\n  name: aws\ncustom:\n"
                + "  v0: {a: lol, b: lol}\n");
        for (int level = 1; level <= 40; level++) {
            String previous = "\"${self:custom.v" + (level - 1) + "}\"";
            yaml.append("  v").append(level).append(": {a: ").append(previous).append(", b: ")
                    .append(previous).append("}\n");
        }

        ServerlessTesting.Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ServerlessTesting.expand(folder, yaml.toString(),
                        ServerlessOptions.DEFAULT));

        assertEquals(List.of("SL0001"), outcome.findingIds());
        Finding finding = outcome.findings().get(0);
        assertTrue(finding.message().contains("past 1000000 nodes copied by variables"),
                finding.message());
        // Levels 1 to n copy 2^(n + 3) - 2n - 8 nodes, so level 17 crosses one million.
        assertEquals(5 + 17, finding.span().line());
        assertEquals(Nodes.UNRESOLVED, outcome.resolved("custom.v17.b").intrinsicName());
    }
}
