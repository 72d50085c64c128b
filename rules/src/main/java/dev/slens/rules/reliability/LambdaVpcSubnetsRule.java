package dev.slens.rules.reliability;

import dev.slens.model.ListNode;
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
        id = "SL1049",
        name = "LambdaVpcSubnets",
        summary = "Lambda functions in a VPC use subnets in more than one zone",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
        tags = {"lambda", "vpc", "availability"})
public final class LambdaVpcSubnetsRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node vpc = function.property("VpcConfig");
            MapNode.Entry subnets = vpc == null || vpc.asMap() == null ? null
                    : vpc.asMap().entry("SubnetIds");
            if (subnets != null && count(context, subnets.value()) == 1) {
                findings.add(context.finding(subnets.keySpan(), function.logicalId(),
                        "Function '" + function.logicalId() + "' runs in a VPC with a single"
                        + " subnet in VpcConfig.SubnetIds, so it cannot run when that subnet's"
                        + " Availability Zone fails; list subnets in at least two zones."));
            }
        }
        return findings;
    }

    /**
     * Returns the number of subnets a written list or a list parameter's default names, or
     * -1 when it cannot be known.
     */
    private static int count(RuleContext context, Node subnets) {
        if (subnets instanceof ListNode list) {
            boolean plain = list.items().stream().allMatch(item -> item.text() != null
                    || "Ref".equals(item.intrinsicName()) || "Fn::GetAtt".equals(
                            item.intrinsicName()) || "Fn::ImportValue".equals(
                                    item.intrinsicName()));
            return plain ? list.size() : -1;
        }
        if ("Ref".equals(subnets.intrinsicName())) {
            MapNode parameter = context.template().section("Parameters")
                    .getMap(subnets.asMap().getText("Ref"));
            String fallback = parameter == null ? null : parameter.getText("Default");
            if (fallback != null && !fallback.isBlank()) {
                return fallback.split(",").length;
            }
        }
        return -1;
    }
}
