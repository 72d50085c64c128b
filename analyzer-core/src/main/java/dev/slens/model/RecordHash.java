package dev.slens.model;

import java.util.Objects;

/**
 * The hash code that a record's generated {@code hashCode} returns, for records that write out
 * {@code equals} and {@code hashCode}. The JDK builds a record's generated methods from method
 * handles on their first call. The first such call in a run cost about 9 ms of CPU time (JDK
 * 17.0.15, on a loaded 2-core machine), so the records that every scan hashes write them out.
 * Returning the same values as the generated method keeps the order of hash-based collections
 * unchanged.
 */
public final class RecordHash {

    private RecordHash() {
    }

    /**
     * Returns the hash of the component values of a record, in declaration order: each step
     * multiplies the hash so far by 31 and adds the component's hash, starting from 0, as JDK
     * 17's {@code java.lang.runtime.ObjectMethods} does. Primitive components are passed boxed,
     * whose hash codes equal those of the primitive values.
     */
    public static int of(Object... components) {
        int hash = 0;
        for (Object component : components) {
            hash = 31 * hash + Objects.hashCode(component);
        }
        return hash;
    }
}
