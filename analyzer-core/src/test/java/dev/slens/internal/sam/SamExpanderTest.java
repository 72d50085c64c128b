package dev.slens.internal.sam;

import static dev.slens.load.TestLoading.assertStartsAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.load.TestLoading;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.Template;
import dev.slens.model.TemplateFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SAM functions in {@code sam-globals.yaml}: Globals merging and generated resources. */
class SamExpanderTest {

    private static Template template;

    @BeforeAll
    static void load() {
        template = TestLoading.assemble(TestLoading.resource("sam-globals.yaml")).template();
    }

    @Test
    void templateIsSam() {
        assertEquals(TemplateFormat.SAM, template.format());
    }

    @Test
    void globalScalarAppliesWithItsSpan() {
        MapNode.Entry timeout = properties("ThumbnailFunction").entry("Timeout");

        assertEquals("20", timeout.value().text());
        assertStartsAt(5, 5, timeout.keySpan());
    }

    @Test
    void globalTracingBecomesTracingConfig() {
        MapNode tracing = properties("ThumbnailFunction").getMap("TracingConfig");

        assertEquals("Active", tracing.getText("Mode"));
        assertStartsAt(6, 5, tracing.span());
    }

    @Test
    void localScalarOverridesGlobal() {
        MapNode tracing = properties("ReportFunction").getMap("TracingConfig");

        assertEquals("PassThrough", tracing.getText("Mode"));
        assertStartsAt(24, 7, tracing.span());
    }

    @Test
    void mapsMergeKeyByKey() {
        MapNode variables = properties("ReportFunction").getMap("Environment")
                .getMap("Variables");

        assertEquals(List.of("STAGE", "LOG_LEVEL"), List.copyOf(variables.keys()));
        assertEquals("prod", variables.getText("STAGE"));
        assertStartsAt(11, 9, variables.entry("STAGE").keySpan());
        assertEquals("debug", variables.getText("LOG_LEVEL"));
        assertStartsAt(29, 11, variables.entry("LOG_LEVEL").keySpan());
    }

    @Test
    void listsAppendAfterGlobalItems() {
        List<Node> layers = properties("ReportFunction").get("Layers").asList().items();

        assertEquals(2, layers.size());
        assertEquals("SharedLayer", layers.get(0).asMap().getText("Ref"));
        assertEquals("ReportLayer", layers.get(1).asMap().getText("Ref"));
    }

    @Test
    void globalsLeaveNonSamFunctionAlone() {
        MapNode legacy = properties("LegacyFunction");

        assertNull(legacy.get("Timeout"));
        assertNull(legacy.get("TracingConfig"));
        assertNull(legacy.get("Environment"));
    }

    @Test
    void samOnlyPropertiesDoNotPassThrough() {
        MapNode report = properties("ReportFunction");

        assertNull(report.get("Events"));
        assertNull(report.get("Policies"));
        assertNull(report.get("Tracing"));
        assertNull(report.get("EventInvokeConfig"));
    }

    @Test
    void functionKeepsItsLogicalIdAndSpan() {
        Resource function = template.resource("ReportFunction");

        assertEquals("AWS::Lambda::Function", function.type());
        assertNull(function.generatedFrom());
        assertStartsAt(19, 3, function.span());
    }

    @Test
    void roleIsGeneratedAtPolicies() {
        Resource role = template.resource("ReportFunctionRole");

        assertEquals("AWS::IAM::Role", role.type());
        assertEquals("ReportFunction", role.generatedFrom());
        assertStartsAt(30, 7, role.span());
        assertEquals("ReportFunctionRole", template.resource("ReportFunction").property("Role")
                .asMap().get("Fn::GetAtt").asList().get(0).text());
    }

    @Test
    void roleWithoutPoliciesPointsAtFunction() {
        assertStartsAt(14, 3, template.resource("ThumbnailFunctionRole").span());
    }

    @Test
    void explicitRoleGeneratesNoRole() {
        assertNull(template.resource("LegacyFunctionRole"));
    }

    @Test
    void queueEventBecomesEventSourceMapping() {
        Resource mapping = template.resource("ReportFunctionJobs");

        assertEquals("AWS::Lambda::EventSourceMapping", mapping.type());
        assertEquals("ReportFunction", mapping.generatedFrom());
        assertStartsAt(34, 9, mapping.span());
        assertEquals("JobQueue", mapping.property("EventSourceArn").asMap().get("Fn::GetAtt")
                .asList().get(0).text());
        assertEquals("5", mapping.property("BatchSize").text());
    }

    @Test
    void scheduleEventBecomesRuleAndPermission() {
        Resource rule = template.resource("ReportFunctionNightly");
        Resource permission = template.resource("ReportFunctionNightlyPermission");

        assertEquals("AWS::Events::Rule", rule.type());
        assertEquals("rate(1 day)", rule.property("ScheduleExpression").text());
        assertStartsAt(39, 9, rule.span());
        assertEquals("AWS::Lambda::Permission", permission.type());
        assertEquals("events.amazonaws.com", permission.property("Principal").text());
        assertStartsAt(39, 9, permission.span());
    }

    @Test
    void invokeConfigIsGeneratedAtItsKey() {
        Resource config = template.resource("ReportFunctionEventInvokeConfig");

        assertEquals("AWS::Lambda::EventInvokeConfig", config.type());
        assertEquals("1", config.property("MaximumRetryAttempts").text());
        assertStartsAt(43, 7, config.span());
    }

    @Test
    void shortDestinationCreatesQueue() {
        Resource queue = template.resource("ReportFunctionEventInvokeConfigOnFailureQueue");
        MapNode onFailure = template.resource("ReportFunctionEventInvokeConfig")
                .property("DestinationConfig").asMap().getMap("OnFailure");

        assertEquals("AWS::SQS::Queue", queue.type());
        assertStartsAt(46, 11, queue.span());
        assertEquals("Fn::GetAtt", onFailure.get("Destination").intrinsicName());
    }

    @Test
    void expansionListsResourcesInOrder() {
        assertEquals(List.of("ThumbnailFunction", "ThumbnailFunctionRole", "ReportFunction",
                "ReportFunctionRole", "ReportFunctionJobs", "ReportFunctionNightly",
                "ReportFunctionNightlyPermission",
                "ReportFunctionEventInvokeConfigOnFailureQueue",
                "ReportFunctionEventInvokeConfig", "LegacyFunction", "JobQueue"),
                List.copyOf(template.resources().keySet()));
    }

    private static MapNode properties(String logicalId) {
        return template.resource(logicalId).properties();
    }
}
