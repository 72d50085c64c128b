package dev.slens.rules.scale;

import java.util.function.IntFunction;

/**
 * Generated templates of one repeated unit each, for measuring how analysis time grows with
 * template size. Every shape returns a template of about {@code resources} resources as
 * written (whole units, at least one).
 */
enum TemplateShapes {

    /** A SAM function with an SQS event on its own queue, which has a dead-letter queue. */
    SQS_EVENTS("template.yaml", 3, TemplateShapes::sqsUnit),
    /**
     * A named queue whose RedrivePolicy names its named dead-letter queue by ARN text, so that
     * SL6001 matches queue names against ARNs rather than logical IDs.
     */
    NAMED_QUEUES("template.yaml", 2, TemplateShapes::namedQueueUnit),
    /** A SAM function with an SNS event on its own topic. */
    SNS_EVENTS("template.yaml", 2, TemplateShapes::snsUnit),
    /** A SAM function with an API event, all on the implicit REST API. */
    API_EVENTS("template.yaml", 1, TemplateShapes::apiUnit),
    /** A SAM function with a Schedule event. */
    SCHEDULE_EVENTS("template.yaml", 1, TemplateShapes::scheduleUnit),
    /** A SAM state machine that invokes its own function. */
    STATE_MACHINES("template.yaml", 2, TemplateShapes::stateMachineUnit),
    /** A CloudFormation function with its own role and an inline policy resource on it. */
    IAM_ROLES("template.yaml", 3, TemplateShapes::iamUnit),
    /** One REST API with a path and a method per unit, all integrated with one function. */
    API_METHODS("template.yaml", 2, TemplateShapes::methodUnit),
    /** A Serverless Framework function with an http and an sqs event. */
    SERVERLESS_FUNCTIONS("serverless.yml", 1, TemplateShapes::serverlessUnit);

    private final String fileName;
    private final int resourcesPerUnit;
    private final IntFunction<String> unit;

    TemplateShapes(String fileName, int resourcesPerUnit, IntFunction<String> unit) {
        this.fileName = fileName;
        this.resourcesPerUnit = resourcesPerUnit;
        this.unit = unit;
    }

    String fileName() {
        return fileName;
    }

    /** Returns the number of units that make about {@code resources} resources. */
    int units(int resources) {
        return Math.max(1, resources / resourcesPerUnit);
    }

    /** Returns the template text with {@link #units(int)} units. */
    String template(int resources) {
        int units = units(resources);
        StringBuilder text = new StringBuilder(header());
        if (this == API_METHODS) {
            text.append(methodShared());
        }
        for (int i = 0; i < units; i++) {
            text.append(unit.apply(i));
        }
        return text.toString();
    }

    private String header() {
        return switch (this) {
            case SERVERLESS_FUNCTIONS -> "service: scale\nprovider:\n  name: aws\n"
                    + "  runtime: python3.12\n  tracing:\n    lambda: true\nfunctions:\n";
            case IAM_ROLES, API_METHODS, NAMED_QUEUES ->
                    "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
            default -> "AWSTemplateFormatVersion: '2010-09-09'\n"
                    + "Transform: AWS::Serverless-2016-10-31\nResources:\n";
        };
    }

    private static String function(String name, String events) {
        return "  " + name + ":\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      Runtime: python3.12\n      Handler: app.handler\n"
                + "      InlineCode: 'def handler(event, context): return None'\n"
                + "      Timeout: 10\n      Tracing: Active\n" + events;
    }

    private static String sqsUnit(int i) {
        return function("Fn" + i, "      Events:\n        Work:\n          Type: SQS\n"
                + "          Properties:\n            Queue: !GetAtt Queue" + i + ".Arn\n")
                + "  Queue" + i + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      VisibilityTimeout: 60\n      RedrivePolicy:\n"
                + "        deadLetterTargetArn: !GetAtt Dlq" + i + ".Arn\n"
                + "        maxReceiveCount: 5\n"
                + "  Dlq" + i + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      MessageRetentionPeriod: 1209600\n";
    }

    private static String namedQueueUnit(int i) {
        // Neither name contains "dlq" or "dead-letter", which would mark the queue at once.
        return "  Work" + i + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      QueueName: work-" + i + "\n      RedrivePolicy:\n"
                + "        deadLetterTargetArn: !Sub arn:${AWS::Partition}:sqs:${AWS::Region}:"
                + "${AWS::AccountId}:parked-" + i + "\n"
                + "        maxReceiveCount: 5\n"
                + "  Parked" + i + ":\n    Type: AWS::SQS::Queue\n    Properties:\n"
                + "      QueueName: parked-" + i + "\n      MessageRetentionPeriod: 1209600\n";
    }

    private static String snsUnit(int i) {
        return function("Fn" + i, "      Events:\n        Note:\n          Type: SNS\n"
                + "          Properties:\n            Topic: !Ref Topic" + i + "\n")
                + "  Topic" + i + ":\n    Type: AWS::SNS::Topic\n";
    }

    private static String apiUnit(int i) {
        return function("Fn" + i, "      Events:\n        Get:\n          Type: Api\n"
                + "          Properties:\n            Path: /items" + i + "\n"
                + "            Method: get\n");
    }

    private static String scheduleUnit(int i) {
        return function("Fn" + i, "      Events:\n        Tick:\n          Type: Schedule\n"
                + "          Properties:\n            Schedule: rate(5 minutes)\n");
    }

    private static String stateMachineUnit(int i) {
        return function("Fn" + i, "")
                + "  Flow" + i + ":\n    Type: AWS::Serverless::StateMachine\n    Properties:\n"
                + "      Definition:\n        StartAt: Run\n        States:\n"
                + "          Run:\n            Type: Task\n"
                + "            Resource: arn:aws:states:::lambda:invoke\n"
                + "            Parameters:\n              FunctionName: !GetAtt Fn" + i + ".Arn\n"
                + "            End: true\n"
                + "      Policies:\n        - LambdaInvokePolicy:\n"
                + "            FunctionName: !Ref Fn" + i + "\n";
    }

    private static String iamUnit(int i) {
        return "  Fn" + i + ":\n    Type: AWS::Lambda::Function\n    Properties:\n"
                + "      Runtime: python3.12\n      Handler: index.handler\n"
                + "      Role: !GetAtt Role" + i + ".Arn\n      Timeout: 10\n"
                + "      TracingConfig: {Mode: Active}\n"
                + "      Code: {ZipFile: 'def handler(event, context): return None'}\n"
                + "  Role" + i + ":\n    Type: AWS::IAM::Role\n    Properties:\n"
                + "      AssumeRolePolicyDocument:\n        Version: '2012-10-17'\n"
                + "        Statement:\n          - Effect: Allow\n"
                + "            Principal: {Service: lambda.amazonaws.com}\n"
                + "            Action: sts:AssumeRole\n"
                + "  Policy" + i + ":\n    Type: AWS::IAM::Policy\n    Properties:\n"
                + "      PolicyName: work" + i + "\n      Roles: [!Ref Role" + i + "]\n"
                + "      PolicyDocument:\n        Version: '2012-10-17'\n"
                + "        Statement:\n          - Effect: Allow\n"
                + "            Action: [logs:CreateLogStream, logs:PutLogEvents]\n"
                + "            Resource: !Sub arn:${AWS::Partition}:logs:*:*:*\n";
    }

    private static String methodShared() {
        return "  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: scale\n"
                + iamUnit(0).replace("Fn0", "Handler").replace("Role0", "HandlerRole")
                        .replace("Policy0", "HandlerPolicy");
    }

    private static String methodUnit(int i) {
        return "  Path" + i + ":\n    Type: AWS::ApiGateway::Resource\n    Properties:\n"
                + "      RestApiId: !Ref Api\n      ParentId: !GetAtt Api.RootResourceId\n"
                + "      PathPart: items" + i + "\n"
                + "  Get" + i + ":\n    Type: AWS::ApiGateway::Method\n    Properties:\n"
                + "      RestApiId: !Ref Api\n      ResourceId: !Ref Path" + i + "\n"
                + "      HttpMethod: GET\n      AuthorizationType: AWS_IAM\n"
                + "      Integration:\n        Type: AWS_PROXY\n"
                + "        IntegrationHttpMethod: POST\n"
                + "        Uri: !Sub arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:"
                + "path/2015-03-31/functions/${Handler.Arn}/invocations\n";
    }

    private static String serverlessUnit(int i) {
        return "  fn" + i + ":\n    handler: app.handler\n    events:\n"
                + "      - http:\n          path: items" + i + "\n          method: get\n"
                + "      - sqs:\n          arn: arn:aws:sqs:eu-west-1:123456789012:q" + i + "\n";
    }
}
