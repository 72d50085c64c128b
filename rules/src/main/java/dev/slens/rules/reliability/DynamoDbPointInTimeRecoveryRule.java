package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
import dev.slens.index.Evaluator;
import dev.slens.index.Value;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@RuleInfo(
        id = "SL8030",
        name = "DynamoDbPointInTimeRecovery",
        summary = "DynamoDB tables keep point-in-time recovery on",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable",
                "AWS::Serverless::SimpleTable"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
                + "PointInTimeRecovery.html",
        tags = {"dynamodb", "backup"},
        aliases = {"AwsSolutions-DDB3", "W78", "CKV_AWS_28", "AWS-0024"})
public final class DynamoDbPointInTimeRecoveryRule implements Rule {

    private static final String SPECIFICATION = "PointInTimeRecoverySpecification";
    private static final String ENABLED = "PointInTimeRecoveryEnabled";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource table : context.template().resourcesOfType("AWS::DynamoDB::Table")) {
            String subject = simpleTable(context, table) ? "SimpleTable '" + table.logicalId()
                    + "'" : "Table '" + table.logicalId() + "'";
            for (Gap gap : gaps(context.evaluator(), table.property(SPECIFICATION),
                    table.span())) {
                findings.add(context.finding(gap.span(), table.logicalId(),
                        message(subject, gap, simpleTable(context, table))));
            }
        }
        for (Resource table : context.template().resourcesOfType("AWS::DynamoDB::GlobalTable")) {
            Node replicas = table.property("Replicas");
            if (!(replicas instanceof ListNode list)) {
                continue;
            }
            for (Node replica : list.items()) {
                MapNode map = replica.asMap();
                if (map == null) {
                    continue;
                }
                String region = map.getText("Region");
                String subject = "Global table '" + table.logicalId() + "' replica"
                        + (region == null ? "" : " '" + region + "'");
                for (Gap gap : gaps(context.evaluator(), map.get(SPECIFICATION),
                        replica.span())) {
                    findings.add(context.finding(gap.span(), table.logicalId(),
                            message(subject, gap, false)));
                }
            }
        }
        return findings;
    }

    /** A branch in which recovery is off: {@code setting} is "has no ..." or "sets ...". */
    private record Gap(SourceSpan span, String setting, String qualifier) { }

    /** Returns the branches of a specification that leave recovery off. */
    private static List<Gap> gaps(Evaluator evaluator, Node specification, SourceSpan owner) {
        List<Gap> gaps = new ArrayList<>();
        if (specification == null) {
            gaps.add(new Gap(owner, "has no " + SPECIFICATION, ""));
            return gaps;
        }
        for (Alternative outer : evaluator.alternatives(specification)) {
            MapNode map = Settings.map(outer.value());
            if (outer.value() instanceof Value.NoValue) {
                gaps.add(new Gap(outer.node().span(), "has no " + SPECIFICATION,
                        outer.qualifier()));
            } else if (map != null && map.get(ENABLED) == null) {
                gaps.add(new Gap(map.span(), "has no " + SPECIFICATION + "." + ENABLED,
                        outer.qualifier()));
            } else if (map != null) {
                for (Alternative inner : evaluator.alternatives(map.get(ENABLED))) {
                    String text = inner.value() instanceof Value.Literal literal
                            ? literal.text() : inner.value().exactText();
                    boolean off = inner.value() instanceof Value.NoValue
                            || text != null && text.toLowerCase(Locale.ROOT).equals("false");
                    if (off) {
                        gaps.add(new Gap(inner.node().span(), "sets " + SPECIFICATION + "."
                                + ENABLED + " to 'false'", joined(outer, inner)));
                    }
                }
            }
        }
        return gaps;
    }

    /** Returns one message qualifier for a value reached through two nested alternatives. */
    private static String joined(Alternative outer, Alternative inner) {
        String first = outer.qualifier();
        String second = inner.qualifier();
        if (first.isEmpty() || second.isEmpty()) {
            return first + second;
        }
        String rest = second.substring(2);
        String joint = first.contains("when ") && rest.startsWith("when ")
                ? " and " + rest.substring("when ".length()) : ", " + rest;
        return first.substring(0, first.length() - 1) + joint;
    }

    private static boolean simpleTable(RuleContext context, Resource table) {
        MapNode written = context.template().resourceDefinitions().getMap(table.logicalId());
        return written != null
                && "AWS::Serverless::SimpleTable".equals(written.getText("Type"));
    }

    private static String message(String subject, Gap gap, boolean simpleTable) {
        // SAM has copied the property from a SimpleTable to its table since 2023
        // (aws/serverless-application-model pull request 3138).
        String where = simpleTable ? " on the SimpleTable" : "";
        return subject + " " + gap.setting() + gap.qualifier() + ", so a bad write or delete"
                + " cannot be undone by restoring the table to an earlier second; set "
                + SPECIFICATION + "." + ENABLED + " to true" + where + ".";
    }
}
