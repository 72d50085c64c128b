package dev.slens.rules.operational;

import dev.slens.index.Alternative;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import dev.slens.rules.Settings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@RuleInfo(
        id = "SL1070",
        name = "LambdaLatestRuntime",
        summary = "Lambda functions use the newest runtime of their language",
        severity = Severity.INFO,
        pillar = Pillar.OPERATIONAL_EXCELLENCE,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html",
        tags = {"lambda", "runtime"},
        aliases = {"AwsSolutions-L1", "Serverless-LambdaLatestVersion"})
public final class LambdaLatestRuntimeRule implements Rule {

    private static final Pattern FAMILY = Pattern.compile("^([a-z]+)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    @Override
    public List<Finding> check(RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Resource function : context.index().functions()) {
            Node runtime = function.property("Runtime");
            if (runtime == null) {
                continue;
            }
            for (Alternative alternative : context.evaluator().alternatives(runtime)) {
                String id = alternative.value().exactText();
                RuntimeSchedule schedule = id == null ? null
                        : RuntimeCalendar.BUILT_IN.schedule(id);
                // Runtimes within a year of deprecation are reported by SL1003 instead.
                if (schedule == null || schedule.severityOn(context.today()) != null) {
                    continue;
                }
                String newest = newest(family(id));
                if (!newest.equals(id)) {
                    findings.add(context.finding(Settings.spanOf(runtime, alternative),
                            function.logicalId(), "Function '" + function.logicalId()
                                    + "' sets Runtime '" + id + "'" + alternative.qualifier()
                                    + ", but '" + newest + "' is the newest runtime of its"
                                    + " language; plan the upgrade and test the function on '"
                                    + newest + "'" + context.fix(function.logicalId(), "",
                                            ", then set runtime on function '"
                                            + function.generatedFrom() + "' or on the provider")
                                    + "."));
                }
            }
        }
        return findings;
    }

    private static String family(String runtime) {
        Matcher matcher = FAMILY.matcher(runtime);
        return matcher.find() ? matcher.group(1) : runtime;
    }

    /** Returns the runtime of {@code family} with the latest deprecation, then highest version. */
    private static String newest(String family) {
        return RuntimeCalendar.BUILT_IN.schedules().stream()
                .filter(schedule -> family(schedule.runtime()).equals(family))
                .max(Comparator.comparing(RuntimeSchedule::deprecation).thenComparing(
                        RuntimeSchedule::runtime, LambdaLatestRuntimeRule::byVersion))
                .map(RuntimeSchedule::runtime)
                .orElseThrow();
    }

    /** Compares runtime names by the numbers in them, so 'python3.14' follows 'python3.9'. */
    private static int byVersion(String left, String right) {
        List<Integer> a = numbers(left);
        List<Integer> b = numbers(right);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int compared = Integer.compare(a.get(i), b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static List<Integer> numbers(String runtime) {
        List<Integer> numbers = new ArrayList<>();
        Matcher matcher = NUMBER.matcher(runtime);
        while (matcher.find()) {
            numbers.add(Integer.parseInt(matcher.group()));
        }
        return numbers;
    }
}
