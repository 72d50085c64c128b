package dev.slens.cli;

import dev.slens.config.ClosestName;
import dev.slens.engine.RuleRegistry;
import dev.slens.rule.AliasTools;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleMetadata;
import dev.slens.rules.RuleDocGenerator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code slens explain}: prints the documentation of one rule or engine check. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        versionProvider = SlensCommand.VersionProvider.class,
        modelTransformer = CommandDefaults.class,
        description = {
            "Prints the documentation of a rule as Markdown: its metadata table and its"
                    + " explanation, with the fixes for SAM, CloudFormation and serverless.yml.",
            "The ID is matched ignoring case. Another tool's ID, such as a serverless-rules or"
                    + " cfn_nag ID, selects the slens rules that list it as an alias."})
public final class ExplainCommand implements Callable<Integer>, ExitCodeHelp {

    /** The sentence printed in place of prose for an engine check, which has no prose file. */
    static final String ENGINE_CHECK_NOTE = "The engine makes this check itself while it reads"
            + " templates and runs rules, so it has no rule class and no further documentation.";

    /** The largest edit distance at which an unknown ID still gets a suggestion. */
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Rule ID, such as SL1004, or an ID that"
            + " another tool uses for the same check, such as WS1000.")
    private String id;

    @Mixin
    private DebugOption logging;

    @Override
    public Integer call() {
        logging.configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Rule> rules;
        try {
            rules = RuleRegistry.load(ExplainCommand.class.getClassLoader()).rules();
        } catch (ServiceConfigurationError e) {
            return CommandErrors.report(err, ExitCode.INTERNAL_ERROR, e, true, logging.debug());
        }

        List<Documented> matches = find(rules, id);
        if (matches.isEmpty()) {
            throw new ParameterException(spec.commandLine(), unknownRuleMessage(rules, id));
        }

        try {
            out.print(explain(matches, id));
            out.flush();
            return ExitCode.OK.code();
        } catch (RuntimeException e) {
            return CommandErrors.report(err, ExitCode.INTERNAL_ERROR, e, false, logging.debug());
        }
    }

    @Override
    public Map<ExitCode, String> exitCodes() {
        return Map.of(
                ExitCode.OK, "The documentation was printed.",
                ExitCode.INTERNAL_ERROR, "Unexpected internal error, such as a rule class or a"
                        + " documentation file that could not be loaded.",
                ExitCode.USAGE, "Usage error, such as an unknown rule ID.");
    }

    /**
     * Returns the rule or engine check whose ID is {@code requested}, ignoring case. When no ID
     * matches, returns every rule that lists {@code requested} as an alias, in ID order.
     */
    static List<Documented> find(List<Rule> rules, String requested) {
        List<Documented> all = documented(rules);
        for (Documented entry : all) {
            if (entry.metadata().id().equalsIgnoreCase(requested)) {
                return List.of(entry);
            }
        }
        return all.stream()
                .filter(entry -> entry.metadata().aliases().stream()
                        .anyMatch(alias -> alias.equalsIgnoreCase(requested)))
                .toList();
    }

    /**
     * Returns the pages of {@code matches}. When {@code requested} is an alias, a first line
     * names its tool and the slens rules it stands for, because the pages show only slens IDs.
     */
    static String explain(List<Documented> matches, String requested) {
        StringBuilder text = new StringBuilder();
        if (!matches.get(0).metadata().id().equalsIgnoreCase(requested)) {
            List<String> ids = matches.stream().map(entry -> entry.metadata().id()).toList();
            // The alias as the rule writes it, because a tool's ID form is case-sensitive.
            String alias = matches.get(0).metadata().aliases().stream()
                    .filter(requested::equalsIgnoreCase).findFirst().orElse(requested);
            text.append(alias).append(" (").append(AliasTools.toolOf(alias))
                    .append(") is an alias of ").append(String.join(" and ", ids))
                    .append(".\n\n");
        }
        for (int i = 0; i < matches.size(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(matches.get(i).page());
        }
        return text.toString();
    }

    /**
     * Returns {@code error: unknown rule} text for {@code requested}, naming the closest ID or
     * alias when one is at most two single-character edits away.
     */
    static String unknownRuleMessage(List<Rule> rules, String requested) {
        String message = "unknown rule '" + requested + "'";
        Optional<String> closest = closestName(rules, requested);
        if (closest.isPresent()) {
            message += " (did you mean '" + closest.get() + "'?)";
        }
        return message;
    }

    private static Optional<String> closestName(List<Rule> rules, String requested) {
        String target = requested.toUpperCase(Locale.ROOT);
        String best = null;
        int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
        for (Documented entry : documented(rules)) {
            List<String> names = new ArrayList<>(List.of(entry.metadata().id()));
            names.addAll(entry.metadata().aliases());
            for (String name : names) {
                int distance = ClosestName.distance(target, name.toUpperCase(Locale.ROOT));
                if (distance < bestDistance) {
                    best = name;
                    bestDistance = distance;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Returns the engine checks and {@code rules} in ID order, each with its page. */
    private static List<Documented> documented(List<Rule> rules) {
        List<Documented> all = new ArrayList<>();
        for (RuleMetadata check : EngineChecks.ALL) {
            all.add(new Documented(check, null));
        }
        for (Rule rule : rules) {
            all.add(new Documented(rule.metadata(), rule));
        }
        all.sort(Comparator.comparing(entry -> entry.metadata().id()));
        return all;
    }

    /**
     * A rule or an engine check that can be explained.
     *
     * @param metadata its metadata
     * @param rule the rule, or {@code null} for an engine check
     */
    record Documented(RuleMetadata metadata, Rule rule) {

        /**
         * Returns the page that {@link RuleDocGenerator#page} writes, without its first line, an
         * HTML comment that tells documentation editors which files the page comes from. An
         * engine check gets its metadata table and {@link #ENGINE_CHECK_NOTE}.
         */
        String page() {
            if (rule == null) {
                return RuleDocGenerator.metadataSection(metadata) + '\n' + ENGINE_CHECK_NOTE
                        + '\n';
            }
            String page = RuleDocGenerator.page(rule);
            if (page.startsWith("<!--")) {
                page = page.substring(page.indexOf("-->\n") + "-->\n".length()).stripLeading();
            }
            return page;
        }
    }
}
