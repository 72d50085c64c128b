package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
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
        id = "SL1043",
        name = "LambdaStreamRetryLimit",
        summary = "Stream mappings bound retries and split failing batches",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::EventSourceMapping", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "services-kinesis-errors.html",
        tags = {"lambda", "event-source-mapping", "kinesis", "dynamodb"})
public final class LambdaStreamRetryLimitRule implements Rule {

    private static final BigDecimal INFINITE = BigDecimal.valueOf(-1);

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource mapping : context.template()
                .resourcesOfType("AWS::Lambda::EventSourceMapping")) {
            if (!context.index().eventSource(mapping).isStream()) {
                continue;
            }
            boolean unbounded = unbounded(context, mapping.property("MaximumRetryAttempts"))
                    && unbounded(context, mapping.property("MaximumRecordAgeInSeconds"));
            boolean noBisect = !mayBeTrue(context, mapping.property(
                    "BisectBatchOnFunctionError"));
            if (unbounded) {
                findings.add(context.finding(Severity.WARNING, mapping.span(),
                        mapping.logicalId(), "Stream event source mapping '"
                        + mapping.logicalId() + "' sets neither MaximumRetryAttempts nor"
                        + " MaximumRecordAgeInSeconds, so Lambda retries a failing batch until"
                        + " its records expire and the shard makes no progress meanwhile; set"
                        + " MaximumRetryAttempts (and an on-failure destination)"
                        + (noBisect ? " and BisectBatchOnFunctionError: true." : ".")));
            } else if (noBisect) {
                findings.add(context.finding(Severity.INFO, mapping.span(),
                        mapping.logicalId(), "Stream event source mapping '"
                        + mapping.logicalId() + "' does not set BisectBatchOnFunctionError, so"
                        + " one bad record fails its whole batch until the retries run out and"
                        + " the good records of the batch are skipped with it; set"
                        + " BisectBatchOnFunctionError: true."));
            }
        }
        return findings;
    }

    /** Returns whether a limit may be missing or -1 in some branch; unknown values bound it. */
    private static boolean unbounded(RuleContext context, Node limit) {
        if (limit == null) {
            return true;
        }
        for (Alternative alternative : context.evaluator().alternatives(limit)) {
            BigDecimal value = Seconds.of(alternative);
            if (value != null && value.compareTo(INFINITE) == 0) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether a flag may be true; unknown values count as true. */
    private static boolean mayBeTrue(RuleContext context, Node flag) {
        if (flag == null) {
            return false;
        }
        for (Alternative alternative : context.evaluator().alternatives(flag)) {
            String text = alternative.value() instanceof Value.Literal literal
                    ? literal.text() : alternative.value().exactText();
            if (text == null || "true".equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }
}
