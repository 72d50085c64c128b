package dev.slens.report;

import dev.slens.rule.Finding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Computes the {@code slens/v1} partial fingerprint of each result in one run.
 *
 * <p>The value is the SHA-256 of the rule ID, the display path, the logical ID and the text of
 * the finding's first line with all whitespace removed, followed by {@code :} and a counter
 * that distinguishes findings with equal hashes, in report order. Line and column numbers and the
 * message are left out, so inserting or removing lines elsewhere in the file, re-indenting, or
 * rewording a message keeps the fingerprint. GitHub code scanning reads only its own
 * {@code primaryLocationLineHash} key, which its upload action computes; this key is for
 * baselines and for other dashboards.
 */
final class SarifFingerprints {

    /** The key under {@code partialFingerprints}. Its version changes when the hash input does. */
    static final String KEY = "slens/v1";

    private final Map<String, Integer> occurrences = new HashMap<>();

    /** Returns the fingerprint of {@code finding}, counting earlier findings with equal hashes. */
    String next(Finding finding) {
        String hash = hash(finding);
        int occurrence = occurrences.merge(hash, 1, Integer::sum);
        return hash + ":" + occurrence;
    }

    static String hash(Finding finding) {
        String line = finding.span().isKnown() ? finding.file().line(finding.span().line()) : "";
        String logicalId = finding.logicalId() == null ? "" : finding.logicalId();
        MessageDigest digest = sha256();
        for (String part : new String[] {finding.ruleId(), finding.file().displayPath(),
                logicalId, line.replaceAll("\\s+", "")}) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
