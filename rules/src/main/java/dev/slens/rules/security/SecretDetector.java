package dev.slens.rules.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes secrets in configuration values and names, and masks them for messages. Known key
 * formats are matched by their published prefixes and lengths; other values count as secrets
 * only when they look random (see {@link #isHighEntropy}).
 */
final class SecretDetector {

    /**
     * A secret found in a value.
     *
     * @param kind what it looks like, such as "an AWS access key ID"
     * @param secret the matching text, which messages show only through {@link #mask}
     */
    record Match(String kind, String secret) { }

    /** Known key formats, each with how messages name it. */
    private static final Map<String, Pattern> FORMATS = formats();

    /** Characters shown at the start of a masked secret. */
    private static final int SHOWN_CHARACTERS = 4;
    private static final int MIN_RANDOM_LENGTH = 20;

    /**
     * Entropy, in bits per character, from which a value of at least
     * {@value #MIN_RANDOM_LENGTH} characters counts as random. Hex digests (4 bits at most) and
     * CamelCase names such as {@code MyApplicationStackProd2024Version1} (4.4) stay below it;
     * random base62 of 24 characters or more is usually above it (32 characters: about 5).
     */
    private static final double MIN_RANDOM_ENTROPY = 4.5;

    private static final Set<String> SECRET_WORDS = Set.of("password", "passwd", "pwd", "secret",
            "token", "apikey", "credential", "credentials", "passphrase");

    /** Words before {@code key} that make it a secret key rather than, say, a partition key. */
    private static final Set<String> KEY_QUALIFIERS = Set.of("api", "private", "access",
            "secret", "signing", "encryption", "client", "master", "license", "auth");

    private SecretDetector() {
    }

    private static Map<String, Pattern> formats() {
        Map<String, Pattern> formats = new HashMap<>();
        formats.put("an AWS access key ID", Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b"));
        formats.put("a GitHub token",
                Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"));
        formats.put("a Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"));
        formats.put("a Slack webhook URL", Pattern.compile(
                "https://hooks\\.slack\\.com/services/T[A-Za-z0-9]+/B[A-Za-z0-9]+/[A-Za-z0-9]+"));
        formats.put("a Stripe key", Pattern.compile("\\b[sr]k_(live|test)_[A-Za-z0-9]{16,}"));
        formats.put("a Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b"));
        formats.put("a private key", Pattern.compile(
                "-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) )?PRIVATE KEY( BLOCK)?-----"));
        formats.put("a password in a connection URL", Pattern.compile(
                "[a-zA-Z][a-zA-Z0-9+.-]*://[^/\\s:@{}]+:([^/\\s:@{}]+)@"));
        return Map.copyOf(formats);
    }

    /** Returns the known key formats found in {@code value}, in a stable order. */
    static List<Match> knownFormats(String value) {
        List<Match> matches = new ArrayList<>();
        for (String kind : FORMATS.keySet().stream().sorted().toList()) {
            Matcher matcher = FORMATS.get(kind).matcher(value);
            if (matcher.find()) {
                String secret = kind.startsWith("a password") ? matcher.group(1) : matcher.group();
                matches.add(new Match(kind, secret));
            }
        }
        return matches;
    }

    /**
     * Returns whether {@code value} looks random: at least {@value #MIN_RANDOM_LENGTH}
     * characters, no whitespace, upper- and lower-case letters and digits, and a Shannon entropy
     * of at least {@value #MIN_RANDOM_ENTROPY} bits per character. ARNs, URLs and absolute
     * paths are not random, whatever their entropy.
     */
    static boolean isHighEntropy(String value) {
        if (value.length() < MIN_RANDOM_LENGTH || value.chars().anyMatch(Character::isWhitespace)
                || value.startsWith("arn:") || value.contains("://") || value.startsWith("/")
                || value.contains("{{")) {
            return false;
        }
        boolean upper = value.chars().anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        boolean digit = value.chars().anyMatch(Character::isDigit);
        return upper && lower && digit && entropy(value) >= MIN_RANDOM_ENTROPY;
    }

    /** Returns the Shannon entropy of {@code value} in bits per character. */
    static double entropy(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double share = (double) count / value.length();
            bits -= share * Math.log(share) / Math.log(2);
        }
        return bits;
    }

    /**
     * Returns whether the name {@code name} marks a variable as a secret: its last word
     * is a secret word such as {@code PASSWORD} or {@code TOKEN}, or it ends in {@code KEY}
     * after a word such as {@code API} or {@code PRIVATE}. {@code DB_PASSWORD},
     * {@code githubToken} and {@code STRIPE_API_KEY} do; {@code SECRET_ARN},
     * {@code TOKEN_TTL} and {@code PARTITION_KEY} do not.
     */
    static boolean isSecretName(String name) {
        List<String> words = words(name);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        if (SECRET_WORDS.contains(last)) {
            return true;
        }
        return last.equals("key") && words.size() > 1
                && KEY_QUALIFIERS.contains(words.get(words.size() - 2));
    }

    /** Splits a variable name at underscores, hyphens, dots and lower-to-upper case changes. */
    static List<String> words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replaceAll("[_.\\-]", " ");
        List<String> words = new ArrayList<>();
        for (String word : spaced.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * Returns {@code secret} with all but its first {@value #SHOWN_CHARACTERS} characters hidden,
     * and its length, such as {@code 'AKIA****' (20 characters)}. A secret of twice that many
     * characters or fewer is hidden entirely.
     */
    static String mask(String secret) {
        String start = secret.length() > SHOWN_CHARACTERS * 2
                ? secret.substring(0, SHOWN_CHARACTERS) : "";
        return "'" + start + "****' (" + secret.length() + " characters)";
    }
}
