package dev.slens.internal.serverless;

import dev.slens.model.Node;

/** The outcome of resolving one variable source. */
sealed interface Resolution {

    /** The source has a value; {@code node} is already resolved. */
    record Found(Node node) implements Resolution { }

    /** The source has no value, so the next fallback is tried. {@code what} names the gap. */
    record Missing(String what) implements Resolution { }

    /** The value exists only at deployment, such as an SSM parameter. */
    record Unknown(String reason) implements Resolution { }

    /** The variable is invalid, and a finding already reports why. */
    record Failed() implements Resolution { }
}
