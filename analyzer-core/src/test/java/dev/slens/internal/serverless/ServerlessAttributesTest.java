package dev.slens.internal.serverless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource attributes that serverless.yml sets on generated resources, through
 * {@code resources.extensions} or a {@code resources.Resources} entry of the same logical ID.
 */
class ServerlessAttributesTest {

    @TempDir
    Path folder;

    private ServerlessTesting.Outcome expand(String resources) {
        return ServerlessTesting.expand(folder, """
                service: orders
                provider:
                  name: aws
                functions:
                  f:
                    handler: h
                resources:
                """ + resources.indent(2));
    }

    @Test
    void extensionPolicies_reachAttributes() {
        Resource logGroup = expand("""
                extensions:
                  FLogGroup:
                    DeletionPolicy: Retain
                    UpdateReplacePolicy: Snapshot
                    UpdatePolicy: {AutoScalingRollingUpdate: {MinInstancesInService: 1}}
                    Condition: IsProd
                """).resource("FLogGroup");

        assertEquals("Retain", logGroup.attribute("DeletionPolicy").text());
        assertEquals("Snapshot", logGroup.attribute("UpdateReplacePolicy").text());
        assertEquals("1", logGroup.attribute("UpdatePolicy").asMap()
                .getMap("AutoScalingRollingUpdate").getText("MinInstancesInService"));
        assertEquals("IsProd", logGroup.condition());
        assertNull(logGroup.attribute("Condition"));
    }

    @Test
    void extensionPolicy_replacesGenerated() {
        // The framework retains the versions that versionFunctions publishes; an extension may
        // change that.
        Resource version = expand("""
                extensions:
                  FLambdaVersionPlaceholderHash:
                    DeletionPolicy: Delete
                """).resource("FLambdaVersionPlaceholderHash");

        assertEquals("Delete", version.attribute("DeletionPolicy").text());
    }

    @Test
    void extensionMetadata_mergesShallowly() {
        Resource version = ServerlessTesting.expand(folder, """
                service: orders
                plugins: [serverless-prune-plugin]
                custom:
                  prune: {automatic: true}
                provider:
                  name: aws
                functions:
                  f:
                    handler: h
                resources:
                  extensions:
                    FLambdaVersionPlaceholderHash:
                      Metadata:
                        Owner: team-a
                """).resource("FLambdaVersionPlaceholderHash");

        MapNode metadata = version.attribute("Metadata").asMap();
        assertEquals("team-a", metadata.getText("Owner"));
        assertEquals("serverless-prune-plugin", metadata.getText("SlensPrunedBy"));
    }

    @Test
    void extensionDependsOn_isAppended() {
        Resource logGroup = expand("""
                Resources:
                  Queue:
                    Type: AWS::SQS::Queue
                  Topic:
                    Type: AWS::SNS::Topic
                  FLogGroup:
                    DependsOn: [Topic]
                extensions:
                  FLogGroup:
                    DependsOn: [Queue]
                """).resource("FLogGroup");

        assertEquals(List.of("Topic", "Queue"), texts(logGroup.attribute("DependsOn")));
    }

    @Test
    void writtenOverride_mergesAttributes() {
        Resource logGroup = expand("""
                Resources:
                  FLogGroup:
                    DeletionPolicy: Retain
                    Metadata: {Owner: team-a}
                    Properties:
                      RetentionInDays: 30
                """).resource("FLogGroup");

        assertEquals("Retain", logGroup.attribute("DeletionPolicy").text());
        assertEquals("team-a", logGroup.attribute("Metadata").asMap().getText("Owner"));
        assertEquals("30", logGroup.property("RetentionInDays").text());
    }

    private static List<String> texts(Node list) {
        return list.asList().items().stream().map(Node::text).toList();
    }
}
