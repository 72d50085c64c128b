package dev.slens.internal.sam;

import java.util.List;
import java.util.Map;

/**
 * The IAM actions a SAM {@code Connector} grants a source on a destination, by destination type
 * and access level, as the AWS SAM connector reference lists them, and the ARN forms each
 * statement covers ({@code ARN} is the destination's ARN).
 */
final class ConnectorPermissions {

    /** The actions and resource patterns of one destination type. */
    record Access(List<String> read, List<String> write, List<String> resources) { }

    private static final Map<String, Access> BY_TYPE = Map.of(
            "AWS::DynamoDB::Table", new Access(
                    List.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan",
                            "dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem",
                            "dynamodb:PartiQLSelect"),
                    List.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                            "dynamodb:BatchWriteItem", "dynamodb:PartiQLDelete",
                            "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate"),
                    List.of("ARN", "ARN/index/*")),
            "AWS::SQS::Queue", new Access(
                    List.of("sqs:ReceiveMessage", "sqs:GetQueueAttributes"),
                    List.of("sqs:DeleteMessage", "sqs:SendMessage", "sqs:ChangeMessageVisibility",
                            "sqs:PurgeQueue"),
                    List.of("ARN")),
            "AWS::SNS::Topic", new Access(List.of(), List.of("sns:Publish"), List.of("ARN")),
            "AWS::S3::Bucket", new Access(
                    List.of("s3:GetObject", "s3:GetObjectVersion", "s3:ListBucket",
                            "s3:ListBucketVersions"),
                    List.of("s3:PutObject", "s3:DeleteObject", "s3:DeleteObjectVersion",
                            "s3:AbortMultipartUpload", "s3:RestoreObject"),
                    List.of("ARN", "ARN/*")),
            "AWS::Lambda::Function", new Access(List.of("lambda:GetFunction"),
                    List.of("lambda:InvokeAsync", "lambda:InvokeFunction"), List.of("ARN")),
            "AWS::StepFunctions::StateMachine", new Access(
                    List.of("states:DescribeStateMachine", "states:ListExecutions"),
                    List.of("states:StartExecution", "states:StartSyncExecution"),
                    List.of("ARN")),
            "AWS::Events::EventBus", new Access(List.of(), List.of("events:PutEvents"),
                    List.of("ARN")),
            "AWS::SecretsManager::Secret", new Access(
                    List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
                    List.of(), List.of("ARN")));

    private ConnectorPermissions() {
    }

    /** Returns the access of {@code type}, or {@code null} when slens does not know it. */
    static Access of(String type) {
        return BY_TYPE.get(type);
    }
}
