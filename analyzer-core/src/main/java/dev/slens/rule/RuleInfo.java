package dev.slens.rule;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** All metadata of a rule, in one place on its class. Docs, help and SARIF are made from it. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {

    /** Stable ID: {@code SL} and four digits, never reused. */
    String id();

    /** Short PascalCase name, used as the SARIF rule name. */
    String name();

    /** The good practice in at most 70 characters, without a trailing period. */
    String summary();

    Severity severity();

    Pillar pillar();

    /** CloudFormation types the rule visits. */
    String[] resourceTypes();

    /** Version of slens the rule first shipped in. */
    String since();

    /** AWS documentation or Serverless Lens page behind the rule. */
    String sourceUrl();

    String[] tags() default {};

    /** Other tools' IDs for the same check, written as those tools write them. */
    String[] aliases() default {};

    /**
     * GitHub's {@code security-severity} score of a security rule: a number from 0.1 to 10.0
     * with one decimal, written as a string such as {@code "7.5"}. GitHub shows 9.0 and over
     * as critical, 7.0 to 8.9 as high, 4.0 to 6.9 as medium and lower scores as low. An empty
     * string means the score is derived from {@link #severity()}.
     */
    String securitySeverity() default "";

    /** Whether the rule runs without being switched on in the configuration. */
    boolean enabledByDefault() default true;

    /** Settings users may change in the configuration, each with its default. */
    RuleParameter[] parameters() default {};
}
