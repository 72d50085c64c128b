package dev.slens.load;

import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.TemplateFormat;

/**
 * Decides from content what a file is: CloudFormation has {@code AWSTemplateFormatVersion} or
 * {@code Resources} whose entries have an AWS type; SAM adds the
 * {@code AWS::Serverless-2016-10-31} transform or uses {@code AWS::Serverless::*} types, which the
 * SAM translator accepts without the transform line; a Serverless Framework file has
 * {@code service} and {@code provider}.
 */
public final class FormatDetector {

    /** The transform that makes a template SAM. */
    public static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

    private FormatDetector() {
    }

    /** Returns the format of {@code root}, or {@link TemplateFormat#OTHER}. */
    public static TemplateFormat detect(MapNode root) {
        if (root == null) {
            return TemplateFormat.OTHER;
        }
        if (root.has("service") && root.has("provider")) {
            return TemplateFormat.SERVERLESS_FRAMEWORK;
        }
        boolean serverless = hasSamTransform(root.get("Transform"));
        // A format version or the SAM transform declares a template even when Resources is
        // missing or malformed, so TemplateAssembler can report the Resources section.
        boolean cloudFormation = root.has("AWSTemplateFormatVersion") || serverless;
        MapNode resources = root.getMap("Resources");
        if (resources == null) {
            return cloudFormation ? format(serverless) : TemplateFormat.OTHER;
        }
        for (MapNode.Entry entry : resources.entries()) {
            if (entry.key().startsWith("Fn::ForEach::")) {
                cloudFormation = true;
                continue;
            }
            MapNode resource = entry.value().asMap();
            String type = resource == null ? null : resource.getText("Type");
            if (type != null && type.contains("::")) {
                cloudFormation = true;
                serverless |= type.startsWith("AWS::Serverless::");
            }
        }
        return cloudFormation ? format(serverless) : TemplateFormat.OTHER;
    }

    private static TemplateFormat format(boolean serverless) {
        return serverless ? TemplateFormat.SAM : TemplateFormat.CLOUDFORMATION;
    }

    private static boolean hasSamTransform(Node transform) {
        if (transform == null) {
            return false;
        }
        if (SAM_TRANSFORM.equals(transform.text())) {
            return true;
        }
        if (transform.asList() != null) {
            return transform.asList().items().stream()
                    .anyMatch(t -> SAM_TRANSFORM.equals(t.text()));
        }
        return false;
    }
}
