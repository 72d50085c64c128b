package dev.slens.internal.serverless;

import dev.slens.load.ServerlessOptions;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves one source of a variable expression: a quoted or numeric literal, a nested variable,
 * or {@code source:address} for the sources the framework resolves without network access
 * ({@code self}, {@code opt}, {@code sls}, {@code env}, {@code file}, {@code aws},
 * {@code param} from the file's {@code params}, {@code strToBool}).
 */
final class VariableSources {

    private static final Pattern SOURCE =
            Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)(?:\\((.*)\\))?(?::(.*))?$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final VariableResolver resolver;
    private final ServerlessOptions options;
    private final FileIncludes includes;
    private final ServerlessProblems problems;
    /** The stage and region once computed; set to the default while being computed. */
    private String stage;
    private String region;

    VariableSources(VariableResolver resolver, ServerlessOptions options, FileIncludes includes,
            ServerlessProblems problems) {
        this.resolver = resolver;
        this.options = options;
        this.includes = includes;
        this.problems = problems;
    }

    /**
     * Resolves {@code source}. When {@code last} is true, the source is the last fallback, and
     * {@code opt:stage} and {@code opt:region} without the option take the defaults.
     */
    Resolution resolve(String source, SourceSpan at, boolean last) {
        String quoted = VariableSyntax.quoted(source);
        if (quoted != null) {
            return new Resolution.Found(Nodes.text(quoted, at));
        }
        if (NUMBER.matcher(source).matches()) {
            return new Resolution.Found(new ScalarNode(source, ScalarNode.Kind.NUMBER, at));
        }
        if (source.equals("true") || source.equals("false")) {
            return new Resolution.Found(new ScalarNode(source, ScalarNode.Kind.BOOLEAN, at));
        }
        if (source.startsWith("${") && source.endsWith("}")) {
            return resolver.evaluate(source.substring(2, source.length() - 1).strip(), at);
        }
        String text = source;
        if (source.contains("${")) {
            text = substitute(source, at);
            if (text == null) {
                return new Resolution.Unknown("${" + source + "} depends on a value known only"
                        + " at deployment");
            }
        }
        Matcher matcher = SOURCE.matcher(text);
        if (!matcher.matches()) {
            return new Resolution.Missing("'" + text + "' is not a variable source");
        }
        String name = matcher.group(1);
        String argument = matcher.group(2);
        String address = matcher.group(3) == null ? "" : matcher.group(3).strip();
        return switch (name) {
            case "self" -> self(address);
            case "opt" -> option(address, last);
            case "sls" -> framework(address);
            case "env" -> environment(address);
            case "file" -> file(argument, address, at);
            case "aws" -> aws(address, at);
            case "param" -> parameter(address);
            case "strToBool" -> new Resolution.Found(new ScalarNode(
                    String.valueOf("true".equals(argument == null ? "" : argument.strip())),
                    ScalarNode.Kind.BOOLEAN, at));
            default -> new Resolution.Unknown("${" + name + (argument != null ? "(...)" : "")
                    + ":} variables are resolved only at deployment");
        };
    }

    /** Returns the stage: the option, else {@code provider.stage}, else {@code dev}. */
    String stage() {
        if (options.stage() != null) {
            return options.stage();
        }
        if (stage == null) {
            stage = ServerlessOptions.DEFAULT_STAGE;
            String written = providerText("stage");
            stage = written != null ? written : ServerlessOptions.DEFAULT_STAGE;
        }
        return stage;
    }

    /** Returns the region: the option, else {@code provider.region}, else {@code us-east-1}. */
    String region() {
        if (options.region() != null) {
            return options.region();
        }
        if (region == null) {
            region = ServerlessOptions.DEFAULT_REGION;
            String written = providerText("region");
            region = written != null ? written : ServerlessOptions.DEFAULT_REGION;
        }
        return region;
    }

    private String providerText(String key) {
        Node value = resolver.walk(resolver.root(), List.of("provider", key));
        return value instanceof ScalarNode scalar && scalar.kind() == ScalarNode.Kind.STRING
                ? scalar.value() : null;
    }

    private Resolution self(String address) {
        List<String> path = address.isEmpty() ? List.of() : Arrays.asList(address.split("\\."));
        Node value = resolver.walk(resolver.root(), path);
        if (value != null) {
            return new Resolution.Found(value);
        }
        // The framework fills in these defaults before other variables read them.
        if (address.equals("provider.stage")) {
            return new Resolution.Found(Nodes.text(stage(), SourceSpan.NONE));
        }
        if (address.equals("provider.region")) {
            return new Resolution.Found(Nodes.text(region(), SourceSpan.NONE));
        }
        return new Resolution.Missing("'" + address + "' is not set in this file");
    }

    // NOTE: Serverless Framework v3 stops with an error on ${opt:stage} without --stage and
    // without a fallback; slens takes the default stage and region instead so it can go on.
    private Resolution option(String name, boolean last) {
        String value = switch (name) {
            case "stage" -> options.stage() != null || !last ? options.stage()
                    : ServerlessOptions.DEFAULT_STAGE;
            case "region" -> options.region() != null || !last ? options.region()
                    : ServerlessOptions.DEFAULT_REGION;
            default -> null;
        };
        return value != null ? new Resolution.Found(Nodes.text(value, SourceSpan.NONE))
                : new Resolution.Missing("the option '--" + name + "' was not given");
    }

    private Resolution framework(String name) {
        if (name.equals("stage")) {
            return new Resolution.Found(Nodes.text(stage(), SourceSpan.NONE));
        }
        if (name.equals("instanceId")) {
            return new Resolution.Unknown("${sls:instanceId} is a random ID chosen at each run");
        }
        return new Resolution.Unknown("${sls:" + name + "} is not resolved by slens");
    }

    private Resolution environment(String name) {
        if (options.environment() == null) {
            return new Resolution.Unknown("${env:" + name + "} is read from the environment only"
                    + " with --env-from-process");
        }
        String value = options.environment().get(name);
        return value != null ? new Resolution.Found(Nodes.text(value, SourceSpan.NONE))
                : new Resolution.Missing("the environment variable '" + name + "' is not set");
    }

    /**
     * Reads a parameter from {@code params.<stage>}, {@code params.default} or the same under
     * {@code stages:} (v4). A parameter set nowhere in the file may come from the Serverless
     * Dashboard, so it is unknown rather than missing.
     */
    private Resolution parameter(String name) {
        for (String stageKey : List.of(stage(), "default")) {
            for (List<String> path : List.of(List.of("params", stageKey, name),
                    List.of("stages", stageKey, "params", name))) {
                Node value = resolver.walk(resolver.root(), path);
                if (value != null) {
                    return new Resolution.Found(value);
                }
            }
        }
        return new Resolution.Unknown("${param:" + name + "} is not set in the file and may"
                + " come from the Serverless Dashboard");
    }

    private Resolution aws(String name, SourceSpan at) {
        return switch (name) {
            case "region" -> new Resolution.Found(Nodes.text(region(), at));
            case "accountId" -> new Resolution.Found(Nodes.ref("AWS::AccountId", at));
            default -> new Resolution.Unknown("${aws:" + name + "} is not resolved by slens");
        };
    }

    private Resolution file(String argument, String address, SourceSpan at) {
        String path = argument == null ? "" : argument.strip();
        String unquoted = VariableSyntax.quoted(path);
        path = unquoted != null ? unquoted : path;
        String written = "${file(" + path + ")" + (address.isEmpty() ? "" : ":" + address) + "}";
        FileIncludes.Included included = includes.read(path);
        if (included instanceof FileIncludes.Included.Outside outside) {
            problems.add(EngineChecks.SLS_FILE_OUTSIDE_PROJECT, at, "Variable '" + written
                    + "' reads '" + outside.path() + "', which is outside the project folder '"
                    + includes.projectFolder() + "', so slens did not read it. Move the file"
                    + " into the project folder.");
            return new Resolution.Failed();
        }
        if (included instanceof FileIncludes.Included.Code) {
            problems.add(EngineChecks.SLS_CODE_VARIABLE, at, "Variable '" + written + "' takes"
                    + " its value from '" + path + "', code that the framework runs when it loads"
                    + " the service. slens does not run code, so the value is unknown and the"
                    + " settings that use it are not checked.");
            return new Resolution.Unknown(written + " is computed by code");
        }
        if (included instanceof FileIncludes.Included.Absent) {
            return new Resolution.Missing("the file '" + path + "' does not exist");
        }
        if (included instanceof FileIncludes.Included.Unparsable unparsable) {
            // The parse error on the included file's own line describes the problem, so the
            // variable gets no finding of its own.
            unparsable.loaderFindings().forEach(problems::add);
            return new Resolution.Failed();
        }
        if (included instanceof FileIncludes.Included.Unreadable unreadable) {
            if (!unreadable.known()) {
                return new Resolution.Unknown(written + " is not read: " + unreadable.reason());
            }
            problems.add(EngineChecks.SLS_UNRESOLVED_VARIABLE, at, "Variable '" + written
                    + "' reads '" + path + "', which cannot be used: "
                    + lowerFirst(unreadable.reason()));
            return new Resolution.Failed();
        }
        Node content = ((FileIncludes.Included.Parsed) included).root();
        List<String> keys = address.isEmpty() ? List.of() : Arrays.asList(address.split("\\."));
        Node value = resolver.walk(content, keys);
        return value != null ? new Resolution.Found(value)
                : new Resolution.Missing("'" + address + "' is not set in '" + path + "'");
    }

    /** Replaces the variables inside a source with their text, or returns {@code null}. */
    private String substitute(String source, SourceSpan at) {
        StringBuilder text = new StringBuilder();
        for (VariableSyntax.Part part : VariableSyntax.split(source)) {
            if (!part.variable()) {
                text.append(part.text());
                continue;
            }
            Resolution inner = resolver.evaluate(part.text(), at);
            if (inner instanceof Resolution.Found found && found.node() instanceof ScalarNode s
                    && s.value() != null) {
                text.append(s.value());
            } else {
                return null;
            }
        }
        return text.toString();
    }

    /** Returns {@code text} with its first letter in lower case unless it starts an acronym. */
    private static String lowerFirst(String text) {
        if (text.length() < 2 || !Character.isLowerCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
