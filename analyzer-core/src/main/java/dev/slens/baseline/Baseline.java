package dev.slens.baseline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slens.AnalysisResult;
import dev.slens.AnalyzerException;
import dev.slens.report.AtomicFileWriter;
import dev.slens.report.FindingFingerprints;
import dev.slens.rule.EngineChecks;
import dev.slens.model.SourceFile;
import dev.slens.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The findings a team accepted at one point, by fingerprint, so later scans fail only on new
 * ones. The file is JSON: {@code version}, the {@code fingerprint} scheme, and one entry per
 * finding with its {@code fingerprint} and, for reviewers, its rule, path, logical ID and
 * message. Entries are sorted by path, rule and fingerprint, so rewriting the baseline after a
 * reformat changes no line. Suppressed findings and processing errors (SL0001, SL0003) are
 * never recorded: the first are already accepted in the template, and the second must be fixed.
 *
 * <p>Paths in fingerprints and entries are relative to the baseline file's folder, so a baseline
 * matches whatever folder the scan runs from.
 *
 * @param fingerprints the recorded fingerprints
 * @param folder the folder of the baseline file, which the paths of fingerprints start from
 */
public record Baseline(Set<String> fingerprints, Path folder) {

    /** The file format version this class reads and writes. */
    public static final int VERSION = 1;

    /** The fingerprint scheme of {@link FindingFingerprints}. */
    public static final String SCHEME = "slens/v3";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    private static final Set<String> NOT_RECORDED =
            Set.of(EngineChecks.PARSE_ERROR.id(), EngineChecks.RULE_FAILURE.id());

    public Baseline {
        fingerprints = Set.copyOf(fingerprints);
        folder = folder.toAbsolutePath().normalize();
    }

    /**
     * Returns {@code result} with each finding marked {@link Finding.BaselineState#UNCHANGED}
     * when this baseline has it and {@link Finding.BaselineState#NEW} when not. Processing errors
     * are always new.
     */
    public AnalysisResult apply(AnalysisResult result) {
        List<Finding> findings = result.findings();
        List<String> prints = FindingFingerprints.of(findings, source -> pathFrom(folder, source));
        List<Finding> marked = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            boolean known = !NOT_RECORDED.contains(finding.ruleId())
                    && fingerprints.contains(prints.get(i));
            marked.add(finding.withBaselineState(known ? Finding.BaselineState.UNCHANGED
                    : Finding.BaselineState.NEW));
        }
        return new AnalysisResult(marked, result.files(), result.rules(), result.skipped(),
                result.toolVersion(), result.skippedEntries());
    }

    /**
     * Writes the unsuppressed findings of {@code result} to {@code file}, replacing it in one
     * step, and returns how many were written.
     *
     * @throws AnalyzerException when the file cannot be written
     */
    public static int write(AnalysisResult result, Path file) {
        List<Finding> findings = result.findings();
        Path folder = folderOf(file);
        List<String> prints = FindingFingerprints.of(findings, source -> pathFrom(folder, source));
        List<ObjectNode> entries = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            if (!finding.suppressed() && !NOT_RECORDED.contains(finding.ruleId())) {
                entries.add(entry(finding, pathFrom(folder, finding.file()), prints.get(i)));
            }
        }
        entries.sort(Comparator.comparing((ObjectNode e) -> e.path("path").asText())
                .thenComparing(e -> e.path("ruleId").asText())
                .thenComparing(e -> e.path("fingerprint").asText()));

        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        root.put("fingerprint", SCHEME);
        root.put("tool", "slens " + result.toolVersion());
        ArrayNode list = root.putArray("findings");
        entries.forEach(list::add);
        try {
            AtomicFileWriter.write(file, out -> {
                MAPPER.writeValue(out, root);
                out.write('\n');
            });
        } catch (IOException e) {
            throw new AnalyzerException("failed to write the baseline '" + file + "': "
                    + describe(e), e);
        }
        return entries.size();
    }

    /**
     * Reads the baseline in {@code file}.
     *
     * @throws AnalyzerException naming the file, and the line when the JSON is invalid
     */
    public static Baseline read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new AnalyzerException("baseline file not found: '" + file + "'; create it with"
                    + " 'slens scan --write-baseline " + file + " PATH...'");
        } catch (IOException e) {
            throw new AnalyzerException("failed to read the baseline '" + file + "': "
                    + describe(e), e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new AnalyzerException("invalid baseline " + file + where + ": not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        }
        return parse(root, file);
    }

    private static Baseline parse(JsonNode root, Path file) {
        if (root == null || !root.isObject()) {
            throw invalid(file, "expected a JSON object with 'version', 'fingerprint' and"
                    + " 'findings'");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw invalid(file, "'version' must be " + VERSION + "; found "
                    + root.path("version"));
        }
        String scheme = root.path("fingerprint").asText("");
        if (!scheme.equals(SCHEME)) {
            throw invalid(file, "it uses fingerprint scheme '" + scheme + "', and this slens"
                    + " uses '" + SCHEME + "'; write it again with --write-baseline");
        }
        JsonNode findings = root.path("findings");
        if (!findings.isArray()) {
            throw invalid(file, "'findings' must be a list");
        }
        Set<String> prints = new HashSet<>();
        for (int i = 0; i < findings.size(); i++) {
            JsonNode print = findings.get(i).path("fingerprint");
            if (!print.isTextual() || print.asText().isBlank()) {
                throw invalid(file, "findings[" + i + "] has no 'fingerprint' string");
            }
            prints.add(print.asText());
        }
        return new Baseline(prints, folderOf(file));
    }

    private static Path folderOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /**
     * Returns the path of {@code source} from {@code folder} with forward slashes, or its
     * display path when it was not read from a file.
     */
    static String pathFrom(Path folder, SourceFile source) {
        if (source.path() == null) {
            return source.displayPath();
        }
        Path file = source.path().toAbsolutePath().normalize();
        if (!file.getRoot().equals(folder.getRoot())) {
            return file.toString().replace('\\', '/');
        }
        return folder.relativize(file).toString().replace('\\', '/');
    }

    private static ObjectNode entry(Finding finding, String path, String fingerprint) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("fingerprint", fingerprint);
        entry.put("ruleId", finding.ruleId());
        entry.put("path", path);
        if (finding.logicalId() != null) {
            entry.put("logicalId", finding.logicalId());
        }
        entry.put("message", finding.message());
        return entry;
    }

    private static AnalyzerException invalid(Path file, String problem) {
        return new AnalyzerException("invalid baseline " + file + ": " + problem);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
