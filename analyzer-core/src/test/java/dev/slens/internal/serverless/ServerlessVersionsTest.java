package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The version the framework publishes for each function, and the settings that prune it. */
class ServerlessVersionsTest {

    @TempDir
    Path folder;

    private ServerlessTesting.Outcome expand(String yaml) {
        return ServerlessTesting.expand(folder, yaml);
    }

    @Test
    void versionRetainedByDefault() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  create-order:
                    handler: create.handler
                """);
        Resource version = outcome.resource("CreateDashorderLambdaVersionPlaceholderHash");
        assertEquals("AWS::Lambda::Version", version.type());
        assertEquals("create-order", version.generatedFrom());
        assertEquals("CreateDashorderLambdaFunction",
                version.property("FunctionName").asMap().get("Ref").text());
        assertEquals("Retain", version.attribute("DeletionPolicy").text());
        assertNull(version.attribute("Metadata"));
        assertEquals(5, version.span().line());
    }

    @Test
    void functionSettingOverridesProvider() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  versionFunctions: false
                functions:
                  create:
                    handler: create.handler
                  edge:
                    handler: edge.handler
                    versionFunction: true
                  report:
                    handler: report.handler
                    versionFunction: false
                """);
        assertFalse(outcome.ids().contains("CreateLambdaVersionPlaceholderHash"));
        assertFalse(outcome.ids().contains("ReportLambdaVersionPlaceholderHash"));
        assertEquals("edge", outcome.resource("EdgeLambdaVersionPlaceholderHash").generatedFrom());
    }

    @Test
    void prunePluginNeedsListing() {
        String settings = """
                custom:
                  prune:
                    automatic: true
                provider:
                  name: aws
                functions:
                  create:
                    handler: create.handler
                """;
        Resource unlisted = expand("service: orders\n" + settings)
                .resource("CreateLambdaVersionPlaceholderHash");
        assertNull(unlisted.attribute("Metadata"));
        Resource listed = expand("service: orders\nplugins:\n  - serverless-prune-plugin\n"
                + settings).resource("CreateLambdaVersionPlaceholderHash");
        MapNode metadata = listed.attribute("Metadata").asMap();
        assertEquals("serverless-prune-plugin",
                metadata.get(FunctionVersions.PRUNED_BY).text());
        assertEquals(6, metadata.get(FunctionVersions.PRUNED_BY).span().line());
    }

    @Test
    void builtInPruningRecorded() {
        Resource version = expand("""
                service: orders
                provider:
                  name: aws
                  pruneFunctionVersions: true
                functions:
                  create:
                    handler: create.handler
                """).resource("CreateLambdaVersionPlaceholderHash");
        assertEquals("provider.pruneFunctionVersions", version.attribute("Metadata").asMap()
                .get(FunctionVersions.PRUNED_BY).text());
    }

    @Test
    void durableFunctionVersionedWhenProviderOff() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  runtime: nodejs22.x
                  versionFunctions: false
                functions:
                  flow:
                    handler: flow.handler
                    durableConfig:
                      executionTimeout: 3600
                  plain:
                    handler: plain.handler
                  optedOut:
                    handler: out.handler
                    versionFunction: false
                    durableConfig:
                      executionTimeout: 3600
                """);
        Resource version = outcome.resource("FlowLambdaVersionPlaceholderHash");
        assertEquals("Retain", version.attribute("DeletionPolicy").text());
        assertFalse(outcome.has("PlainLambdaVersionPlaceholderHash"));
        assertFalse(outcome.has("OptedOutLambdaVersionPlaceholderHash"));
    }
    @Test
    void aliasVersionNotRetainedWhenVersioningOff() {
        ServerlessTesting.Outcome outcome = expand("""
                service: orders
                provider:
                  name: aws
                  versionFunctions: false
                functions:
                  warm:
                    handler: warm.handler
                    provisionedConcurrency: 5
                  cold:
                    handler: cold.handler
                    provisionedConcurrency: 0
                """);
        Resource version = outcome.resource("WarmLambdaVersionPlaceholderHash");
        assertNull(version.attribute("DeletionPolicy"));
        assertFalse(outcome.has("ColdLambdaVersionPlaceholderHash"));
        assertFalse(outcome.has("ColdProvConcLambdaAlias"));
    }

    @Test
    void provisionedAliasPointsAtVersion() {
        Resource alias = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  warm:
                    handler: warm.handler
                    provisionedConcurrency: 5
                """).resource("WarmProvConcLambdaAlias");
        List<Node> version = alias.property("FunctionVersion").asMap().get("Fn::GetAtt")
                .asList().items();
        assertEquals("WarmLambdaVersionPlaceholderHash", version.get(0).text());
        assertEquals("Version", version.get(1).text());
        assertEquals("provisioned", alias.property("Name").text());
        assertEquals("5", alias.property("ProvisionedConcurrencyConfig").asMap()
                .getText("ProvisionedConcurrentExecutions"));
        assertEquals("WarmLambdaFunction", alias.attribute("DependsOn").text());
    }

    @Test
    void provisionedAliasNamedInSettings() {
        Resource alias = expand("""
                service: orders
                provider:
                  name: aws
                functions:
                  warm:
                    handler: warm.handler
                    provisionedConcurrency:
                      executions: 3
                      alias: live
                """).resource("WarmProvConcLiveLambdaAlias");
        assertEquals("live", alias.property("Name").text());
        assertEquals("3", alias.property("ProvisionedConcurrencyConfig").asMap()
                .getText("ProvisionedConcurrentExecutions"));
    }

    @Test
    void snapStartAliasPointsAtVersion() {
        Resource alias = expand("""
                service: orders
                provider:
                  name: aws
                  versionFunctions: false
                functions:
                  fast:
                    handler: fast.handler
                    snapStart: true
                """).resource("FastSnapStartLambdaAlias");
        assertEquals("snapstart", alias.property("Name").text());
        assertEquals("FastLambdaVersionPlaceholderHash", alias.property("FunctionVersion")
                .asMap().get("Fn::GetAtt").asList().items().get(0).text());
        assertEquals("FastLambdaFunction", alias.attribute("DependsOn").text());
    }
}
