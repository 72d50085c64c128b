package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1003",
        name = "LambdaDeprecatedRuntime",
        summary = "Lambda functions use a runtime that AWS still supports",
        severity = Severity.ERROR,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function",
                "AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
        tags = {"lambda", "runtime", "deprecation"},
        aliases = {"W2531", "E2531", "E2533", "CKV_AWS_363"})
public final class LambdaDeprecatedRuntimeRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node runtime = function.property("Runtime");
            boolean image = "Image".equals(context.evaluator().exactText(
                    function.property("PackageType")));
            if (runtime == null || image) {
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(runtime)) {
                String id = alternative.value().exactText();
                if (id != null) {
                    check(context, function, id, alternative, findings);
                }
            }
        }
        for (String type : List.of("AWS::Lambda::LayerVersion", "AWS::Serverless::LayerVersion")) {
            for (Resource layer : context.template().resourcesOfType(type)) {
                checkLayer(context, layer, findings);
            }
        }
        return findings;
    }

    /**
     * Notes each runtime in a layer's {@code CompatibleRuntimes} that is deprecated or near its
     * deprecation. A layer keeps working for functions on other runtimes, so this stays a note.
     */
    private static void checkLayer(RuleContext context, Resource layer, List<Finding> findings) {
        Node runtimes = layer.property("CompatibleRuntimes");
        if (runtimes == null) {
            return;
        }
        for (Alternative alternative : context.evaluator().elements(runtimes)) {
            String id = alternative.value().exactText();
            RuntimeSchedule schedule = id == null ? null : RuntimeCalendar.BUILT_IN.schedule(id);
            if (schedule != null && schedule.severityOn(context.today()) != null) {
                findings.add(context.finding(Severity.INFO, spanOf(runtimes, alternative),
                        layer.logicalId(), "Layer '" + layer.logicalId() + "' lists '" + id
                                + "' in CompatibleRuntimes" + alternative.qualifier() + ", which "
                                + schedule.phaseOn(context.today()) + ". Build the layer for a"
                                + " supported version and list that instead."));
            }
        }
    }

    private static void check(RuleContext context, Resource function, String id,
            Alternative alternative, List<Finding> findings) {
        SourceSpan span = spanOf(function.property("Runtime"), alternative);
        String subject = context.isFrameworkDefault(function, alternative.node())
                ? "Function '" + function.logicalId() + "' runs on '" + id + "', the Serverless"
                        + " Framework's default runtime, because neither function '"
                        + function.generatedFrom() + "' nor the provider sets runtime"
                : "Function '" + function.logicalId() + "' sets Runtime '" + id + "'"
                        + alternative.qualifier();
        RuntimeSchedule schedule = RuntimeCalendar.BUILT_IN.schedule(id);
        if (schedule == null) {
            findings.add(context.finding(Severity.WARNING, span, function.logicalId(), subject
                    + ", which is not in slens's runtime table (dated "
                    + RuntimeCalendar.BUILT_IN.gathered() + "). Check the name, or update slens"
                    + " if the runtime is newer than the table."));
            return;
        }
        Severity severity = schedule.severityOn(context.today());
        if (severity == null) {
            return;
        }
        String advice = severity == Severity.ERROR
                ? ". " + context.fix(function.logicalId(), "Set Runtime",
                        "Set runtime on function '" + function.generatedFrom()
                        + "' or on the provider") + " to a supported version of the language."
                : ". Plan the move to a newer version of the language before then.";
        findings.add(context.finding(severity, span, function.logicalId(), subject + ", which "
                + schedule.phaseOn(context.today()) + advice));
    }

    /**
     * Returns where to report a value: the branch or reference inside the Runtime value that
     * gave it, or the Runtime value itself when the value came from elsewhere, such as a
     * mapping that several functions share.
     */
    private static SourceSpan spanOf(Node runtime, Alternative alternative) {
        SourceSpan outer = runtime.span();
        SourceSpan inner = alternative.node().span();
        boolean startsInside = compare(outer.line(), outer.column(), inner.line(),
                inner.column()) <= 0;
        boolean endsInside = compare(inner.endLine(), inner.endColumn(), outer.endLine(),
                outer.endColumn()) <= 0;
        return inner.isKnown() && startsInside && endsInside ? inner : outer;
    }

    private static int compare(int line, int column, int otherLine, int otherColumn) {
        return line != otherLine ? Integer.compare(line, otherLine)
                : Integer.compare(column, otherColumn);
    }
}
