package dev.slens.rules.reliability;

import dev.slens.index.Invocation;
import dev.slens.index.TemplateIndex;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@RuleInfo(
        id = "SL1001",
        name = "LambdaAsyncFailureDestination",
        summary = "Asynchronously invoked functions send failed events to a destination",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function",
            "AWS::Lambda::EventInvokeConfig"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/invocation-async.html",
        tags = {"lambda", "async", "dead-letter-queue", "destinations"},
        aliases = {"ES1007", "CKV_AWS_116", "Serverless-LambdaAsyncFailureDestination",
            "Serverless-LambdaDLQ"})
public final class LambdaAsyncFailureDestinationRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        TemplateIndex index = context.index();
        List<Finding> findings = new ArrayList<>();
        for (Resource function : index.functions()) {
            Set<String> callers = asyncCallers(index, function);
            if (callers.isEmpty()) {
                continue;
            }
            List<List<List<String>>> gaps = FailureCapture.gaps(context.evaluator(), function,
                    index.invokeConfigs(function.logicalId()));
            if (!gaps.isEmpty()) {
                findings.add(context.finding(function.span(), function.logicalId(),
                        message(function, callers, gaps) + context.fix(function.logicalId(),
                                "; set DeadLetterConfig.TargetArn (SAM: DeadLetterQueue) or an"
                                + " EventInvokeConfig with"
                                + " DestinationConfig.OnFailure.Destination.",
                                "; set destinations.onFailure on function '"
                                + function.generatedFrom() + "', or onError to the ARN of"
                                + " an SNS topic that receives the failed events.")));
            }
        }
        return findings;
    }

    private static Set<String> asyncCallers(TemplateIndex index, Resource function) {
        Set<String> callers = new LinkedHashSet<>();
        for (Invocation invocation : index.invocations(function.logicalId())) {
            if (invocation.mode() == Invocation.Mode.ASYNCHRONOUS) {
                callers.add("'" + invocation.source() + "'");
            }
        }
        return callers;
    }

    private static String message(Resource function, Set<String> callers,
            List<List<List<String>>> gaps) {
        boolean always = gaps.size() == 1 && gaps.get(0).contains(List.of());
        String when = always ? "" : gaps.stream()
                .map(source -> branches(source, gaps.size() > 1))
                .collect(Collectors.joining(" and ", " (when ", ")"));
        return "Function '" + function.logicalId() + "' is invoked asynchronously by "
                + String.join(", ", callers)
                + " but has no dead-letter queue or on-failure destination" + when;
    }

    /** Returns "A or B and C", in brackets when other sources are joined to it with "and". */
    private static String branches(List<List<String>> source, boolean joined) {
        String text = source.stream()
                .map(conditions -> String.join(" and ", conditions))
                .collect(Collectors.joining(" or "));
        return joined && source.size() > 1 ? "(" + text + ")" : text;
    }
}
