package dev.slens.internal.sam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.LoadLimits;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TestLoading;
import dev.slens.model.MapNode;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenAPI documents that an API reads from local files: AWS::Include and DefinitionUri. */
class SamApiIncludeTest {

    @TempDir
    Path folder;

    private TemplateAssembler.Assembled assemble(String text) throws IOException {
        Path file = folder.resolve("template.yaml");
        Files.writeString(file, text);
        return TemplateAssembler.assemble(TestLoading.load(file).file(),
                TestLoading.load(file).root(), TemplateFormat.SAM,
                new LocalFiles(folder, LoadLimits.DEFAULT));
    }

    @Test
    void includeInDefinitionBody_isRead() throws IOException {
        Files.writeString(folder.resolve("openapi.yaml"), """
                openapi: '3.0.1'
                paths:
                  /health:
                    get: {}
                """);
        TemplateAssembler.Assembled assembled = assemble("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Shop:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: live
                      DefinitionBody:
                        Fn::Transform:
                          Name: AWS::Include
                          Parameters:
                            Location: openapi.yaml
                """);

        MapNode body = assembled.template().resource("Shop").property("Body").asMap();
        assertNotNull(body.getMap("paths").getMap("/health"));
        assertEquals(List.of(), assembled.problems());
    }

    @Test
    void includeOfMissingFile_isReportedNotRead() throws IOException {
        TemplateAssembler.Assembled assembled = assemble("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Shop:
                    Type: AWS::Serverless::HttpApi
                    Properties:
                      DefinitionBody:
                        'Fn::Transform':
                          Name: AWS::Include
                          Parameters:
                            Location: missing.yaml
                """);

        List<Finding> findings = TestLoading.findings(assembled.problems(), "SL0002");
        assertEquals(1, findings.size(), assembled.problems()::toString);
        assertEquals(6, findings.get(0).span().line());
        assertTrue(findings.get(0).message().contains("DefinitionBody"),
                findings.get(0).message());
    }

    @Test
    void unparsableDefinitionUri_givesParseErrorInThatFile() throws IOException {
        Files.writeString(folder.resolve("openapi.yaml"), """
                openapi: '3.0.1'
                paths:
                  /health:
                    get: [unclosed
                """);
        TemplateAssembler.Assembled assembled = assemble("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Shop:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: live
                      DefinitionUri: openapi.yaml
                """);

        List<Finding> parse = TestLoading.findings(assembled.problems(), "SL0001");
        assertEquals(1, parse.size(), assembled.problems()::toString);
        assertTrue(parse.get(0).file().displayPath().endsWith("openapi.yaml"),
                parse.get(0).file().displayPath());
        assertTrue(parse.get(0).span().line() >= 4, () -> "line " + parse.get(0).span().line());
        assertEquals(List.of(), TestLoading.findings(assembled.problems(), "SL0002"));
    }
}
