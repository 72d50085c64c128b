package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.LoadLimits;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.load.TestLoading;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Problems in the local file that the {@code DefinitionUri} of a SAM state machine names: they
 * are reported on the file's own lines with the template loader's findings.
 */
class SamDefinitionUriTest {

    private static final String TEMPLATE = """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Flow:
                Type: AWS::Serverless::StateMachine
                Properties:
                  DefinitionUri: sm.json
            """;

    @TempDir
    Path folder;

    @Test
    void unparsableDefinition_isParseErrorInItsFile() throws IOException {
        Files.writeString(folder.resolve("sm.json"), """
                {
                  "StartAt": "A",
                  "States": {
                    "A": {"Type": "Pass" "End": true}
                  }
                }
                """);

        TemplateAssembler.Assembled assembled = assemble();

        assertEquals(1, assembled.problems().size(), assembled.problems().toString());
        Finding problem = assembled.problems().get(0);
        assertEquals("SL0001", problem.ruleId());
        assertEquals("sm.json", problem.file().displayPath());
        assertEquals(4, problem.span().line());
        String loaderMessage = new TemplateLoader(LoadLimits.DEFAULT)
                .load(folder.resolve("sm.json"), "sm.json").problems().get(0).message();
        assertEquals(loaderMessage, problem.message());
        assertNull(assembled.template().resource("Flow").property("Definition"));
    }

    @Test
    void missingDefinition_saysNotFound() throws IOException {
        TemplateAssembler.Assembled assembled = assemble();

        assertEquals(1, assembled.problems().size(), assembled.problems().toString());
        Finding problem = assembled.problems().get(0);
        assertEquals("SL0002", problem.ruleId());
        assertEquals(6, problem.span().line());
        assertTrue(problem.message().contains("'sm.json' was not found"), problem.message());
        assertFalse(problem.message().contains("project folder"), problem.message());
    }

    @Test
    void trailingCommaAndDuplicateKey_areReportedInDefinitionFile() throws IOException {
        Files.writeString(folder.resolve("sm.json"), """
                {
                  "StartAt": "A",
                  "StartAt": "A",
                  "States": {
                    "A": {"Type": "Pass", "End": true},
                  }
                }
                """);

        TemplateAssembler.Assembled assembled = assemble();

        assertNotNull(assembled.template().resource("Flow").property("Definition"));
        for (String id : new String[] {"SL0004", "SL0005"}) {
            Finding problem = assembled.problems().stream().filter(p -> p.ruleId().equals(id))
                    .findFirst().orElseThrow(() -> new AssertionError(id + " missing: "
                            + assembled.problems()));
            assertEquals("sm.json", problem.file().displayPath());
        }
    }

    private TemplateAssembler.Assembled assemble() throws IOException {
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, TEMPLATE);
        return TemplateAssembler.assemble(TestLoading.load(file).file(),
                TestLoading.load(file).root(), TemplateFormat.SAM,
                new LocalFiles(folder, LoadLimits.DEFAULT));
    }
}
