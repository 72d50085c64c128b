package dev.slens.load;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Placeholders;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.model.WholeNumbers;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.MessageValues;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reports written values that are not whole numbers in the integer properties that rules read,
 * such as a Lambda {@code Timeout: "1e400"} or {@code Timeout: abc}. Rules skip text that is not
 * a number and may read {@code 1e400} as a huge number, so without this report a typo would go
 * unnoticed. Values given by an intrinsic function, placeholders filled in later such as a
 * dynamic reference <code>{{resolve:ssm:/app/memory}}</code>, and values that SL0017 already
 * reports on the SAM resource the user wrote are not checked.
 */
final class NumberProperties {

    /** Integer properties by resource type, as the CloudFormation resource reference types them. */
    private static final Map<String, List<String>> INTEGERS = Map.of(
            "AWS::Lambda::Function", List.of("Timeout", "MemorySize",
                    "ReservedConcurrentExecutions"),
            "AWS::SQS::Queue", List.of("VisibilityTimeout", "MessageRetentionPeriod",
                    "DelaySeconds", "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize"),
            "AWS::Lambda::EventSourceMapping", List.of("BatchSize",
                    "MaximumBatchingWindowInSeconds", "MaximumRetryAttempts",
                    "MaximumRecordAgeInSeconds", "ParallelizationFactor"),
            "AWS::Logs::LogGroup", List.of("RetentionInDays"));

    private NumberProperties() {
    }

    /**
     * Returns a finding for each integer property of {@code resources} that is not a number,
     * except a value whose span is among the spans of the SL0017 findings in {@code problems}.
     */
    static List<Finding> check(SourceFile file, List<Resource> resources,
            List<Finding> problems) {
        Set<SourceSpan> reported = new HashSet<>();
        for (Finding problem : problems) {
            if (EngineChecks.SERVERLESS_SCHEMA.id().equals(problem.ruleId())) {
                reported.add(problem.span());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (Resource resource : resources) {
            MapNode properties = resource.properties();
            for (String name : INTEGERS.getOrDefault(resource.type(), List.of())) {
                MapNode.Entry entry = properties == null ? null : properties.entry(name);
                if (entry == null || isWholeNumber(entry.value())
                        || reported.contains(entry.value().span())) {
                    continue;
                }
                findings.add(new Finding(EngineChecks.INVALID_NUMBER.id(),
                        EngineChecks.INVALID_NUMBER.severity(), "Property '" + name + "' of "
                        + resource.type() + " '" + resource.logicalId() + "' is "
                        + MessageValues.notWholeNumber(entry.value().text())
                        + ". CloudFormation rejects it, and rules may skip it. Write a whole"
                        + " number such as 30.", entry.keySpan().fileOr(file),
                        entry.keySpan(), resource.logicalId(), List.of()));
            }
        }
        return findings;
    }

    /**
     * Returns whether {@code value} is a whole number, an intrinsic function, a placeholder or not
     * a scalar.
     */
    private static boolean isWholeNumber(Node value) {
        if (!(value instanceof ScalarNode scalar) || scalar.kind() == ScalarNode.Kind.NULL
                || Placeholders.contains(scalar.value())) {
            return true;
        }
        return WholeNumbers.parse(scalar.value()) != null;
    }
}
