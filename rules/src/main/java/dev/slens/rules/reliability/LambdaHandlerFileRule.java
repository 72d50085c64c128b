package dev.slens.rules.reliability;

import dev.slens.index.Evaluator;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Resource;
import dev.slens.model.SourceSpan;
import dev.slens.model.TemplateFormat;
import dev.slens.rule.Finding;
import dev.slens.rule.Pillar;
import dev.slens.rule.Rule;
import dev.slens.rule.RuleContext;
import dev.slens.rule.RuleInfo;
import dev.slens.rule.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

@RuleInfo(
        id = "SL1051",
        name = "LambdaHandlerFile",
        summary = "Lambda handlers name a file that exists in the local code folder",
        severity = Severity.WARNING,
        pillar = Pillar.RELIABILITY,
        resourceTypes = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
        since = "0.1.0",
        sourceUrl = "https://docs.aws.amazon.com/lambda/latest/dg/"
                + "troubleshooting-invocation.html",
        tags = {"lambda", "packaging"})
public final class LambdaHandlerFileRule implements Rule {

    /** The code a function runs: a folder relative to the template's folder, and where. */
    private record Code(String folder, SourceSpan span) { }

    @Override
    public List<Finding> check(RuleContext context) {
        Path file = context.template().file().path();
        Path root = file == null ? null : file.toAbsolutePath().getParent();
        List<Finding> findings = new ArrayList<>();
        if (root == null) {
            return findings;
        }
        Evaluator evaluator = context.evaluator();
        for (Resource function : context.index().functions()) {
            Code code = code(context, function);
            String handler = evaluator.exactText(function.property("Handler"));
            String runtime = evaluator.exactText(function.property("Runtime"));
            HandlerFiles.Language language = runtime == null ? null
                    : HandlerFiles.Language.of(runtime);
            if (code == null || handler == null || language == null) {
                continue;
            }
            Finding finding = check(context, function, root, code, handler, runtime);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    private static Finding check(RuleContext context, Resource function, Path root, Code code,
            String handler, String runtime) {
        HandlerFiles.Language language = HandlerFiles.Language.of(runtime);
        HandlerFiles.Entry entry = HandlerFiles.entry(language, handler);
        String relative = join(code.folder(), entry == null ? "" : entry.folder());
        Path folder = entry == null ? null : HandlerFiles.folderInside(root, relative);
        List<String> names = folder == null ? null : HandlerFiles.fileNames(folder);
        if (names == null || entry.names().stream().anyMatch(n -> HandlerFiles.exists(folder,
                n))) {
            return null;
        }
        Node handlerNode = function.property("Handler");
        List<Finding.Related> related = code.span() == null ? List.of()
                : List.of(new Finding.Related(code.span(), "The code folder is set here."));
        List<String> own = names.stream().filter(language::owns).toList();
        String shown = display(relative);
        if (!own.isEmpty()) {
            return context.finding(Severity.WARNING, handlerNode.span(), function.logicalId(),
                    "Function '" + function.logicalId() + "' has Handler '" + handler
                    + "', but " + shown + " has no " + String.join(" or ", quoted(
                            entry.names())) + ", so every invocation fails to load the"
                    + " handler; the folder has " + sample(own) + ", so point Handler at one"
                    + " of them.", related);
        }
        List<String> others = names.stream().filter(HandlerFiles::sourceFile).toList();
        if (others.isEmpty()) {
            return null;
        }
        List<String> matching = otherLanguageMatches(language, handler,
                HandlerFiles.folderInside(root, code.folder().isEmpty() ? "." : code.folder()));
        if (matching.isEmpty()) {
            // Only the file the handler names shows the code's language. Other files, such
            // as a configuration script, are no evidence of the runtime.
            return context.finding(Severity.WARNING, handlerNode.span(), function.logicalId(),
                    "Function '" + function.logicalId() + "' has Handler '" + handler
                    + "', but " + shown + " has no " + String.join(" or ", quoted(
                            entry.names())) + " and no other " + language.title() + " file,"
                    + " so every invocation fails to load the handler; add the handler file"
                    + " or point the code folder at the " + language.title() + " code.",
                    related);
        }
        return context.finding(Severity.WARNING, function.property("Runtime").span(),
                function.logicalId(), "Function '" + function.logicalId() + "' has Runtime '"
                + runtime + "', but " + shown + " has no " + language.title() + " file and has "
                + sample(matching) + ", which Handler '" + handler + "' names; set Runtime to"
                + " the language of the code or point the code folder at the "
                + language.title() + " code.", related);
    }

    /** Returns the files of other languages in the code folder that the handler names. */
    private static List<String> otherLanguageMatches(HandlerFiles.Language language,
            String handler, Path codeFolder) {
        List<String> matching = new ArrayList<>();
        for (HandlerFiles.Language other : HandlerFiles.Language.values()) {
            HandlerFiles.Entry entry = other == language || codeFolder == null ? null
                    : HandlerFiles.entry(other, handler);
            Path otherFolder = entry == null ? null
                    : HandlerFiles.folderInside(codeFolder, entry.folder().isEmpty() ? "."
                            : entry.folder());
            for (String name : entry == null ? List.<String>of() : entry.names()) {
                if (otherFolder != null && HandlerFiles.exists(otherFolder, name)) {
                    matching.add(name);
                }
            }
        }
        return matching;
    }

    /**
     * Returns the local code folder of a function, or null when its code is inline, an image,
     * in S3 or a built archive. SAM {@code CodeUri} and an unpackaged {@code Code} leave the
     * path as text; a Serverless Framework function runs the service folder's code unless it
     * names its own {@code package.artifact}.
     */
    private static Code code(RuleContext context, Resource function) {
        Node code = function.property("Code");
        if (code == null) {
            return null;
        }
        if (context.template().format() == TemplateFormat.SERVERLESS_FRAMEWORK) {
            MapNode map = code.asMap();
            Node key = map == null ? null : map.get("S3Key");
            boolean ownArtifact = key != null && !key.span().equals(map.span());
            return map == null || ownArtifact || map.has("ImageUri") ? null
                    : new Code("", null);
        }
        String path = code.text();
        if (path == null || path.isBlank() || path.contains("://")) {
            return null;
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".zip") || lower.endsWith(".jar") || lower.endsWith(".war")) {
            return null;
        }
        return new Code(path, code.span());
    }

    private static String join(String first, String second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return first.endsWith("/") ? first + second : first + "/" + second;
    }

    private static String display(String relative) {
        String trimmed = relative.replaceAll("^\\./", "").replaceAll("/+$", "");
        return trimmed.isEmpty() || trimmed.equals(".") ? "the template's folder"
                : "folder '" + trimmed + "/'";
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").toList();
    }

    private static String sample(List<String> names) {
        String shown = names.stream().limit(3).map(n -> "'" + n + "'")
                .collect(Collectors.joining(", "));
        return names.size() > 3 ? shown + " and " + (names.size() - 3) + " more" : shown;
    }
}
