package dev.slens.rules.security;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "SL1071",
        name = "LambdaVpc",
        summary = "Lambda functions run in a VPC with subnets and security groups",
        severity = Severity.WARNING,
        securitySeverity = "4.0",
        pillar = Pillar.SECURITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
        tags = {"lambda", "network", "security"},
        aliases = {"W89", "CKV_AWS_117", "LambdaInsideVPC"},
        enabledByDefault = false)
public final class LambdaVpcRule implements Rule {

    private static final String ADVICE = "; set VpcConfig with SubnetIds and SecurityGroupIds"
            + " (Serverless Framework: vpc).";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node vpc = function.property("VpcConfig");
            if (vpc == null) {
                findings.add(context.finding(function.span(), function.logicalId(), "Function '"
                        + function.logicalId() + "' has no VpcConfig, so it runs outside your"
                        + " VPC and its network traffic passes no security group" + ADVICE));
                continue;
            }
            for (Alternative config : context.evaluator().alternatives(vpc)) {
                Gap gap = gap(context, config);
                if (gap != null) {
                    findings.add(context.finding(gap.at().span(), function.logicalId(),
                            "Function '" + function.logicalId() + "' has " + gap.text()
                                    + config.qualifier() + ", so it runs outside your VPC"
                                    + ADVICE));
                }
            }
        }
        return findings;
    }

    /** A missing part of a VPC configuration, and the node where it is missing. */
    private record Gap(String text, Node at) { }

    /** Returns what one branch of VpcConfig lacks, or {@code null} when complete or unknown. */
    private static Gap gap(RuleContext context, Alternative config) {
        if (config.value() instanceof Value.NoValue) {
            return new Gap("no VpcConfig", config.node());
        }
        MapNode map = config.value() instanceof Value.Structure structure
                ? structure.node().asMap() : null;
        if (map == null) {
            return null;
        }
        for (String list : List.of("SubnetIds", "SecurityGroupIds")) {
            Node ids = map.get(list);
            if (ids == null) {
                return new Gap("no VpcConfig." + list, config.node());
            }
            for (Alternative value : context.evaluator().alternatives(ids)) {
                if (value.value() instanceof Value.NoValue
                        || value.value() instanceof Value.Structure items
                        && items.node().asList() != null && items.node().asList().size() == 0) {
                    return new Gap("an empty VpcConfig." + list, value.node());
                }
            }
        }
        return null;
    }
}
