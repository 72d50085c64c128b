package dev.slens.internal.suppress;

import dev.slens.internal.suppress.DeclaredSuppression.Form;
import dev.slens.load.LoadLimits;
import dev.slens.load.TemplateLoader;
import dev.slens.model.MapNode;
import dev.slens.model.SourceFile;
import dev.slens.model.Template;
import java.util.List;

/**
 * Reads the suppressions of a {@code serverless.yml}: {@code custom.slens.ignore} covers the
 * whole file, and {@code slens.ignore} on a function, or a checkov comment in a function's lines
 * or right above its key, covers its Lambda function and the resources generated from it. Their
 * scope is the function's key, which every resource generated from the function names in
 * {@code Resource.generatedFrom()}. The slens entries have the form of
 * {@code Metadata: slens: ignore}. The file is parsed again from its lines, because the template
 * holds only the CloudFormation the service expands to.
 */
final class ServerlessSuppressions {

    private ServerlessSuppressions() {
    }

    /** Adds the suppressions written in the service file of {@code template}. */
    static void read(Template template, List<DeclaredSuppression> out) {
        MapNode root = parse(template.file());
        if (root == null) {
            return;
        }
        MapNode custom = root.getMap("custom");
        MapNode fileWide = custom == null ? null : custom.getMap("slens");
        if (fileWide != null) {
            SuppressionReader.readIdsWithReasons(Form.SLENS, fileWide.get("ignore"), null,
                    "in custom.slens", out);
        }
        MapNode functions = root.getMap("functions");
        if (functions == null) {
            return;
        }
        for (MapNode.Entry function : functions.entries()) {
            MapNode definition = function.value() == null ? null : function.value().asMap();
            MapNode slens = definition == null ? null : definition.getMap("slens");
            if (slens != null) {
                SuppressionReader.readIdsWithReasons(Form.SLENS, slens.get("ignore"),
                        function.key(), "on function '" + function.key() + "'", out);
            }
        }
        CheckovComments.read(template.file().lines(), functions.entries(), "function", out);
    }

    private static MapNode parse(SourceFile file) {
        String text = String.join("\n", file.lines());
        return new TemplateLoader(LoadLimits.DEFAULT).parse(file.path(), file.displayPath(), text)
                .root();
    }
}
