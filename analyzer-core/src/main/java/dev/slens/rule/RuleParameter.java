package dev.slens.rule;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A setting a user may change for one rule, such as the largest timeout it accepts. Declared in
 * {@link RuleInfo#parameters()}, read with {@link RuleContext#parameter(String)}, and listed in
 * the rule's generated documentation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface RuleParameter {

    /** Name in camelCase, unique within the rule, as written in the configuration. */
    String name();

    /** The value used when the configuration does not set one, as text. */
    String defaultValue();

    /** The meaning of the value and its unit, in one sentence. */
    String description();

    /** The smallest value accepted, for a whole-number parameter. */
    long min() default 0;

    /** The largest value accepted, for a whole-number parameter. */
    long max() default Integer.MAX_VALUE;
}
