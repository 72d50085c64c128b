#!/usr/bin/env python3
"""Write generated templates with many functions, for timing scans of large input.

Usage: bench/large-templates.py FOLDER [COUNT...]

For each COUNT (default 2500 5000 10000) it writes two files to FOLDER:
sam-COUNT.yaml, SAM functions each with an SNS event, and
cfn-COUNT.yaml, CloudFormation functions each with a log group named through Fn::Sub.
Time them with: /usr/bin/time -f '%e s %M KB' bin/slens scan FOLDER/sam-2500.yaml
"""
import pathlib
import sys


def sam(count):
    lines = ["AWSTemplateFormatVersion: '2010-09-09'",
             "Transform: AWS::Serverless-2016-10-31", "Resources:"]
    for i in range(count):
        lines += [f"  Fn{i}:", "    Type: AWS::Serverless::Function", "    Properties:",
                  "      Runtime: python3.12", "      Handler: app.handler",
                  "      CodeUri: src/", "      Timeout: 10", "      Tracing: Active",
                  "      Events:", "        Topic:", "          Type: SNS",
                  "          Properties:",
                  f"            Topic: arn:aws:sns:eu-west-1:123456789012:topic-{i}",
                  f"  Fn{i}Logs:", "    Type: AWS::Logs::LogGroup", "    Properties:",
                  f"      LogGroupName: !Sub /aws/lambda/${{Fn{i}}}",
                  "      RetentionInDays: 7"]
    return "\n".join(lines) + "\n"


def cloudformation(count):
    lines = ["AWSTemplateFormatVersion: '2010-09-09'", "Resources:"]
    for i in range(count):
        lines += [f"  F{i}:", "    Type: AWS::Lambda::Function", "    Properties:",
                  f"      FunctionName: fn-{i}", "      Runtime: python3.12",
                  "      Handler: app.handler",
                  "      Role: arn:aws:iam::123456789012:role/worker",
                  "      Timeout: 10", "      TracingConfig: {Mode: Active}",
                  "      Code: {ZipFile: 'def handler(event, context): return None'}",
                  f"  L{i}:", "    Type: AWS::Logs::LogGroup", "    Properties:",
                  f"      LogGroupName: !Sub /aws/lambda/${{F{i}}}",
                  "      RetentionInDays: 7"]
    return "\n".join(lines) + "\n"


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    folder = pathlib.Path(sys.argv[1])
    folder.mkdir(parents=True, exist_ok=True)
    counts = [int(c) for c in sys.argv[2:]] or [2500, 5000, 10000]
    for count in counts:
        (folder / f"sam-{count}.yaml").write_text(sam(count))
        (folder / f"cfn-{count}.yaml").write_text(cloudformation(count))


if __name__ == "__main__":
    main()
