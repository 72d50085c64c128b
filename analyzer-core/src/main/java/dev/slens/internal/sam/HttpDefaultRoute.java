package dev.slens.internal.sam;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads which function the {@code $default} route of an HTTP API's written
 * {@code DefinitionBody} invokes, the way the SAM translator's OpenAPI editor does it
 * ({@code is_integration_function_logical_id_match} in samtranslator/open_api/open_api.py): the
 * {@code x-amazon-apigateway-any-method} operation of path {@code $default} needs an
 * {@code x-amazon-apigateway-integration} whose {@code uri} is an {@code Fn::Sub} text, and the
 * first {@code <LogicalId>.Arn} in that text names the function. Each branch of an
 * {@code Fn::If} on the path, operation or URI must name the same function.
 */
final class HttpDefaultRoute {

    private static final Pattern FUNCTION_ARN = Pattern.compile("([A-Za-z0-9]+)\\.Arn");

    private HttpDefaultRoute() {
    }

    /** Returns whether the {@code $default} route of {@code definitionBody} invokes functionId. */
    static boolean invokes(Node definitionBody, String functionId) {
        MapNode document = definitionBody == null ? null : definitionBody.asMap();
        MapNode paths = document == null ? null : document.getMap("paths");
        if (paths == null || paths.get("$default") == null) {
            return false;
        }
        List<MapNode> operations = new ArrayList<>();
        for (MapNode pathItem : branches(paths.get("$default"))) {
            Node operation = pathItem.get("x-amazon-apigateway-any-method");
            if (operation != null) {
                operations.addAll(branches(operation));
            }
        }
        if (operations.isEmpty()) {
            return false;
        }
        for (MapNode operation : operations) {
            MapNode integration = operation.getMap("x-amazon-apigateway-integration");
            if (integration == null || !uriNames(integration.get("uri"), functionId)) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether each branch of {@code uri} is an {@code Fn::Sub} text naming functionId. */
    private static boolean uriNames(Node uri, String functionId) {
        if (uri == null || uri.asMap() == null) {
            return false;
        }
        for (MapNode branch : branches(uri)) {
            String pattern = branch.getText("Fn::Sub");
            Matcher match = FUNCTION_ARN.matcher(pattern == null ? "" : pattern);
            if (!match.find() || !match.group(1).equals(functionId)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the maps in {@code node}: both branches of an {@code Fn::If} except
     * {@code AWS::NoValue}, or the node itself.
     */
    private static List<MapNode> branches(Node node) {
        MapNode map = node.asMap();
        if (map == null) {
            return List.of();
        }
        ListNode condition = map.get("Fn::If") == null ? null : map.get("Fn::If").asList();
        if (condition == null) {
            return List.of(map);
        }
        List<MapNode> contents = new ArrayList<>();
        for (Node branch : condition.items().subList(Math.min(1, condition.items().size()),
                condition.items().size())) {
            MapNode branchMap = branch.asMap();
            if (branchMap != null && !"AWS::NoValue".equals(branchMap.getText("Ref"))) {
                contents.add(branchMap);
            }
        }
        return contents;
    }
}
