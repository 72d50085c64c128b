package dev.slens.index;

import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateLoader;
import dev.slens.model.IncludedFile;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.ScalarNode;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.model.Template;
import dev.slens.rule.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Amazon States Language definition of each state machine of a template. An inline
 * {@code Definition} keeps the spans it was written with; a {@code DefinitionString} (plain
 * text, {@code Fn::Sub} in both forms, or {@code Fn::Join}) is put together with the place of
 * each piece, parsed as JSON, and its spans mapped back to the template. A {@code ${name}}
 * placeholder stays in the text, quoted where JSON expects a value, and
 * {@link StateMachineDefinition#substitutions()} maps it to its value. A {@code Definition}
 * or {@code DefinitionString} chosen with {@code Fn::If} is read once per branch, and a
 * branch of {@code AWS::NoValue} is left out. A definition in S3
 * ({@code DefinitionS3Location}), or one that only deployment can tell, is not read.
 */
final class DefinitionReader {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    /** A YAML literal block indicator, after an optional tag such as {@code !Sub}. */
    private static final Pattern LITERAL_BLOCK =
            Pattern.compile("^(?:![^\\s]+\\s+)?\\|[-+0-9]*\\s*(?:#.*)?$");

    private final Template template;

    DefinitionReader(Template template) {
        this.template = template;
    }

    List<StateMachineDefinition> read() {
        List<StateMachineDefinition> definitions = new ArrayList<>();
        for (Resource machine : template.resourcesOfType("AWS::StepFunctions::StateMachine")) {
            for (Branch branch : branches(machine)) {
                StateMachineDefinition definition = read(machine, branch);
                if (definition != null) {
                    definitions.add(definition);
                }
            }
        }
        return definitions;
    }

    /**
     * One way the definition may be written: the node of {@code Definition} or
     * {@code DefinitionString} in one {@code Fn::If} branch, or as written when there is none.
     *
     * @param key the property, or {@code null} when the machine has neither
     * @param node the value in this branch
     * @param conditions the branches taken, such as "condition 'IsProd' is true"
     */
    private record Branch(String key, Node node, List<String> conditions) {

        String qualifier() {
            return conditions.isEmpty() ? "" : " (when " + String.join(" and ", conditions)
                    + ")";
        }
    }

    private static List<Branch> branches(Resource machine) {
        List<Branch> branches = new ArrayList<>();
        for (String key : List.of("Definition", "DefinitionString")) {
            Node node = machine.property(key);
            if (node != null) {
                split(key, node, List.of(), branches);
                return branches;
            }
        }
        branches.add(new Branch(null, null, List.of()));
        return branches;
    }

    /**
     * Adds the branches of {@code node}: one per side of each {@code Fn::If}, nested ones
     * included, without the sides that are {@code AWS::NoValue}. When both sides are the
     * same node, as with a YAML alias, it is added once without the condition, so its
     * findings are not reported twice.
     */
    private static void split(String key, Node node, List<String> conditions,
            List<Branch> out) {
        ListNode arguments = "Fn::If".equals(node.intrinsicName())
                ? node.asMap().get("Fn::If").asList() : null;
        if (arguments == null || arguments.size() != 3 || arguments.get(0).text() == null) {
            if (!isNoValue(node)) {
                out.add(new Branch(key, node, conditions));
            }
            return;
        }
        String condition = "condition '" + arguments.get(0).text() + "' is ";
        if (arguments.get(1) == arguments.get(2)) {
            split(key, arguments.get(1), conditions, out);
            return;
        }
        split(key, arguments.get(1), with(conditions, condition + "true"), out);
        split(key, arguments.get(2), with(conditions, condition + "false"), out);
    }

    private static List<String> with(List<String> conditions, String condition) {
        List<String> longer = new ArrayList<>(conditions);
        longer.add(condition);
        return longer;
    }

    private static boolean isNoValue(Node node) {
        Node argument = "Ref".equals(node.intrinsicName()) ? node.asMap().get("Ref") : null;
        return argument != null && "AWS::NoValue".equals(argument.text());
    }

    private StateMachineDefinition read(Resource machine, Branch branch) {
        Map<String, Node> substitutions = new LinkedHashMap<>();
        Node declared = machine.property("DefinitionSubstitutions");
        if (declared != null && declared.asMap() != null && declared.intrinsicName() == null) {
            declared.asMap().entries().forEach(e -> substitutions.put(e.key(), e.value()));
        }
        String qualifier = branch.qualifier();
        IncludedFile included = template.includedFile(machine.logicalId(), "Definition");
        if (included != null) {
            return definition(machine, included.file(), included.root(), substitutions, "");
        }
        if ("Definition".equals(branch.key())) {
            MapNode.Entry inline = machine.properties().entry("Definition");
            if (branch.node().intrinsicName() != null) {
                return null;
            }
            if (branch.node().asMap() == null) {
                return failed(machine, "Definition is not a mapping" + qualifier,
                        inline.keySpan(), substitutions);
            }
            // A Serverless Framework definition read through ${file()} keeps that file in its
            // spans, so the definition is in that file rather than in the template.
            SourceFile file = branch.node().span().fileOr(template.file());
            return definition(machine, file, branch.node().asMap(), substitutions, qualifier);
        }
        MapNode.Entry string = machine.properties().entry("DefinitionString");
        MappedText text = new MappedText();
        if (string == null || !compose(branch.node(), text, substitutions)) {
            return null;
        }
        return parse(machine, text, string.keySpan(), substitutions, qualifier);
    }

    private StateMachineDefinition parse(Resource machine, MappedText text, SourceSpan at,
            Map<String, Node> substitutions, String qualifier) {
        Path name = Path.of("definition.json");
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT).parse(name, name.toString(),
                text.text());
        if (loaded.root() == null) {
            Finding problem = loaded.problems().isEmpty() ? null : loaded.problems().get(0);
            if (problem == null || loaded.document() != null) {
                return failed(machine, "DefinitionString is not a JSON object" + qualifier, at,
                        substitutions);
            }
            String reason = problem.message().replaceFirst("^The file cannot be parsed: ", "")
                    .replaceFirst("^invalid JSON: ", "").replaceFirst("\\.$", "");
            return failed(machine, "DefinitionString is not valid JSON" + qualifier + ": "
                    + reason, text.map(problem.span()), substitutions);
        }
        MapNode root = (MapNode) remap(loaded.root(), text);
        return definition(machine, template.file(), root, substitutions, qualifier);
    }

    private static StateMachineDefinition failed(Resource machine, String problem,
            SourceSpan at, Map<String, Node> substitutions) {
        return new StateMachineDefinition(machine, null, null, problem, at, substitutions, "");
    }

    private static StateMachineDefinition definition(Resource machine, SourceFile file,
            MapNode root, Map<String, Node> substitutions, String qualifier) {
        return new StateMachineDefinition(machine, file, graph(root, ""), null, null,
                substitutions, qualifier);
    }

    private static AslGraph graph(MapNode node, String where) {
        List<AslState> states = new ArrayList<>();
        MapNode written = node.getMap("States");
        for (MapNode.Entry entry : written == null ? List.<MapNode.Entry>of()
                : written.entries()) {
            MapNode state = entry.value().asMap();
            String type = state == null ? null : state.getText("Type");
            List<AslGraph> children = new ArrayList<>();
            String owner = "'" + entry.key() + "'" + where;
            if (state != null && "Parallel".equals(type)) {
                ListNode branches = state.get("Branches") == null ? null
                        : state.get("Branches").asList();
                for (int i = 0; branches != null && i < branches.size(); i++) {
                    MapNode branch = branches.get(i).asMap();
                    if (branch != null) {
                        children.add(graph(branch, " in branch " + (i + 1) + " of " + owner));
                    }
                }
            } else if (state != null && "Map".equals(type)) {
                for (String key : List.of("ItemProcessor", "Iterator")) {
                    MapNode processor = state.getMap(key);
                    if (processor != null) {
                        children.add(graph(processor, " in the " + key + " of " + owner));
                    }
                }
            }
            states.add(new AslState(entry.key(), entry.keySpan(), state, type, where, children));
        }
        return new AslGraph(node, where, states);
    }

    /** Appends the text {@code node} stands for; false when only deployment can tell it. */
    private boolean compose(Node node, MappedText text, Map<String, Node> substitutions) {
        if (node instanceof ScalarNode scalar && scalar.value() != null) {
            appendScalar(scalar, text, false);
            return true;
        }
        String function = node.intrinsicName();
        Node argument = function == null ? null : node.asMap().get(function);
        if ("Fn::Sub".equals(function)) {
            ListNode list = argument.asList();
            Node body = list != null && list.size() > 0 ? list.get(0) : argument;
            MapNode variables = list != null && list.size() > 1 ? list.get(1).asMap() : null;
            if (variables != null) {
                variables.entries().forEach(e -> substitutions.put(e.key(), e.value()));
            }
            if (!(body instanceof ScalarNode scalar) || scalar.value() == null) {
                return false;
            }
            appendScalar(scalar, text, true);
            return true;
        }
        if ("Fn::Join".equals(function)) {
            return join(argument, text, substitutions);
        }
        return false;
    }

    private boolean join(Node argument, MappedText text, Map<String, Node> substitutions) {
        ListNode list = argument.asList();
        ListNode parts = list != null && list.size() == 2 ? list.get(1).asList() : null;
        String delimiter = list != null && list.size() == 2 ? list.get(0).text() : null;
        if (parts == null || delimiter == null) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            Node part = parts.get(i);
            if (i > 0) {
                SourceSpan at = list.get(0).span();
                text.append(delimiter, at.line(), at.column(), false);
            }
            if (part instanceof ScalarNode || "Fn::Sub".equals(part.intrinsicName())) {
                if (!compose(part, text, substitutions)) {
                    placeholder("unknown", part.span(), text);
                }
            } else {
                placeholder(referenceName(part), part.span(), text);
            }
        }
        return true;
    }

    /** Returns the placeholder name of a {@code Ref} or {@code Fn::GetAtt} part of a join. */
    private static String referenceName(Node part) {
        String function = part.intrinsicName();
        Node argument = function == null ? null : part.asMap().get(function);
        if ("Ref".equals(function) && argument.text() != null) {
            return argument.text();
        }
        ListNode getAtt = "Fn::GetAtt".equals(function) ? argument.asList() : null;
        if (getAtt != null && getAtt.size() == 2) {
            return getAtt.get(0).text() + "." + getAtt.get(1).text();
        }
        if ("Fn::GetAtt".equals(function) && argument.text() != null) {
            return argument.text();
        }
        return function == null ? "unknown" : function;
    }

    private void appendScalar(ScalarNode scalar, MappedText text, boolean sub) {
        SourceSpan at = scalar.span();
        String line = template.file().line(at.line());
        boolean block = at.column() >= 1 && at.column() <= line.length()
                && LITERAL_BLOCK.matcher(line.substring(at.column() - 1).strip()).matches();
        if (!block) {
            appendLine(scalar.value(), at.line(), at.column(), false, text, sub);
            return;
        }
        String[] lines = scalar.value().split("\n", -1);
        int indent = indent(at.line());
        for (int i = 0; i < lines.length; i++) {
            appendLine(lines[i], at.line() + 1 + i, indent + 1, true, text, sub);
            if (i < lines.length - 1) {
                text.append("\n", at.line() + 1 + i, indent + 1 + lines[i].length(), false);
            }
        }
    }

    /** Returns the indentation of the first non-blank line after {@code line}. */
    private int indent(int line) {
        for (int next = line + 1; next <= template.file().lines().size(); next++) {
            String content = template.file().line(next);
            if (!content.isBlank()) {
                return content.length() - content.stripLeading().length();
            }
        }
        return 0;
    }

    private static void appendLine(String chunk, int line, int column, boolean exact,
            MappedText text, boolean sub) {
        Matcher matcher = PLACEHOLDER.matcher(chunk);
        int done = 0;
        while (matcher.find()) {
            if (matcher.start() > done) {
                text.append(chunk.substring(done, matcher.start()), line,
                        column + (exact ? done : 0), exact);
            }
            String name = matcher.group(1);
            SourceSpan at = SourceSpan.at(line, column + (exact ? matcher.start() : 0));
            if (sub && name.startsWith("!")) {
                text.append("${" + name.substring(1) + "}", at.line(), at.column(), false);
            } else {
                placeholder(name, at, text);
            }
            done = matcher.end();
        }
        if (done < chunk.length()) {
            text.append(chunk.substring(done), line, column + (exact ? done : 0), exact);
        }
    }

    /** Appends {@code ${name}}, quoted unless the text is inside a JSON string. */
    private static void placeholder(String name, SourceSpan at, MappedText text) {
        String placeholder = "${" + name + "}";
        if (!text.inJsonString()) {
            placeholder = "\"" + placeholder + "\"";
        }
        text.append(placeholder, at.line(), at.column(), false);
    }

    private static Node remap(Node node, MappedText text) {
        if (node instanceof MapNode map) {
            List<MapNode.Entry> entries = new ArrayList<>();
            for (MapNode.Entry entry : map.entries()) {
                entries.add(new MapNode.Entry(entry.key(), text.map(entry.keySpan()),
                        remap(entry.value(), text)));
            }
            return new MapNode(entries, text.map(map.span()));
        }
        if (node instanceof ListNode list) {
            List<Node> items = new ArrayList<>();
            list.items().forEach(item -> items.add(remap(item, text)));
            return new ListNode(items, text.map(list.span()));
        }
        ScalarNode scalar = (ScalarNode) node;
        return new ScalarNode(scalar.value(), scalar.kind(), text.map(scalar.span()));
    }
}
