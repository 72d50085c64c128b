package dev.slens.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.slens.engine.RuleRegistry;
import dev.slens.rule.AliasTools;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Pillar;
import dev.slens.rule.RuleMetadata;
import dev.slens.rules.RuleDocGenerator;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code slens rules}: lists the engine's checks and every rule found on the class path. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        versionProvider = SlensCommand.VersionProvider.class,
        modelTransformer = CommandDefaults.class,
        description = "Lists every rule with its ID, name, pillar, default severity, whether it"
                + " is on by default, and the IDs other tools use for the same check, grouped by"
                + " tool.",
        footer = {"", "The filters apply to every format. A rule is listed when it matches each"
                + " filter given, and any of the values of a repeated filter."})
public final class RulesCommand implements Callable<Integer>, ExitCodeHelp {

    private static final List<String> TEXT_HEADER =
            List.of("ID", "SEVERITY", "PILLAR", "DEFAULT", "NAME", "ALIASES");

    /** The output formats of this command. */
    enum ListFormat { TEXT, JSON, MARKDOWN }

    @Spec
    private CommandSpec spec;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "text",
            converter = ListFormatValues.class, completionCandidates = ListFormatValues.class,
            description = "Output format, one of: ${COMPLETION-CANDIDATES}."
                    + " Default: ${DEFAULT-VALUE}. markdown prints the rule index that the"
                    + " repository keeps as docs/rules/index.md, without the engine's"
                    + " own checks, because they have no rule page to link to.")
    private ListFormat format;

    @Option(names = "--pillar", paramLabel = "PILLAR", converter = PillarValues.class,
            completionCandidates = PillarValues.class,
            description = "List only the rules of this pillar, one of: ${COMPLETION-CANDIDATES}."
                    + " Repeat the option to list several pillars.")
    private List<Pillar> pillars = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "TAG",
            description = "List only the rules with this tag, such as lambda or iam. Case does"
                    + " not matter. Repeat the option to list the rules with any of several"
                    + " tags.")
    private List<String> tags = new ArrayList<>();

    @Option(names = "--enabled", paramLabel = "true|false", arity = "1",
            description = "List only the rules that are on by default (true) or only those"
                    + " that are off by default (false).")
    private Boolean enabled;

    @Mixin
    private DebugOption logging;

    @Override
    public Integer call() {
        logging.configureLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<RuleMetadata> all = allRules();
            checkTagsExist(all);
            List<RuleMetadata> rules = all.stream().filter(this::matchesFilters).toList();
            if (format == ListFormat.JSON) {
                out.println(toJson(rules));
            } else if (format == ListFormat.MARKDOWN) {
                out.print(RuleDocGenerator.index(rules.stream()
                        .filter(rule -> rule.pillar() != Pillar.ENGINE).toList()));
            } else {
                printTable(rules, out);
            }
            out.flush();
            return ExitCode.OK.code();
        } catch (ServiceConfigurationError e) {
            return CommandErrors.report(err, ExitCode.INTERNAL_ERROR, e, true, logging.debug());
        } catch (ParameterException e) {
            throw e;
        } catch (RuntimeException | JsonProcessingException e) {
            return CommandErrors.report(err, ExitCode.INTERNAL_ERROR, e, false, logging.debug());
        }
    }

    @Override
    public Map<ExitCode, String> exitCodes() {
        return Map.of(
                ExitCode.OK, "The rules were listed.",
                ExitCode.INTERNAL_ERROR, "Unexpected internal error, such as a rule class that"
                        + " could not be loaded.",
                ExitCode.USAGE, "Usage error, such as an unknown option or a tag that no rule"
                        + " has.");
    }

    private boolean matchesFilters(RuleMetadata rule) {
        boolean pillarMatches = pillars.isEmpty() || pillars.contains(rule.pillar());
        boolean tagMatches = tags.isEmpty() || rule.tags().stream()
                .anyMatch(tag -> tags.stream().anyMatch(tag::equalsIgnoreCase));
        boolean enabledMatches = enabled == null || enabled == rule.enabledByDefault();
        return pillarMatches && tagMatches && enabledMatches;
    }

    /**
     * Rejects a {@code --tag} that no rule has, because an empty list would not show whether
     * the tag is misspelled or has no rules yet.
     */
    private void checkTagsExist(List<RuleMetadata> rules) {
        List<String> known = rules.stream().flatMap(rule -> rule.tags().stream())
                .map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().sorted().toList();
        for (String tag : tags) {
            if (!known.contains(tag.toLowerCase(Locale.ROOT))) {
                throw new ParameterException(spec.commandLine(), "unknown tag '" + tag
                        + "'. The rules have these tags: " + String.join(", ", known));
            }
        }
    }

    /** Returns the engine checks and the registered rules, in ID order. */
    static List<RuleMetadata> allRules() {
        List<RuleMetadata> rules = new ArrayList<>(EngineChecks.ALL);
        rules.addAll(RuleRegistry.load(RulesCommand.class.getClassLoader()).metadata());
        rules.sort(Comparator.comparing(RuleMetadata::id));
        return rules;
    }

    /**
     * Prints one row per rule. Each column is as wide as its longest cell plus one space, so
     * that a long rule name does not push the columns after it out of line.
     */
    private static void printTable(List<RuleMetadata> rules, PrintWriter out) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(TEXT_HEADER);
        for (RuleMetadata rule : rules) {
            String aliases = AliasTools.describe(rule.aliases());
            rows.add(List.of(rule.id(), rule.severity().label(), rule.pillar().packageName(),
                    rule.enabledByDefault() ? "on" : "off", rule.name(), aliases));
        }

        int[] widths = new int[TEXT_HEADER.size()];
        for (List<String> row : rows) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }

        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length - 1; column++) {
                String cell = row.get(column);
                line.append(cell).append(" ".repeat(widths[column] - cell.length() + 1));
            }
            out.println(line.append(row.get(widths.length - 1)));
        }
    }

    private static String toJson(List<RuleMetadata> rules) throws JsonProcessingException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (RuleMetadata rule : rules) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", rule.id());
            entry.put("name", rule.name());
            entry.put("summary", rule.summary());
            entry.put("pillar", rule.pillar().packageName());
            entry.put("severity", rule.severity().label());
            entry.put("enabledByDefault", rule.enabledByDefault());
            entry.put("aliases", rule.aliases());
            entry.put("aliasTools", AliasTools.toolsOf(rule.aliases()));
            entry.put("resourceTypes", rule.resourceTypes());
            entry.put("tags", rule.tags());
            entry.put("since", rule.since());
            entry.put("helpUri", rule.sourceUrl());
            List<Map<String, String>> parameters = new ArrayList<>();
            for (RuleMetadata.Parameter parameter : rule.parameters()) {
                parameters.add(Map.of("name", parameter.name(),
                        "default", parameter.defaultValue(),
                        "description", parameter.description()));
            }
            entry.put("parameters", parameters);
            entries.add(entry);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(entries);
    }

    /** Converts and lists the lowercase values of {@code --format}. */
    static final class ListFormatValues extends EnumOptionValues<ListFormat> {

        ListFormatValues() {
            super(ListFormat.class);
        }
    }

    /** Converts and lists the values of {@code --pillar}, the names {@code rules} prints. */
    static final class PillarValues implements ITypeConverter<Pillar>, Iterable<String> {

        @Override
        public Pillar convert(String value) {
            for (Pillar pillar : Pillar.values()) {
                if (pillar.packageName().equalsIgnoreCase(value)) {
                    return pillar;
                }
            }
            throw new TypeConversionException("expected one of " + String.join(", ", this)
                    + " but was '" + value + "'");
        }

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Pillar.values()).map(Pillar::packageName).iterator();
        }
    }
}
