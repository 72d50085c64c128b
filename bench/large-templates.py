#!/usr/bin/env python3
"""Write generated templates with many functions, for timing scans of large input.

Usage: bench/large-templates.py FOLDER [COUNT...]
       bench/large-templates.py --resources FOLDER [COUNT...]

For each COUNT (default 2500 5000 10000) it writes two files to FOLDER:
sam-COUNT.yaml, SAM functions each with an SNS event, and
cfn-COUNT.yaml, CloudFormation functions each with a log group named through Fn::Sub.
Both have 2 * COUNT resources as written, since each function comes with its log group.

With --resources, it writes resources-COUNT.yaml with COUNT resources as written: a SAM
function with an SNS event, then its log group, repeated (COUNT must be even). The JMH
benchmarks in bench/src generate the same template in Java (LargeTemplates.resources).
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
    args = sys.argv[1:]
    by_resources = bool(args) and args[0] == "--resources"
    if by_resources:
        args = args[1:]
    if not args:
        sys.exit(__doc__)
    folder = pathlib.Path(args[0])
    folder.mkdir(parents=True, exist_ok=True)
    counts = [int(c) for c in args[1:]] or [2500, 5000, 10000]
    if by_resources:
        for count in counts:
            if count % 2:
                sys.exit(f"COUNT must be even, not {count}")
            (folder / f"resources-{count}.yaml").write_text(sam(count // 2))
        return
    for count in counts:
        (folder / f"sam-{count}.yaml").write_text(sam(count))
        (folder / f"cfn-{count}.yaml").write_text(cloudformation(count))


if __name__ == "__main__":
    main()
