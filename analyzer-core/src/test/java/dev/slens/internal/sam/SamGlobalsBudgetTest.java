package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.MapNode;
import dev.slens.model.Template;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Globals copied into many resources, within and past the node limit. */
class SamGlobalsBudgetTest {

    @TempDir
    Path folder;

    private TemplateAssembler.Assembled assemble(int variables, int functions, long maxNodes)
            throws IOException {
        StringBuilder yaml = new StringBuilder("Transform: AWS::Serverless-2016-10-31\n"
                + "Globals:\n  Function:\n    Environment:\n      Variables:\n");
        for (int i = 0; i < variables; i++) {
            yaml.append("        V").append(i).append(": x\n");
        }
        yaml.append("Resources:\n");
        for (int i = 0; i < functions; i++) {
            yaml.append("  F").append(i).append(":\n    Type: AWS::Serverless::Function\n")
                    .append("    Properties:\n      Runtime: python3.12\n")
                    .append("      Handler: app.handler\n      InlineCode: x\n");
        }
        Path file = Files.writeString(folder.resolve("template.yaml"), yaml);
        LoadLimits limits = new LoadLimits(16_000_000, 200, 2_000, maxNodes, 20_000);
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).load(file, "template.yaml");
        return TemplateAssembler.assemble(loaded.file(), loaded.root(),
                FormatDetector.detect(loaded.root()), new LocalFiles(folder, limits));
    }

    private static MapNode variables(Template template, String logicalId) {
        MapNode environment = template.resource(logicalId).properties().getMap("Environment");
        return environment == null ? null : environment.getMap("Variables");
    }

    @Test
    void globalsPastLimitStop() throws IOException {
        TemplateAssembler.Assembled assembled = assemble(100, 10, 500);

        List<Finding> stopped = assembled.problems().stream()
                .filter(f -> f.ruleId().equals("SL0001")).toList();
        assertEquals(1, stopped.size(), () -> "problems: " + assembled.problems());
        assertEquals(3, stopped.get(0).span().line());
        assertTrue(stopped.get(0).message().contains("past 500 nodes"),
                stopped.get(0).message());
        assertNotNull(variables(assembled.template(), "F0"));
        assertNull(variables(assembled.template(), "F9"));
    }

    @Test
    void globalsWithinLimitApplyEverywhere() throws IOException {
        TemplateAssembler.Assembled assembled = assemble(100, 10, 2_000);

        assertEquals(List.of(), assembled.problems().stream().map(Finding::ruleId)
                .filter(id -> id.equals("SL0001")).toList());
        assertEquals(100, variables(assembled.template(), "F9").entries().size());
    }
}
