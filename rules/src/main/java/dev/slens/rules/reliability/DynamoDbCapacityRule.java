package dev.slens.rules.reliability;

import dev.slens.index.Alternative;
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
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL8031",
        name = "DynamoDbCapacity",
        summary = "DynamoDB tables choose a billing mode and scale provisioned capacity",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable",
                "AWS::ApplicationAutoScaling::ScalableTarget"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/"
                + "capacity-mode.html",
        tags = {"dynamodb", "capacity"},
        aliases = {"W73", "c333e906", "E3638", "E3639", "DynamoDBAutoScalingEnabled"})
public final class DynamoDbCapacityRule implements Rule {

    static final String PROVISIONED = "PROVISIONED";
    static final String ON_DEMAND = "PAY_PER_REQUEST";
    private static final String THROUGHPUT = "ProvisionedThroughput";

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        ScalableTargets targets = new ScalableTargets(context);
        for (Resource table : context.template().resourcesOfType("AWS::DynamoDB::Table")) {
            new TableCheck(context, table, targets, findings).check();
        }
        return findings;
    }

    /** The checks on one table, for each billing mode its {@code Fn::If} branches choose. */
    private static final class TableCheck {

        private final RuleContext context;
        private final Resource table;
        private final ScalableTargets targets;
        private final List<Finding> findings;
        private final String subject;
        private final boolean simpleTable;

        TableCheck(RuleContext context, Resource table, ScalableTargets targets,
                List<Finding> findings) {
            this.context = context;
            this.table = table;
            this.targets = targets;
            this.findings = findings;
            MapNode written = context.template().resourceDefinitions().getMap(table.logicalId());
            this.simpleTable = written != null
                    && "AWS::Serverless::SimpleTable".equals(written.getText("Type"));
            this.subject = (simpleTable ? "SimpleTable '" : "Table '") + table.logicalId() + "'";
        }

        void check() {
            Node mode = table.property("BillingMode");
            if (mode == null) {
                // SAM writes BillingMode itself: PAY_PER_REQUEST unless ProvisionedThroughput.
                if (!simpleTable && table.property(THROUGHPUT) != null) {
                    report(Severity.WARNING, table.span(), " has no BillingMode, so it is"
                            + " billed for provisioned capacity by default; set BillingMode to '"
                            + ON_DEMAND + "' or to '" + PROVISIONED + "' with scaling.");
                }
                checkMode(table.property(THROUGHPUT) == null && simpleTable ? ON_DEMAND
                        : PROVISIONED, "", table.span());
                return;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (Alternative alternative : context.evaluator().alternatives(mode)) {
                String text = alternative.value().exactText();
                SourceSpan at = alternative.node() == null ? mode.span()
                        : alternative.node().span();
                if (text == null || !seen.add(text)) {
                    continue;
                }
                if (!text.equals(PROVISIONED) && !text.equals(ON_DEMAND)) {
                    report(Severity.ERROR, at, " sets BillingMode to '" + text + "'"
                            + alternative.qualifier() + ", which DynamoDB rejects; use '"
                            + ON_DEMAND + "' or '" + PROVISIONED + "'.");
                } else {
                    checkMode(text, alternative.qualifier(), at);
                }
            }
        }

        private void checkMode(String mode, String qualifier, SourceSpan modeSpan) {
            Node throughput = table.property(THROUGHPUT);
            if (mode.equals(ON_DEMAND)) {
                if (throughput != null) {
                    report(Severity.ERROR, keySpan(table.properties()), " sets " + THROUGHPUT
                            + " with BillingMode '" + ON_DEMAND + "'" + qualifier
                            + ", which DynamoDB rejects; remove " + THROUGHPUT + ".");
                }
                for (MapNode index : indexes()) {
                    if (index.get(THROUGHPUT) != null) {
                        report(Severity.ERROR, keySpan(index), " index '"
                                + index.getText("IndexName") + "' sets " + THROUGHPUT
                                + " with BillingMode '" + ON_DEMAND + "'" + qualifier
                                + ", which DynamoDB rejects; remove it.");
                    }
                }
                return;
            }
            checkProvisioned(table.properties(), qualifier, modeSpan, null);
            for (MapNode index : indexes()) {
                checkProvisioned(index, qualifier, modeSpan, index.getText("IndexName"));
            }
        }

        private void checkProvisioned(MapNode owner, String qualifier, SourceSpan modeSpan,
                String index) {
            String indexLabel = index == null ? "" : " index '" + index + "'";
            if (owner.get(THROUGHPUT) == null) {
                report(Severity.ERROR, index == null ? modeSpan : owner.span(),
                        indexLabel + " has no " + THROUGHPUT
                        + " although it is billed for provisioned capacity" + qualifier
                        + ", which DynamoDB rejects; set " + THROUGHPUT
                        + " or BillingMode '" + ON_DEMAND + "'.");
                return;
            }
            List<String> missing = targets.missing(table, index);
            if (!missing.isEmpty()) {
                report(Severity.WARNING, keySpan(owner), indexLabel + " has provisioned capacity"
                        + qualifier + " without an auto scaling target for "
                        + String.join(" and ", missing) + ", so traffic above it is"
                        + " throttled; add an AWS::ApplicationAutoScaling::ScalableTarget with"
                        + " a scaling policy, or set BillingMode '" + ON_DEMAND + "'.");
            }
        }

        /**
         * Returns where {@code owner} sets ProvisionedThroughput. For a SimpleTable this is the
         * key as written, because the table SAM generates keeps only the places of the values.
         */
        private SourceSpan keySpan(MapNode owner) {
            MapNode written = context.template().resourceDefinitions().getMap(table.logicalId());
            MapNode properties = written == null ? null : written.getMap("Properties");
            if (simpleTable && owner == table.properties() && properties != null
                    && properties.entry(THROUGHPUT) != null) {
                return properties.entry(THROUGHPUT).keySpan();
            }
            return owner.entry(THROUGHPUT).keySpan();
        }

        private List<MapNode> indexes() {
            List<MapNode> indexes = new ArrayList<>();
            Node written = table.property("GlobalSecondaryIndexes");
            ListNode list = written == null ? null : written.asList();
            for (Node item : list == null ? List.<Node>of() : list.items()) {
                if (item.asMap() != null && item.asMap().getText("IndexName") != null) {
                    indexes.add(item.asMap());
                }
            }
            return indexes;
        }

        private void report(Severity severity, SourceSpan span, String problem) {
            findings.add(context.finding(severity, span, table.logicalId(), subject + problem));
        }
    }
}
