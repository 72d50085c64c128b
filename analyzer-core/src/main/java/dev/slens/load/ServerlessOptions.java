package dev.slens.load;

import java.util.Map;

/**
 * The values a Serverless Framework file is resolved with, as the framework takes them from its
 * command line and environment.
 *
 * @param stage the {@code --stage} option, or {@code null} when it was not given
 * @param region the {@code --region} option, or {@code null} when it was not given
 * @param environment the variables {@code ${env:NAME}} reads, or {@code null} to treat every
 *     {@code ${env:}} variable as unknown
 */
public record ServerlessOptions(String stage, String region, Map<String, String> environment) {

    /** The stage the framework deploys to when neither the option nor the file names one. */
    public static final String DEFAULT_STAGE = "dev";
    /** The region the framework deploys to when neither the option nor the file names one. */
    public static final String DEFAULT_REGION = "us-east-1";

    /** No options, and environment variables left unknown. */
    public static final ServerlessOptions DEFAULT = new ServerlessOptions(null, null, null);

    public ServerlessOptions {
        environment = environment == null ? null : Map.copyOf(environment);
    }
}
