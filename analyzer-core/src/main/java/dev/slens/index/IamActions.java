package dev.slens.index;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Facts about IAM actions, read from {@code iam-actions.txt}, whose header describes the layout,
 * and IAM's wildcard matching of action names. Actions are compared without regard to case, as
 * IAM compares them.
 */
public final class IamActions {

    /** A fact the catalogue records about an action. */
    public enum Fact {
        /** IAM authorizes the action only against {@code Resource: '*'}. */
        ANY_RESOURCE("any-resource"),
        /** A List action that IAM authorizes against one resource's ARN. */
        SCOPED_LIST("scoped-list"),
        /** The action changes who may do what. */
        PERMISSIONS("permissions"),
        /** The action lets its caller give itself more permissions. */
        ESCALATION("escalation"),
        /** The action returns or creates credentials or secrets. */
        CREDENTIALS("credentials");

        private final String word;

        Fact(String word) {
            this.word = word;
        }
    }

    private static final String RESOURCE = "iam-actions.txt";
    private static final Pattern SERVICE_WILDCARD = Pattern.compile("[a-z0-9-]+:\\*");

    private IamActions() {
    }

    /** Returns the facts the catalogue records for {@code action}; empty when it has none. */
    public static Set<Fact> facts(String action) {
        Set<Fact> facts = Holder.FACTS.get(action.toLowerCase(Locale.ROOT));
        return facts == null ? Set.of() : facts;
    }

    /** Returns every action the catalogue lists with {@code fact}, as the catalogue spells it. */
    public static List<String> actionsWith(Fact fact) {
        return Holder.FACTS.entrySet().stream().filter(e -> e.getValue().contains(fact))
                .map(e -> Holder.NAMES.get(e.getKey())).sorted().toList();
    }

    /**
     * Returns whether IAM authorizes {@code action} only against {@code Resource: '*'}: the
     * catalogue marks it so, or the operation starts with Describe or List and is not a List action
     * the catalogue marks as taking an ARN. Returns false for {@code null}.
     */
    public static boolean acceptsOnlyAllResources(String action) {
        if (action == null) {
            return false;
        }
        Set<Fact> facts = facts(action);
        String operation = operation(action);
        return facts.contains(Fact.ANY_RESOURCE) || operation.startsWith("describe")
                || operation.startsWith("list") && !facts.contains(Fact.SCOPED_LIST);
    }

    /** Returns whether {@code action} is a whole-service wildcard such as {@code s3:*}. */
    public static boolean isServiceWildcard(String action) {
        return SERVICE_WILDCARD.matcher(action.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * Returns whether the action pattern {@code pattern}, as written in a policy, covers
     * {@code action}: IAM reads {@code *} as any run of characters and {@code ?} as one.
     */
    public static boolean covers(String pattern, String action) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return action.toLowerCase(Locale.ROOT).matches(regex.toString());
    }

    /**
     * Returns the catalogued actions with {@code fact} that {@code pattern} covers, such as
     * {@code iam:PassRole} for {@code iam:Pass*}.
     */
    public static List<String> coveredWith(String pattern, Fact fact) {
        return actionsWith(fact).stream().filter(action -> covers(pattern, action)).toList();
    }

    private static String operation(String action) {
        String name = action.toLowerCase(Locale.ROOT);
        return name.substring(name.indexOf(':') + 1);
    }

    /** Defers reading the catalogue to the first lookup; the JVM makes the first read safe. */
    private static final class Holder {
        static final Map<String, Set<Fact>> FACTS = parse(read());
        static final Map<String, String> NAMES = names(read());
    }

    private static List<String> read() {
        try (InputStream stream = IamActions.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException("Resource '" + RESOURCE + "' is missing from "
                        + "the analyzer-core jar");
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8));
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read resource '" + RESOURCE + "'", e);
        }
    }

    static Map<String, Set<Fact>> parse(List<String> lines) {
        Map<String, Set<Fact>> facts = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            Set<Fact> known = EnumSet.noneOf(Fact.class);
            for (int w = 1; w < words.length; w++) {
                known.add(fact(words[w], i + 1));
            }
            if (known.isEmpty() || !words[0].contains(":")) {
                throw new IllegalStateException("Line " + (i + 1) + " of '" + RESOURCE
                        + "' must be an action followed by at least one fact: '" + line + "'");
            }
            facts.computeIfAbsent(words[0].toLowerCase(Locale.ROOT),
                    k -> EnumSet.noneOf(Fact.class)).addAll(known);
        }
        facts.replaceAll((action, set) -> Set.copyOf(set));
        return Map.copyOf(facts);
    }

    /** Returns the catalogue's spelling of each action, keyed by the lower-cased action. */
    static Map<String, String> names(List<String> lines) {
        Map<String, String> names = new HashMap<>();
        for (String line : lines) {
            String action = line.strip().split("\\s+")[0];
            if (!action.isEmpty() && !action.startsWith("#")) {
                names.putIfAbsent(action.toLowerCase(Locale.ROOT), action);
            }
        }
        return Map.copyOf(names);
    }

    private static Fact fact(String word, int line) {
        for (Fact fact : Fact.values()) {
            if (fact.word.equals(word)) {
                return fact;
            }
        }
        throw new IllegalStateException("Line " + line + " of '" + RESOURCE
                + "' names the unknown fact '" + word + "'");
    }
}
