package dev.slens.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Lookup of the tool that a rule alias comes from, by the form of its ID. Each tool writes its
 * IDs in its own form: {@code W59} is cfn_nag's, {@code W3011} cfn-lint's and {@code WS1000}
 * serverless-rules'.
 */
public final class AliasTools {

    /** The tool name returned for an ID in no known form. */
    public static final String UNKNOWN = "unknown tool";

    /** ID forms and their tools, in the order they are tried: the first match wins. */
    private static final Map<Pattern, String> FORMS = forms();

    private AliasTools() {
    }

    /** Returns the tool whose ID form {@code alias} has, or {@link #UNKNOWN}. */
    public static String toolOf(String alias) {
        for (Map.Entry<Pattern, String> form : FORMS.entrySet()) {
            if (form.getKey().matcher(alias).matches()) {
                return form.getValue();
            }
        }
        return UNKNOWN;
    }

    /** Returns each alias in {@code aliases} with its tool, in the given order. */
    public static Map<String, String> toolsOf(List<String> aliases) {
        Map<String, String> tools = new LinkedHashMap<>();
        aliases.forEach(alias -> tools.put(alias, toolOf(alias)));
        return tools;
    }

    /**
     * Returns {@code aliases} grouped by tool, tools in the order of their first alias and the
     * aliases of each tool in the given order.
     */
    public static Map<String, List<String>> byTool(List<String> aliases) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String alias : aliases) {
            groups.computeIfAbsent(toolOf(alias), tool -> new ArrayList<>()).add(alias);
        }
        return groups;
    }

    /**
     * Returns {@code aliases} as one line of text grouped by tool, such as
     * {@code "cfn_nag: W59; checkov: CKV_AWS_59"}, or "-" when there are none.
     */
    public static String describe(List<String> aliases) {
        if (aliases.isEmpty()) {
            return "-";
        }
        List<String> groups = new ArrayList<>();
        byTool(aliases).forEach((tool, ids) -> groups.add(tool + ": " + String.join(", ", ids)));
        return String.join("; ", groups);
    }

    private static Map<Pattern, String> forms() {
        Map<Pattern, String> forms = new LinkedHashMap<>();
        // serverless-rules (its cfn-lint plugin) adds an S to cfn-lint's E, W and I prefixes.
        forms.put(Pattern.compile("[EWI]S\\d{4}"), "serverless-rules");
        forms.put(Pattern.compile("[EWI]\\d{4}"), "cfn-lint");
        // cfn_nag numbers its failures and warnings without padding: F3, W59, F1000.
        forms.put(Pattern.compile("F\\d{1,4}|W\\d{1,3}"), "cfn_nag");
        forms.put(Pattern.compile("CKV2?_AWS_\\d+"), "checkov");
        forms.put(Pattern.compile("(AwsSolutions|Serverless)-[A-Za-z0-9]+"), "cdk-nag");
        // KICS identifies a query by a UUID, which aliases shorten to its first 8 hex digits,
        // or by the query's snake_case name.
        forms.put(Pattern.compile("[0-9a-f]{8}|[a-z0-9]+(_[a-z0-9]+)+"), "KICS");
        // Trivy's AVD-AWS-NNNN checks, written without the AVD- prefix.
        forms.put(Pattern.compile("AWS-\\d{4}"), "Trivy");
        forms.put(Pattern.compile("CT\\.[A-Z0-9]+(\\.[A-Z0-9]+)+"), "AWS Control Tower");
        forms.put(Pattern.compile("FG_R\\d{5}"), "Regula");
        // sls-mentor names its checks in lowerCamelCase, such as lightBundle.
        forms.put(Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*"), "sls-mentor");
        // cdk-nag rule names written without a pack prefix, such as LambdaInsideVPC. Tried last,
        // because this form accepts any CamelCase word.
        forms.put(Pattern.compile("[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*"), "cdk-nag");
        return forms;
    }
}
