package dev.slens.rules.cost;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.WholeNumbers;
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
        id = "SL1075",
        name = "LambdaProvisionedConcurrency",
        summary = "Provisioned concurrency is deliberate and attached to an alias",
        severity = Severity.INFO,
        pillar = Pillar.COST,
        resourceTypes = {"AWS::Lambda::Alias", "AWS::Lambda::Version",
                "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "provisioned-concurrency.html",
        tags = {"lambda", "cost", "concurrency"})
public final class LambdaProvisionedConcurrencyRule implements Rule {

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String type : List.of("AWS::Lambda::Alias", "AWS::Lambda::Version")) {
            for (Resource target : context.template().resourcesOfType(type)) {
                Node config = target.property("ProvisionedConcurrencyConfig");
                Node count = config == null || config.asMap() == null ? null
                        : config.asMap().get("ProvisionedConcurrentExecutions");
                if (count != null) {
                    reportCount(context, target, count, findings);
                }
            }
        }
        checkSamAlias(context, findings);
        return findings;
    }

    private static void reportCount(RuleContext context, Resource target, Node count,
            List<Finding> findings) {
        for (Alternative alternative : context.evaluator().alternatives(count)) {
            String text = alternative.value() instanceof Value.Literal literal ? literal.text()
                    : alternative.value().exactText();
            BigDecimal number = number(text);
            if (number == null || number.signum() <= 0) {
                continue;
            }
            String owner = target.generatedFrom() != null ? target.generatedFrom()
                    : target.logicalId();
            findings.add(context.finding(alternative.node().span(), owner, "'" + owner
                    + "' keeps " + number.toPlainString() + " execution environments"
                    + " initialized with provisioned concurrency" + alternative.qualifier()
                    + ", which bills every hour whether or not they serve requests; check the"
                    + " ProvisionedConcurrencyUtilization metric and scale it on a schedule or"
                    + " remove it outside production."));
        }
    }

    /** SAM rejects ProvisionedConcurrencyConfig on a function that publishes no alias. */
    private static void checkSamAlias(RuleContext context, List<Finding> findings) {
        MapNode globals = context.template().section("Globals").getMap("Function");
        boolean globalAlias = globals != null && globals.has("AutoPublishAlias");
        for (MapNode.Entry entry : context.template().resourceDefinitions().entries()) {
            MapNode definition = entry.value().asMap();
            MapNode properties = definition == null ? null : definition.getMap("Properties");
            if (properties == null
                    || !"AWS::Serverless::Function".equals(definition.getText("Type"))) {
                continue;
            }
            MapNode.Entry config = properties.entry("ProvisionedConcurrencyConfig");
            if (config != null && !properties.has("AutoPublishAlias") && !globalAlias) {
                findings.add(context.finding(Severity.ERROR, config.keySpan(), entry.key(),
                        "Function '" + entry.key() + "' sets ProvisionedConcurrencyConfig"
                                + " without AutoPublishAlias, which the SAM transform rejects,"
                                + " because provisioned concurrency needs an alias or version;"
                                + " set AutoPublishAlias."));
            }
        }
    }

    private static BigDecimal number(String text) {
        Long number = WholeNumbers.parse(text);
        return number == null ? null : BigDecimal.valueOf(number);
    }
}
