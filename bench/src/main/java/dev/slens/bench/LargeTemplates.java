package dev.slens.bench;

/**
 * Generated SAM templates of a given size, the same as {@code bench/large-templates.py
 * --resources} writes, so that JMH and the whole-process script measure the same input.
 */
public final class LargeTemplates {

    private LargeTemplates() {
    }

    /**
     * Returns a SAM template of {@code count} resources as written: pairs of a function with an
     * SNS event and its log group named through {@code !Sub}. SAM expansion adds a role and a
     * permission for each function.
     */
    public static String resources(int count) {
        if (count < 2 || count % 2 != 0) {
            throw new IllegalArgumentException("count must be even and at least 2, not " + count);
        }
        StringBuilder text = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\n"
                + "Transform: AWS::Serverless-2016-10-31\nResources:\n");
        for (int i = 0; i < count / 2; i++) {
            text.append("  Fn").append(i).append(":\n")
                    .append("    Type: AWS::Serverless::Function\n")
                    .append("    Properties:\n")
                    .append("      Runtime: python3.12\n")
                    .append("      Handler: app.handler\n")
                    .append("      CodeUri: src/\n")
                    .append("      Timeout: 10\n")
                    .append("      Tracing: Active\n")
                    .append("      Events:\n")
                    .append("        Topic:\n")
                    .append("          Type: SNS\n")
                    .append("          Properties:\n")
                    .append("            Topic: arn:aws:sns:eu-west-1:123456789012:topic-")
                    .append(i).append('\n')
                    .append("  Fn").append(i).append("Logs:\n")
                    .append("    Type: AWS::Logs::LogGroup\n")
                    .append("    Properties:\n")
                    .append("      LogGroupName: !Sub /aws/lambda/${Fn").append(i).append("}\n")
                    .append("      RetentionInDays: 7\n");
        }
        return text.toString();
    }
}
