package dev.slens.internal.suppress;

import dev.slens.model.SourceSpan;

/**
 * One check ID that a template's {@code Metadata} asks to ignore.
 *
 * @param form the tool whose syntax the suppression uses
 * @param scope the logical ID of the resource whose {@code Metadata} holds it, or {@code null}
 *     for the template's top-level {@code Metadata}, which covers the whole file
 * @param checkId the ID as written: a slens rule ID or another tool's ID
 * @param reason the reason as written, or {@code null}
 * @param span where the ID is written
 * @param location how messages name the place of the suppression, or {@code null} to name the
 *     resource or the template's top-level {@code Metadata}
 */
record DeclaredSuppression(Form form, String scope, String checkId, String reason,
        SourceSpan span, String location) {

    /** Creates a suppression written in a resource's or the template's {@code Metadata}. */
    DeclaredSuppression(Form form, String scope, String checkId, String reason, SourceSpan span) {
        this(form, scope, checkId, reason, span, null);
    }

    /** The syntaxes of suppressions that slens reads. */
    enum Form {
        /** {@code slens: ignore: [{id, reason}]}. */
        SLENS("slens"),
        /** {@code cfn-lint: config: ignore_checks: [ID]}. */
        CFN_LINT("cfn-lint"),
        /** {@code cfn_nag: rules_to_suppress: [{id, reason}]}. */
        CFN_NAG("cfn_nag"),
        /** A {@code # checkov:skip=ID:reason} comment in or above the resource. */
        CHECKOV("checkov");

        private final String toolName;

        Form(String toolName) {
            this.toolName = toolName;
        }

        String toolName() {
            return toolName;
        }
    }

    /** Returns whether this is in slens's own form, which may require a reason, without one. */
    boolean lacksReason() {
        return form == Form.SLENS && (reason == null || reason.isBlank());
    }

    /** Describes where the suppression is, for messages: a resource or the whole template. */
    String place() {
        if (location != null) {
            return location;
        }
        return scope == null ? "in the template's top-level Metadata" : "on resource '" + scope
                + "'";
    }
}
