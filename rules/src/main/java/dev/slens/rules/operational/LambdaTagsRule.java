package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.index.Value;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.RuleParameter;
import dev.slens.rule.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

@RuleInfo(
        id = "SL1072",
        name = "LambdaTags",
        summary = "Lambda functions carry tags, including the required keys",
        severity = Severity.INFO,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/configuration-tags.html",
        tags = {"lambda", "tags", "cost"},
        aliases = {"8df8e857", "a71ecabe", "f99d3482"},
        enabledByDefault = false,
        parameters = @RuleParameter(name = "requiredKeys", defaultValue = "",
                description = "Tag keys every function must carry, separated by commas, such as"
                        + " 'team,cost-center'; empty to ask only for some tag."))
public final class LambdaTagsRule implements Rule {

    /** The tag SAM adds to every function it creates; it names no owner. */
    private static final String SAM_TAG = "lambda:createdBy";

    @Override
    public List<Finding> check(RuleContext context) {
        List<String> required = Arrays.stream(context.parameter("requiredKeys").split(","))
                .map(String::strip).filter(key -> !key.isEmpty()).toList();
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node tags = function.property("Tags");
            List<Alternative> branches = tags == null ? List.of()
                    : context.evaluator().alternatives(tags);
            if (branches.isEmpty()) {
                report(context, function, function.span(), "", Set.of(), required, findings);
            }
            // A map written under the key starts on the next line, so point at the key.
            MapNode.Entry key = function.properties().entry("Tags");
            for (Alternative branch : branches) {
                SourceSpan at = branch.node() == key.value() ? key.keySpan()
                        : branch.node().span();
                report(context, function, at, branch.qualifier(),
                        keys(context, branch.value()), required, findings);
            }
        }
        return findings;
    }

    private static void report(RuleContext context, Resource function,
            SourceSpan at, String qualifier, Set<String> keys,
            List<String> required, List<Finding> findings) {
        if (keys == null) {
            return;
        }
        String subject = "Function '" + function.logicalId() + "'";
        if (keys.isEmpty()) {
            findings.add(context.finding(at, function.logicalId(), subject + " has no tags"
                    + qualifier + ", so its cost and owner cannot be told apart from other"
                    + " functions; set Tags" + (required.isEmpty() ? ""
                            : " with the keys '" + String.join("', '", required) + "'")
                    + " (Serverless Framework: tags, provider.tags or provider.stackTags)."));
            return;
        }
        List<String> missing = required.stream().filter(key -> !keys.contains(key)).toList();
        if (!missing.isEmpty()) {
            findings.add(context.finding(at, function.logicalId(), subject + " has no tag '"
                    + String.join("', '", missing) + "'" + qualifier + ", which the"
                    + " configuration requires; add it to Tags (Serverless Framework: tags,"
                    + " provider.tags or provider.stackTags)."));
        }
    }

    /**
     * Returns the tag keys of one branch of {@code Tags}, as a SAM map or a CloudFormation list
     * of {@code Key}/{@code Value} pairs, or {@code null} when some key cannot be known.
     */
    private static Set<String> keys(RuleContext context, Value tags) {
        Set<String> keys = new LinkedHashSet<>();
        if (!(tags instanceof Value.Structure structure)) {
            return tags instanceof Value.NoValue ? keys : null;
        }
        MapNode map = structure.node().asMap();
        if (map != null && map.intrinsicName() == null) {
            keys.addAll(map.keys());
        } else if (structure.node().asList() != null) {
            for (Alternative item : context.evaluator().elements(structure.node())) {
                MapNode pair = item.node().asMap();
                String key = pair == null ? null : context.evaluator().exactText(pair.get("Key"));
                if (key == null) {
                    return null;
                }
                keys.add(key);
            }
        } else {
            return null;
        }
        keys.remove(SAM_TAG);
        return keys;
    }
}
