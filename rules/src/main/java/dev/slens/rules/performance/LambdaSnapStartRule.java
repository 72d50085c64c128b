package dev.slens.rules.performance;

import dev.slens.index.Alternative;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SL1069",
        name = "LambdaSnapStart",
        summary = "SnapStart is on for Java functions and set up so it takes effect",
        severity = Severity.WARNING,
        pillar = Pillar.PERFORMANCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function",
                "AWS::Lambda::Version"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/snapstart.html",
        tags = {"lambda", "cold-start", "snapstart"},
        aliases = {"E2530", "W2530", "I2530"})
public final class LambdaSnapStartRule implements Rule {

    /** Runtimes SnapStart supports: Java 11 and later, Python 3.12 and later, .NET 8 and later. */
    private static final Pattern SUPPORTED = Pattern.compile(
            "java(1[1-9]|[2-9][0-9])|python3\\.(1[2-9]|[2-9][0-9])|dotnet([89]|[1-9][0-9])");
    private static final Pattern JAVA = Pattern.compile("java(1[1-9]|[2-9][0-9])");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            String runtime = context.evaluator().exactText(function.property("Runtime"));
            MapNode.Entry snapStart = function.properties().entry("SnapStart");
            if (snapStart == null || !appliesOnVersions(context, snapStart.value())) {
                if (runtime != null && JAVA.matcher(runtime).matches()) {
                    findings.add(context.finding(Severity.INFO, function.span(),
                            function.logicalId(), "Function '" + function.logicalId()
                                    + "' runs on '" + runtime + "' without SnapStart, so each"
                                    + " cold start initializes the JVM again; "
                                    + context.fix(function.logicalId(), "set SnapStart.ApplyOn"
                                            + " to 'PublishedVersions'", "set snapStart: true"
                                            + " on function '" + function.generatedFrom() + "'")
                                    + " and invoke it through a version or alias."));
                }
                continue;
            }
            if (runtime != null && !SUPPORTED.matcher(runtime).matches()) {
                findings.add(context.finding(Severity.ERROR, snapStart.keySpan(),
                        function.logicalId(), "Function '" + function.logicalId()
                                + "' turns on SnapStart with Runtime '" + runtime + "', which"
                                + " SnapStart does not support, so the deployment fails; use"
                                + " Java 11+, Python 3.12+ or .NET 8+, or remove "
                                + context.fix(function.logicalId(), "SnapStart", "snapStart")
                                + "."));
            } else if (!publishesVersions(context, function)) {
                findings.add(context.finding(snapStart.keySpan(), function.logicalId(),
                        "Function '" + function.logicalId() + "' turns on SnapStart, but the"
                                + " template publishes no version of it, and SnapStart works"
                                + " only for published versions; set AutoPublishAlias (SAM) or"
                                + " add an AWS::Lambda::Version and invoke that."));
            }
        }
        return findings;
    }

    private static boolean appliesOnVersions(RuleContext context, Node snapStart) {
        for (Alternative alternative : context.evaluator().alternatives(snapStart)) {
            MapNode map = Settings.map(alternative.value());
            Node applyOn = map == null ? null : map.get("ApplyOn");
            if ("PublishedVersions".equals(context.evaluator().exactText(applyOn))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns whether the template publishes versions of the function: SAM's AutoPublishAlias on
     * the function or in Globals, or an AWS::Lambda::Version of it. Serverless Framework
     * publishes versions by default, so its functions count as publishing.
     */
    private static boolean publishesVersions(RuleContext context, Resource function) {
        if (context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK) {
            return true;
        }
        MapNode written = context.template().resourceDefinitions().getMap(function.logicalId());
        MapNode properties = written == null ? null : written.getMap("Properties");
        MapNode globals = context.template().section("Globals").getMap("Function");
        if (properties != null && properties.has("AutoPublishAlias")
                || globals != null && globals.has("AutoPublishAlias")
                        && "AWS::Serverless::Function".equals(written.getText("Type"))) {
            return true;
        }
        return context.template().resourcesOfType("AWS::Lambda::Version").stream()
                .anyMatch(version -> function.logicalId().equals(
                        context.index().functionFor(version.property("FunctionName"))));
    }
}
