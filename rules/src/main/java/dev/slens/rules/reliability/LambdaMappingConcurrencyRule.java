package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1044",
        name = "LambdaMappingConcurrency",
        summary = "SQS mappings never run more copies than the function may",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::EventSourceMapping", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html",
        tags = {"lambda", "sqs", "event-source-mapping", "concurrency"})
public final class LambdaMappingConcurrencyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource mapping : context.template()
                .resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            Node scaling = mapping.property("ScalingConfig");
            Node maximum = scaling == null || scaling.asMap() == null ? null
                    : scaling.asMap().get("MaximumConcurrency");
            Resource function = context.index().function(mapping.property("FunctionName"));
            Node reserved = function == null ? null
                    : function.property("ReservedConcurrentExecutions");
            if (maximum == null || reserved == null) {
                continue;
            }
            BigDecimal smallestReserved = smallest(context, reserved);
            for (Alternative alternative : context.evaluator().alternatives(maximum)) {
                BigDecimal value = Seconds.of(alternative);
                if (value != null && smallestReserved != null
                        && smallestReserved.signum() > 0
                        && value.compareTo(smallestReserved) > 0) {
                    findings.add(context.finding(Severity.WARNING, alternative.node().span(),
                            mapping.logicalId(), message(mapping, function, value,
                                    smallestReserved, alternative.qualifier()),
                            List.of(new Finding.Related(reserved.span(),
                                    "reserved concurrency of '" + function.logicalId() + "'"))));
                }
            }
        }
        return findings;
    }

    private static BigDecimal smallest(RuleContext context, Node node) {
        BigDecimal smallest = null;
        for (Alternative alternative : context.evaluator().alternatives(node)) {
            BigDecimal value = Seconds.of(alternative);
            if (value != null && (smallest == null || value.compareTo(smallest) < 0)) {
                smallest = value;
            }
        }
        return smallest;
    }

    private static String message(Resource mapping, Resource function, BigDecimal maximum,
            BigDecimal reserved, String qualifier) {
        return "Event source mapping '" + mapping.logicalId() + "' has"
                + " ScalingConfig.MaximumConcurrency '" + maximum.toPlainString() + "'"
                + qualifier + ", above the ReservedConcurrentExecutions '"
                + reserved.toPlainString() + "' of function '" + function.logicalId()
                + "', so Lambda throttles the extra invocations and their messages return to"
                + " the queue and count towards maxReceiveCount; set MaximumConcurrency to at"
                + " most " + reserved.toPlainString() + ".";
    }
}
