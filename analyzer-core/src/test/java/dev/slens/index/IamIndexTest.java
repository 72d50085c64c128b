package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

class IamIndexTest {

    @Test
    void covers_wildcardsMatchLikeIam() {
        assertTrue(IamActions.covers("iam:Pass*", "iam:PassRole"));
        assertTrue(IamActions.covers("*", "iam:PassRole"));
        assertTrue(IamActions.covers("IAM:passrol?", "iam:PassRole"));
        assertFalse(IamActions.covers("iam:Get*", "iam:PassRole"));
        assertFalse(IamActions.covers("s3:*", "s3x:GetObject"));
    }

    @Test
    void acceptsOnlyAllResources_catalogueAndNames() {
        assertTrue(IamActions.acceptsOnlyAllResources("xray:PutTraceSegments"));
        assertTrue(IamActions.acceptsOnlyAllResources("sqs:ListQueues"));
        assertFalse(IamActions.acceptsOnlyAllResources("s3:ListBucket"));
        assertFalse(IamActions.acceptsOnlyAllResources("dynamodb:PutItem"));
        assertFalse(IamActions.acceptsOnlyAllResources(null));
    }

    @Test
    void facts_readFromCatalogue() {
        assertTrue(IamActions.facts("iam:CreatePolicyVersion")
                .contains(IamActions.Fact.ESCALATION));
        assertTrue(IamActions.facts("IAM:PASSROLE").contains(IamActions.Fact.PERMISSIONS));
        assertEquals(List.of("iam:PassRole"),
                IamActions.coveredWith("iam:Pass*", IamActions.Fact.PERMISSIONS));
    }

    @Test
    void parse_rejectsUnknownFact() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> IamActions.parse(List.of("s3:GetObject reads")));
        assertTrue(error.getMessage().contains("'reads'"), error.getMessage());
    }

    @Test
    void awsManagedPolicyName_namesAndArns() {
        assertEquals("AdministratorAccess", IamIndex.awsManagedPolicyName("AdministratorAccess"));
        assertEquals("AWSLambdaBasicExecutionRole", IamIndex.awsManagedPolicyName(
                "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        assertNull(IamIndex.awsManagedPolicyName("arn:aws:iam::123456789012:policy/mine"));
        assertNull(IamIndex.awsManagedPolicyName("OrdersTeamReadOnly"));
        assertNull(IamIndex.awsManagedPolicyName("AdministratorAccessForTeam"));
    }

    @Test
    void allowedOnAllResources_userPolicy() {
        TemplateIndex index = parse("""
                Resources:
                  Deployer:
                    Type: AWS::IAM::User
                    Properties:
                      UserName: deployer
                  Passer:
                    Type: AWS::IAM::Policy
                    Properties:
                      PolicyName: pass
                      Users: [deployer]
                      PolicyDocument:
                        Statement:
                          - Effect: Allow
                            Action: ['iam:Pass*', 's3:GetObject']
                            Resource: '*'
                          - Effect: Deny
                            Action: iam:PassRole
                            Resource: '*'
                """);
        Resource user = index.template().resource("Deployer");
        List<PolicyStatement> found = index.iam().allowedOnAllResources(user, "iam:PassRole");
        assertEquals(1, found.size());
        assertEquals("Passer", found.get(0).owner().logicalId());
        assertEquals(List.of(user), index.iam().identitiesOf(
                index.template().resource("Passer")));
        assertEquals(1, index.iam().allPolicies().size());
    }

    @Test
    void functionsUsing_sharedRole() {
        TemplateIndex index = parse("""
                Resources:
                  Shared:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {}
                  One:
                    Type: AWS::Lambda::Function
                    Properties:
                      Role: !GetAtt Shared.Arn
                  Two:
                    Type: AWS::Lambda::Function
                    Properties:
                      Role: !Sub '${Shared.Arn}'
                """);
        List<String> functions = index.iam().functionsUsing(index.template().resource("Shared"))
                .stream().map(Resource::logicalId).toList();
        assertEquals(List.of("One", "Two"), functions);
    }

    @Test
    void statements_samPolicyTemplateNamesItsTemplate() {
        TemplateIndex index = parse("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      Policies:
                        - SQSPollerPolicy:
                            QueueName: orders
                """);
        List<PolicyStatement> statements = index.iam().statements(
                index.template().resource("WorkerRole"));
        assertEquals(1, statements.size());
        assertEquals("SQSPollerPolicy", statements.get(0).policyTemplate());
        assertEquals(10, statements.get(0).span().line());
    }

    private static TemplateIndex parse(String text) {
        LoadResult loaded = new TemplateLoader(LoadLimits.DEFAULT)
                .parse(Path.of("template.yaml"), "template.yaml", text);
        assertTrue(loaded.problems().isEmpty(), loaded.problems().toString());
        TemplateAssembler.Assembled assembled = TemplateAssembler.assemble(loaded.file(),
                loaded.root(), FormatDetector.detect(loaded.root()));
        return new TemplateIndex(assembled.template());
    }
}
