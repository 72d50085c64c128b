package dev.slens.internal.serverless;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.rule.EngineChecks;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reports keys that the framework does not read but that differ from a key it reads only in
 * letter case, such as {@code provider.Runtime}: the framework warns about an unrecognized
 * property and deploys its default instead of the value the user wrote. Other unknown keys are
 * not reported, because plugins add keys of their own.
 */
final class IgnoredKeys {

    private static final Set<String> TOP = Set.of("service", "provider", "functions",
            "resources", "plugins", "custom", "package", "frameworkVersion", "useDotenv",
            "configValidationMode", "variablesResolutionMode", "layers", "stepFunctions", "org",
            "app", "params", "outputs", "stages", "console", "build", "license");
    private static final Set<String> PROVIDER = Set.of("name", "runtime", "stage", "region",
            "profile", "memorySize", "timeout", "logRetentionInDays", "environment", "vpc",
            "tracing", "iam", "iamRoleStatements", "iamManagedPolicies", "role",
            "rolePermissionsBoundary", "cfnRole", "versionFunctions", "architecture", "layers",
            "tags", "stackTags", "stackName", "apiName", "apiGateway", "httpApi", "websocket",
            "websocketsApiName", "websocketsApiRouteSelectionExpression", "logs",
            "deploymentBucket", "deploymentPrefix", "deploymentMethod", "endpointType",
            "eventBridge", "kmsKeyArn", "alb", "ecr", "s3", "stackPolicy", "stackParameters",
            "notificationArns", "rollbackConfiguration", "disableRollback",
            "lambdaHashingVersion", "resourcePolicy", "apiKeys", "usagePlan", "vpcEndpointIds",
            "cloudFront", "kinesis", "runtimeManagement", "logDataProtectionPolicy");
    private static final Set<String> FUNCTION = Set.of("handler", "name", "description",
            "memorySize", "timeout", "runtime", "runtimeManagement", "environment", "events",
            "vpc", "tracing", "role", "tags", "layers", "reservedConcurrency",
            "provisionedConcurrency", "destinations", "onError", "package", "image",
            "architecture", "kmsKeyArn", "ephemeralStorageSize", "url", "snapStart",
            "logRetentionInDays", "logDataProtectionPolicy", "maximumEventAge",
            "maximumRetryAttempts", "disableLogs", "fileSystemConfig", "condition", "dependsOn",
            "versionFunction", "iamRoleStatements", "iamRoleStatementsName",
            "iamRoleStatementsInherit", "logs", "recursiveLoop");

    private IgnoredKeys() {
    }

    static void check(MapNode root, ServerlessProblems problems) {
        check(root, TOP, "", problems);
        MapNode provider = root.getMap("provider");
        if (provider != null) {
            check(provider, PROVIDER, "provider.", problems);
        }
        MapNode functions = root.getMap("functions");
        if (functions != null) {
            for (MapNode.Entry function : functions.entries()) {
                Node value = function.value();
                if (value.asMap() != null) {
                    check(value.asMap(), FUNCTION, "functions." + function.key() + ".", problems);
                }
            }
        }
    }

    private static void check(MapNode map, Set<String> known, String prefix,
            ServerlessProblems problems) {
        Map<String, String> byLowerCase = known.stream().collect(Collectors.toMap(
                key -> key.toLowerCase(Locale.ROOT), Function.identity()));
        for (MapNode.Entry entry : map.entries()) {
            String meant = byLowerCase.get(entry.key().toLowerCase(Locale.ROOT));
            if (known.contains(entry.key()) || meant == null) {
                continue;
            }
            String value = entry.value().text() == null ? "" : " '" + entry.value().text() + "'";
            String outcome = map.has(meant)
                    ? "the value of '" + prefix + meant + "' applies. Remove '" + prefix
                            + entry.key() + "'."
                    : "the framework's default applies. Rename it to '" + meant + "'.";
            problems.add(EngineChecks.SLS_IGNORED_KEY, entry.keySpan(), "Key '" + prefix
                    + entry.key() + "' is not read by the Serverless Framework, whose keys are"
                    + " case-sensitive, so its value" + value + " is not deployed and "
                    + outcome);
        }
    }
}
