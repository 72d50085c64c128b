package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.load.FormatDetector;
import dev.slens.load.LoadLimits;
import dev.slens.load.LoadResult;
import dev.slens.load.TemplateAssembler;
import dev.slens.load.TemplateLoader;
import dev.slens.model.Resource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateIndexTest {

    private static final String HEADER = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
            """;

    @Test
    void policies_managedPolicyAttachedBothWaysCountsOnce() {
        TemplateIndex index = index("""
                      Role: !GetAtt Runner.Arn
                  Runner:
                    Type: AWS::IAM::Role
                    Properties:
                      ManagedPolicyArns:
                        - !Ref Access
                        - arn:aws:iam::aws:policy/ReadOnlyAccess
                  Access:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      Roles: [!Ref Runner]
                      PolicyDocument:
                        Statement: []
                """);
        Resource role = index.template().resource("Runner");
        List<PolicyDocument> documents = index.iam().policies(role);
        assertEquals(1, documents.size());
        assertEquals("Access", documents.get(0).owner().logicalId());
        assertEquals(List.of(role), index.executionRoles());
    }

    @Test
    void policies_policyNamesRoleByLiteralRoleName() {
        TemplateIndex index = index("""
                      Role: !GetAtt Runner.Arn
                  Runner:
                    Type: AWS::IAM::Role
                    Properties:
                      RoleName: runner-role
                  Inline:
                    Type: AWS::IAM::Policy
                    Properties:
                      Roles: [runner-role]
                      PolicyDocument:
                        Statement: []
                  Managed:
                    Type: AWS::IAM::ManagedPolicy
                    Properties:
                      Roles: [runner-role]
                      PolicyDocument:
                        Statement: []
                  Single:
                    Type: AWS::IAM::RolePolicy
                    Properties:
                      RoleName: runner-role
                      PolicyDocument:
                        Statement: []
                  Elsewhere:
                    Type: AWS::IAM::Policy
                    Properties:
                      Roles: [other-role]
                      PolicyDocument:
                        Statement: []
                """);
        List<String> owners = index.iam().policies(index.template().resource("Runner")).stream()
                .map(document -> document.owner().logicalId())
                .toList();
        assertEquals(List.of("Inline", "Single", "Managed"), owners);
    }

    @Test
    void executionRoles_trustThroughUrlSuffix() {
        TemplateIndex index = parse("""
                Resources:
                  Spare:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: {Service: !Sub 'lambda.${AWS::URLSuffix}'}
                            Action: sts:AssumeRole
                  Builder:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument:
                        Statement:
                          - Effect: Allow
                            Principal: {Service: !Sub 'codebuild.${AWS::URLSuffix}'}
                            Action: sts:AssumeRole
                """);

        List<String> roles = index.executionRoles().stream().map(Resource::logicalId).toList();

        assertEquals(List.of("Spare"), roles);
    }

    @Test
    void logGroupsOf_loggingConfigRef() {
        TemplateIndex index = index("""
                      LoggingConfig:
                        LogGroup: !Ref Logs
                  Logs:
                    Type: AWS::Logs::LogGroup
                  Other:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: !Sub /aws/lambda/${Worker}
                """);
        assertEquals(List.of("Logs"), logGroupIds(index));
        assertTrue(index.setsLogGroup(index.template().resource("Worker")));
    }

    @Test
    void logGroupsOf_loggingConfigLiteralName() {
        TemplateIndex index = index("""
                      LoggingConfig:
                        LogGroup: shared-logs
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: shared-logs
                """);
        assertEquals(List.of("Logs"), logGroupIds(index));
    }

    @Test
    void logGroupsOf_loggingConfigOutsideTemplate() {
        TemplateIndex index = index("""
                      LoggingConfig:
                        LogGroup: managed-elsewhere
                """);
        assertEquals(List.of(), logGroupIds(index));
        assertTrue(index.setsLogGroup(index.template().resource("Worker")));
    }

    @Test
    void logGroupsOf_subWithVariableMap() {
        TemplateIndex index = index("""
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: !Sub
                        - /aws/lambda/${Name}
                        - Name: !Ref Worker
                """);
        assertEquals(List.of("Logs"), logGroupIds(index));
        assertFalse(index.setsLogGroup(index.template().resource("Worker")));
    }

    @Test
    void logGroupsOf_joinWithRef() {
        TemplateIndex index = index("""
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: !Join ['', [/aws/lambda/, !Ref Worker]]
                """);
        assertEquals(List.of("Logs"), logGroupIds(index));
    }

    @Test
    void logGroupsOf_literalFunctionName() {
        TemplateIndex index = index("""
                      FunctionName: nightly-worker
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: /aws/lambda/nightly-worker
                """);
        assertEquals(List.of("Logs"), logGroupIds(index));
    }

    @Test
    void logGroupsOf_groupOfAnotherFunction() {
        TemplateIndex index = index("""
                      FunctionName: nightly-worker
                  Logs:
                    Type: AWS::Logs::LogGroup
                    Properties:
                      LogGroupName: /aws/lambda/daily-worker
                  Unnamed:
                    Type: AWS::Logs::LogGroup
                """);
        assertEquals(List.of(), logGroupIds(index));
    }

    @Test
    void logGroupsOf_manyFunctionsEachFindOwnGroup() {
        int pairs = 300;
        StringBuilder text = new StringBuilder("Resources:\n");
        for (int i = 0; i < pairs; i++) {
            text.append("  F").append(i).append(":\n")
                    .append("    Type: AWS::Lambda::Function\n")
                    .append("    Properties: {FunctionName: fn").append(i).append("}\n")
                    .append("  L").append(i).append(":\n")
                    .append("    Type: AWS::Logs::LogGroup\n")
                    .append("    Properties: {LogGroupName: !Sub '/aws/lambda/${F")
                    .append(i).append("}'}\n");
        }
        TemplateIndex index = parse(text.toString());

        List<List<Resource>> groups = index.functions().stream().map(index::logGroupsOf)
                .toList();

        assertEquals(pairs, groups.size());
        for (int i = 0; i < pairs; i++) {
            assertEquals(List.of(index.template().resource("L" + i)), groups.get(i));
        }
    }

    private static List<String> logGroupIds(TemplateIndex index) {
        Resource worker = index.template().resource("Worker");
        return index.logGroupsOf(worker).stream().map(Resource::logicalId).toList();
    }

    private static TemplateIndex index(String rest) {
        return parse(HEADER + rest);
    }

    private static TemplateIndex parse(String text) {
        Path path = Path.of("template.yaml");
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT)
                .parse(path, "template.yaml", text);
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
        TemplateAssembler.Assembled assembled = TemplateAssembler.assemble(loaded.file(),
                loaded.root(), FormatDetector.detect(loaded.root()));
        return new TemplateIndex(assembled.template());
    }
}
