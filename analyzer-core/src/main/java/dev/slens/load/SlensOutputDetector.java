package dev.slens.load;

import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import java.util.regex.Pattern;

/**
 * Recognizes a file that slens itself wrote: a baseline from {@code --write-baseline}, or a
 * JSON, SARIF or GitLab report. Such files often sit in the scanned folder, and a note that
 * they were skipped would only be noise. The check reads the tree that the loader already
 * built, so no file is parsed twice.
 */
public final class SlensOutputDetector {

    private static final String TOOL_NAME = "slens";

    /** A slens rule ID, which is the {@code check_name} of every GitLab report issue. */
    private static final Pattern RULE_ID = Pattern.compile("SL\\d{4}");

    private SlensOutputDetector() {
    }

    /** Returns whether {@code document}, the whole parsed file, is a file that slens wrote. */
    public static boolean isSlensOutput(Node document) {
        if (document instanceof MapNode map) {
            return isBaseline(map) || isJsonReport(map) || isSarifReport(map);
        }
        return document instanceof ListNode list && isGitlabReport(list);
    }

    /** Returns whether {@code root} is a baseline: tool "slens VERSION" and a findings list. */
    private static boolean isBaseline(MapNode root) {
        String tool = root.getText("tool");
        return tool != null && tool.startsWith(TOOL_NAME + " ") && root.has("fingerprint")
                && root.get("findings") instanceof ListNode;
    }

    /** Returns whether {@code root} has a schema version and a tool object named slens. */
    private static boolean isJsonReport(MapNode root) {
        MapNode tool = root.getMap("tool");
        return root.has("schemaVersion") && tool != null && TOOL_NAME.equals(tool.getText("name"));
    }

    /** Returns whether {@code root} is SARIF whose first run names slens as its driver. */
    private static boolean isSarifReport(MapNode root) {
        if (!(root.get("runs") instanceof ListNode runs) || runs.size() == 0) {
            return false;
        }
        MapNode run = runs.get(0).asMap();
        MapNode tool = run == null ? null : run.getMap("tool");
        MapNode driver = tool == null ? null : tool.getMap("driver");
        return driver != null && TOOL_NAME.equals(driver.getText("name"));
    }

    /**
     * Returns whether {@code issues} is a GitLab code quality report whose every issue names a
     * slens rule. An empty list could be any JSON file, so it is not recognized.
     */
    private static boolean isGitlabReport(ListNode issues) {
        if (issues.size() == 0) {
            return false;
        }
        for (Node item : issues.items()) {
            MapNode issue = item.asMap();
            String check = issue == null ? null : issue.getText("check_name");
            if (check == null || !RULE_ID.matcher(check).matches() || !issue.has("fingerprint")) {
                return false;
            }
        }
        return true;
    }
}
