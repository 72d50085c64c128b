package dev.slens.report;

import dev.slens.rule.Finding;

/**
 * Computes the {@code slens/v2} partial fingerprint of each result in one run, as
 * {@link FindingFingerprints} describes. GitHub code scanning reads only its own
 * {@code primaryLocationLineHash} key, which its upload action computes; this key is for
 * baselines and for other dashboards.
 */
final class SarifFingerprints {

    /**
     * The key under {@code partialFingerprints}. Its version changes when the hash input does:
     * {@code slens/v1} hashed the finding's line text, and {@code slens/v2} hashes the JSON
     * pointer of the node at the finding.
     */
    static final String KEY = "slens/v2";

    private final FindingFingerprints fingerprints = new FindingFingerprints();

    /** Returns the fingerprint of {@code finding}, counting earlier findings with equal hashes. */
    String next(Finding finding) {
        return fingerprints.next(finding);
    }
}
