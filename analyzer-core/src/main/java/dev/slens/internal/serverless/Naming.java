package dev.slens.internal.serverless;

import java.util.Locale;

/**
 * The logical IDs the Serverless Framework gives the resources it generates, following the
 * naming module of its AWS provider (v3): function names become {@code <Name>LambdaFunction}
 * with {@code -} spelled {@code Dash} and {@code _} spelled {@code Underscore}, and names of
 * queues, topics and buckets keep only letters and digits.
 */
final class Naming {

    static final String ROLE = "IamRoleLambdaExecution";
    static final String REST_API = "ApiGatewayRestApi";
    static final String HTTP_API = "HttpApi";
    static final String WEBSOCKETS_API = "WebsocketsApi";
    static final String DEPLOYMENT_BUCKET = "ServerlessDeploymentBucket";

    private Naming() {
    }

    static String upperFirst(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** Returns the name the framework builds function logical IDs from. */
    static String function(String name) {
        return upperFirst(name.replace("-", "Dash").replace("_", "Underscore"));
    }

    static String alphaNumeric(String name) {
        return upperFirst(name.replaceAll("[^0-9A-Za-z]", ""));
    }

    static String lambda(String function) {
        return function(function) + "LambdaFunction";
    }

    /**
     * The part of a version's logical ID that stands for the hash of the function's code and
     * settings. The framework computes it from the deployment package, which slens does not
     * build, so every version gets this stable placeholder instead.
     */
    static final String VERSION_HASH = "PlaceholderHash";

    /** Returns {@code <Name>LambdaVersion<hash>} with the placeholder hash. */
    static String version(String function) {
        return function(function) + "LambdaVersion" + VERSION_HASH;
    }

    static String logGroup(String function) {
        return function(function) + "LogGroup";
    }

    /** Returns one part of an API path as the framework writes it in logical IDs. */
    static String pathPart(String part) {
        String capitalized = part.isEmpty() ? part : Character.toUpperCase(part.charAt(0))
                + part.substring(1).toLowerCase(Locale.ROOT);
        return upperFirst(capitalized.replace("-", "Dash").replaceAll("\\{(.*)\\}", "$1Var")
                .replaceAll("[^0-9A-Za-z]", ""));
    }

    static String path(String path) {
        StringBuilder text = new StringBuilder();
        for (String part : path.split("/", -1)) {
            text.append(pathPart(part));
        }
        return text.toString();
    }
}
