package dev.slens.model;

/** The kind of input a file is, decided from its content. */
public enum TemplateFormat {
    /** Plain CloudFormation. */
    CLOUDFORMATION,
    /** CloudFormation with the AWS::Serverless-2016-10-31 transform or AWS::Serverless types. */
    SAM,
    /** A Serverless Framework service file. */
    SERVERLESS_FRAMEWORK,
    /** Neither: the file is skipped. */
    OTHER
}
