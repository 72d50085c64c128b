package dev.slens.internal.sam;

import java.util.List;
import java.util.Map;

/**
 * The properties, as JSON pointers under {@code Properties}, that {@link
 * SamTranslatorFidelityTest} compares for each resource type: the settings that slens rules read
 * or are expected to read, such as a function's timeout or a stage's tracing.
 */
final class ComparedProperties {

    private static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry("AWS::Lambda::Function", List.of("/Runtime", "/Timeout", "/MemorySize",
                    "/TracingConfig", "/DeadLetterConfig", "/Role", "/ReservedConcurrentExecutions",
                    "/Layers", "/VpcConfig", "/LoggingConfig", "/SnapStart", "/Architectures")),
            Map.entry("AWS::IAM::Role", List.of("/ManagedPolicyArns", "/PermissionsBoundary")),
            Map.entry("AWS::Lambda::EventSourceMapping", List.of("/EventSourceArn",
                    "/DestinationConfig", "/BatchSize", "/MaximumRetryAttempts",
                    "/BisectBatchOnFunctionError", "/FunctionResponseTypes",
                    "/StartingPosition")),
            Map.entry("AWS::Lambda::Permission", List.of("/Principal", "/FunctionName",
                    "/Action")),
            Map.entry("AWS::Lambda::EventInvokeConfig", List.of("/DestinationConfig",
                    "/MaximumRetryAttempts", "/MaximumEventAgeInSeconds", "/Qualifier")),
            Map.entry("AWS::Lambda::Alias", List.of("/Name", "/FunctionVersion",
                    "/ProvisionedConcurrencyConfig")),
            Map.entry("AWS::Lambda::Version", List.of("/FunctionName")),
            Map.entry("AWS::Lambda::Url", List.of("/AuthType", "/Cors", "/TargetFunctionArn")),
            Map.entry("AWS::Lambda::LayerVersion", List.of("/CompatibleRuntimes",
                    "/LicenseInfo", "/Content")),
            Map.entry("AWS::SQS::Queue", List.of("/RedrivePolicy")),
            Map.entry("AWS::SNS::Subscription", List.of("/RedrivePolicy", "/TopicArn",
                    "/Protocol", "/Endpoint")),
            Map.entry("AWS::Events::Rule", List.of("/Targets/0/DeadLetterConfig",
                    "/Targets/0/RetryPolicy", "/Targets/0/Arn", "/State",
                    "/ScheduleExpression", "/EventPattern", "/EventBusName")),
            Map.entry("AWS::Scheduler::Schedule", List.of("/Target/DeadLetterConfig",
                    "/Target/RetryPolicy", "/Target/Arn", "/ScheduleExpression")),
            Map.entry("AWS::Logs::SubscriptionFilter", List.of("/LogGroupName",
                    "/FilterPattern", "/DestinationArn")),
            Map.entry("AWS::ApiGateway::Stage", List.of("/StageName", "/RestApiId",
                    "/DeploymentId", "/TracingEnabled", "/MethodSettings", "/AccessLogSetting",
                    "/CacheClusterEnabled", "/Variables")),
            Map.entry("AWS::ApiGateway::Deployment", List.of("/RestApiId")),
            Map.entry("AWS::ApiGatewayV2::Stage", List.of("/StageName", "/ApiId",
                    "/AccessLogSettings", "/DefaultRouteSettings", "/RouteSettings",
                    "/AutoDeploy")),
            Map.entry("AWS::StepFunctions::StateMachine", List.of("/RoleArn",
                    "/StateMachineType", "/LoggingConfiguration", "/TracingConfiguration")),
            Map.entry("AWS::DynamoDB::Table", List.of("/BillingMode", "/SSESpecification",
                    "/ProvisionedThroughput", "/KeySchema")),
            Map.entry("AWS::IoT::TopicRule", List.of("/TopicRulePayload/Sql")));

    private ComparedProperties() {
    }

    /** Returns the pointers compared for {@code type}; none for a type not listed. */
    static List<String> of(String type) {
        return BY_TYPE.getOrDefault(type, List.of());
    }
}
