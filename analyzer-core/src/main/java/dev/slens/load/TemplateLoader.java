package dev.slens.load;

import dev.slens.internal.io.FileReads;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML or JSON file into a tree with source spans. Problems in the file become
 * findings in the result, never exceptions: a UTF-8 byte order mark and CRLF line ends are
 * accepted, duplicate keys and trailing JSON commas are reported, and the limits in
 * {@link LoadLimits} stop hostile input early.
 */
public final class TemplateLoader {

    private static final String[] LINE_BREAKS = {"\r\n", "\r"};
    /** How much of a file over the size limit is kept to show its first lines. */
    private static final int HEAD_BYTES = 64 * 1024;

    private final LoadLimits limits;

    public TemplateLoader(LoadLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads {@code path}; {@code displayPath} is the name reports show for it. A file that is not
     * valid UTF-8 is not parsed, but its lines are kept, with U+FFFD in place of each invalid
     * byte sequence, so a caller can still tell whether it looks like a template.
     */
    public LoadResult load(Path path, String displayPath) {
        byte[] bytes;
        try {
            bytes = read(path);
        } catch (IOException e) {
            SourceFile file = new SourceFile(path, displayPath, List.of());
            String advice = e instanceof AccessDeniedException ? " Make it readable for the user"
                    + " that runs slens, or exclude it from the scan." : "";
            return new LoadResult(file, null, List.of(finding(EngineChecks.PARSE_ERROR, file,
                    SourceSpan.at(1, 1), "The file cannot be read: " + readFailure(e) + "."
                            + advice)));
        }
        if (bytes.length > limits.maxFileBytes()) {
            // The first lines still tell a caller whether the file looks like a template.
            String head = new String(bytes, 0, Math.min(bytes.length, HEAD_BYTES),
                    StandardCharsets.UTF_8);
            return failed(new SourceFile(path, displayPath, splitLines(withoutBom(head))),
                    new LoadException("file is " + size(path, bytes.length) + " bytes, more than"
                            + " the limit of " + limits.maxFileBytes() + " bytes",
                            SourceSpan.NONE));
        }
        String text;
        try {
            text = decode(bytes);
        } catch (LoadException e) {
            String lenient = withoutBom(new String(bytes, StandardCharsets.UTF_8));
            return failed(new SourceFile(path, displayPath, splitLines(lenient)), e);
        }
        return parse(path, displayPath, text);
    }

    /** Parses {@code text} as the content of {@code path}, as JSON when it looks like JSON. */
    public LoadResult parse(Path path, String displayPath, String text) {
        String content = withoutBom(text);
        return parse(path, displayPath, content, isJson(path, content));
    }

    /**
     * Parses {@code text} as YAML whatever its name or first character. Most JSON, such as the
     * bundled schema files, is also valid YAML, so this reads it without starting Jackson's JSON
     * parser when only YAML has been read so far.
     */
    public LoadResult parseYaml(Path path, String displayPath, String text) {
        return parse(path, displayPath, withoutBom(text), false);
    }

    private LoadResult parse(Path path, String displayPath, String text, boolean json) {
        SourceFile file = new SourceFile(path, displayPath, splitLines(text));
        List<Finding> problems = new ArrayList<>();
        try {
            Node root;
            List<YamlTreeBuilder.Duplicate> duplicates;
            if (json) {
                JsonTreeBuilder builder = new JsonTreeBuilder(limits);
                root = builder.build(text);
                duplicates = builder.duplicates();
                for (SourceSpan comma : TrailingCommas.find(text)) {
                    problems.add(finding(EngineChecks.LENIENT_JSON, file, comma,
                            "Trailing comma before a closing bracket; CloudFormation accepts it,"
                                    + " but strict JSON tools reject the file. Remove the comma."));
                }
            } else {
                Utf16Columns columns = new Utf16Columns(file.lines());
                YamlTreeBuilder builder = new YamlTreeBuilder(limits, columns);
                root = parseYaml(text, builder, columns);
                duplicates = builder.duplicates();
                for (YamlTreeBuilder.UnknownTag unknown : builder.unknownTags()) {
                    problems.add(finding(EngineChecks.UNSUPPORTED, file, unknown.span(),
                            "Tag '" + unknown.tag() + "' is not a CloudFormation function, so"
                                    + " its value is read without it. CloudFormation rejects"
                                    + " unknown tags unless a tool such as Rain replaces them"
                                    + " before deployment."));
                }
            }
            for (YamlTreeBuilder.Duplicate duplicate : duplicates) {
                problems.add(duplicateKey(file, duplicate));
            }
            return new LoadResult(file, root instanceof MapNode map ? map : null, problems, root);
        } catch (LoadException e) {
            problems.add(0, parseError(file, e));
            return new LoadResult(file, null, problems);
        }
    }

    private Node parseYaml(String text, YamlTreeBuilder builder, Utf16Columns columns) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        // LimitedYamlParser reports the first level past the limit with its line before this fires.
        options.setNestingDepthLimit(limits.maxDepth() + 1);
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()));
        options.setAllowDuplicateKeys(true);
        options.setProcessComments(false);
        try {
            Parser parser = new LimitedYamlParser(
                    new ParserImpl(new InMemoryStreamReader(text), options), limits, columns);
            org.yaml.snakeyaml.nodes.Node document =
                    new Composer(parser, new Resolver(), options).getSingleNode();
            return document == null || isEmpty(document) ? null : builder.build(document);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            SourceSpan span = columns.at(mark);
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            String context = e.getContext() == null ? "" : " (" + e.getContext()
                    + opening(e, mark) + ")";
            throw new LoadException("invalid YAML: " + problem + context, span, e);
        } catch (ReaderException e) {
            throw new LoadException(String.format("invalid YAML: character U+%04X is not allowed"
                    + " in YAML; remove it", e.getCodePoint()), codePointSpan(text,
                    e.getPosition()), e);
        } catch (YAMLException e) {
            throw new LoadException("invalid YAML: " + e.getMessage(), SourceSpan.NONE, e);
        } catch (StackOverflowError e) {
            throw new LoadException("nesting is too deep to parse", SourceSpan.NONE);
        }
    }

    /**
     * Returns whether {@code document} has no content, as in a file of only {@code ---} and
     * {@code ...}. SnakeYAML reads such a document as a plain null scalar with no text, which
     * no one can write as a value.
     */
    private static boolean isEmpty(org.yaml.snakeyaml.nodes.Node document) {
        return document instanceof org.yaml.snakeyaml.nodes.ScalarNode scalar
                && scalar.getValue().isEmpty() && scalar.isPlain()
                && Tag.NULL.equals(scalar.getTag());
    }

    /** Returns where the construct that the parser was reading began, when that is elsewhere. */
    private static String opening(MarkedYAMLException e, Mark problem) {
        Mark start = e.getContextMark();
        if (start == null || start == problem || start.getLine() == problem.getLine()) {
            return "";
        }
        return " that starts on line " + (start.getLine() + 1);
    }

    /** Returns the line and UTF-16 column of the code point at {@code position} in text. */
    private static SourceSpan codePointSpan(String text, int position) {
        int line = 1;
        int column = 1;
        int index = 0;
        for (int seen = 0; seen < position && index < text.length(); seen++) {
            int codePoint = text.codePointAt(index);
            index += Character.charCount(codePoint);
            boolean crlf = codePoint == '\r' && index < text.length()
                    && text.charAt(index) == '\n';
            if (codePoint == '\n' || codePoint == '\r' && !crlf) {
                line++;
                column = 1;
            } else if (!crlf) {
                column += Character.charCount(codePoint);
            }
        }
        return SourceSpan.at(line, column);
    }

    private static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    private byte[] read(Path path) throws IOException {
        try (InputStream in = FileReads.newInputStream(path)) {
            // One byte past the limit shows load() that the file is too large.
            return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                    limits.maxFileBytes() + 1));
        }
    }

    /**
     * Returns why reading failed in plain words. The messages of Java's file exceptions are
     * often only the path, which the finding names already.
     */
    static String readFailure(IOException failure) {
        if (failure instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (failure instanceof NoSuchFileException) {
            return "file not found";
        }
        String reason = failure instanceof FileSystemException fileSystem
                ? fileSystem.getReason() : failure.getMessage();
        if (reason == null || reason.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }

    private static long size(Path path, long fallback) {
        try {
            return Files.size(path);
        } catch (IOException e) {
            return fallback;
        }
    }

    /**
     * Decodes UTF-8, or reports the line and column of the first byte that is not UTF-8. A file
     * that starts with a UTF-16 or UTF-32 byte order mark is reported as that encoding.
     */
    private static String decode(byte[] bytes) {
        String encoding = byteOrderMarkEncoding(bytes);
        if (encoding != null) {
            throw new LoadException("file is " + encoding + ", as its byte order mark shows, but"
                    + " slens reads only UTF-8; save the file as UTF-8", SourceSpan.at(1, 1));
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never needs more UTF-16 units than bytes, so the buffer cannot overflow.
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            String decoded = out.toString();
            throw new LoadException(String.format("file is not valid UTF-8: byte 0x%02X is not"
                    + " part of a UTF-8 character; save the file as UTF-8",
                    bytes[in.position()] & 0xFF), endOf(decoded));
        }
        return out.toString();
    }

    /** Returns the encoding that a UTF-16 or UTF-32 byte order mark names, else null. */
    private static String byteOrderMarkEncoding(byte[] bytes) {
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            return "UTF-32BE";
        }
        // FF FE 00 00 is UTF-32LE, although it could also be UTF-16LE starting with U+0000,
        // which YAML does not allow.
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            return "UTF-32LE";
        }
        if (startsWith(bytes, 0xFE, 0xFF)) {
            return "UTF-16BE";
        }
        if (startsWith(bytes, 0xFF, 0xFE)) {
            return "UTF-16LE";
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns the position just after {@code text}, as the loader counts lines and columns. */
    private static SourceSpan endOf(String text) {
        List<String> lines = splitLines(text);
        String last = lines.get(lines.size() - 1);
        int column = last.length() + 1;
        if (lines.size() == 1 && last.startsWith("\uFEFF")) {
            column--;
        }
        return SourceSpan.at(lines.size(), column);
    }

    private static boolean isJson(Path path, String text) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            return true;
        }
        return text.stripLeading().startsWith("{");
    }

    static List<String> splitLines(String text) {
        String normalized = text;
        for (String lineBreak : LINE_BREAKS) {
            normalized = normalized.replace(lineBreak, "\n");
        }
        return List.of(normalized.split("\n", -1));
    }

    /**
     * Reports the second copy of a key. The first copy is named by its line, and by its column
     * too when both share a line, as in minified JSON.
     */
    private static Finding duplicateKey(SourceFile file, YamlTreeBuilder.Duplicate duplicate) {
        SourceSpan first = duplicate.first();
        String place = "line " + first.line();
        if (first.line() == duplicate.second().line()) {
            place += ", column " + first.column();
        }
        return new Finding(EngineChecks.DUPLICATE_KEY.id(), EngineChecks.DUPLICATE_KEY.severity(),
                "Key '" + duplicate.key() + "' appears again here after " + place
                        + "; only this last copy is used. Remove or rename one of them.",
                file, duplicate.second(), null,
                List.of(new Finding.Related(first, "first copy of '" + duplicate.key() + "'")));
    }

    private static LoadResult failed(SourceFile file, LoadException e) {
        return new LoadResult(file, null, List.of(parseError(file, e)));
    }

    private static Finding parseError(SourceFile file, LoadException e) {
        SourceSpan span = e.span().isKnown() ? withinText(file, e.span()) : SourceSpan.at(1, 1);
        String message = e.getMessage();
        return finding(EngineChecks.PARSE_ERROR, file, span,
                "The file cannot be parsed: " + message + ".");
    }

    /**
     * Moves a span past the last line, or on blank lines after it, to the end of the last line
     * with text. Parsers put an unclosed bracket at the end of the input, which the user cannot
     * see in the report.
     */
    static SourceSpan withinText(SourceFile file, SourceSpan span) {
        List<String> lines = file.lines();
        int last = lines.size();
        while (last > 0 && lines.get(last - 1).isBlank()) {
            last--;
        }
        if (last == 0 || span.line() <= last) {
            return span;
        }
        return SourceSpan.at(last, lines.get(last - 1).stripTrailing().length() + 1);
    }

    private static Finding finding(RuleMetadata check, SourceFile file, SourceSpan span,
            String message) {
        return new Finding(check.id(), check.severity(), message, file, span, null, List.of());
    }
}
