package dev.slens.report;

import dev.slens.AnalysisResult;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.RuleMetadata;
import dev.slens.rule.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a JUnit XML report for CI systems that show test results: one {@code testsuite} per
 * rule and, inside it, one {@code testcase} per analyzed file, named by the file's path with the
 * rule ID as its class name. A rule without findings in a file is a passing test case. Findings
 * of a rule in a file become one {@code failure}, or one {@code error} when the file could not
 * be parsed or the rule failed on it, whose text lists each finding as
 * {@code file:line:column: severity [LogicalId] message}. The counts of a suite add up over its
 * test cases, and those of {@code testsuites} over the suites. No timestamps or durations are
 * written, so equal results give equal bytes.
 */
public final class JunitReportWriter implements ReportWriter {

    private static final Set<String> ERROR_IDS =
            Set.of(EngineChecks.PARSE_ERROR.id(), EngineChecks.RULE_FAILURE.id());

    @Override
    public void write(AnalysisResult result, Writer out) throws IOException {
        List<Suite> suites = suites(result);
        try {
            XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "slens");
            writeCounts(xml, suites.stream().mapToInt(Suite::tests).sum(),
                    suites.stream().mapToInt(Suite::failures).sum(),
                    suites.stream().mapToInt(Suite::errors).sum());
            for (Suite suite : suites) {
                writeSuite(xml, suite);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write the JUnit report: " + e.getMessage(), e);
        }
        out.flush();
    }

    /**
     * Groups the findings that are not suppressed by rule and file, so a test case whose only
     * findings are suppressed passes. Rules come in the order of the result's metadata and files
     * in scan order. A rule or file that only a finding names gets its suite or test case after
     * the others.
     */
    static List<Suite> suites(AnalysisResult result) {
        List<Finding> unsuppressed = result.unsuppressedFindings();
        Set<String> files = new LinkedHashSet<>();
        result.files().forEach(file -> files.add(file.displayPath()));
        unsuppressed.forEach(finding -> files.add(finding.file().displayPath()));

        Map<String, String> ruleNames = new LinkedHashMap<>();
        for (RuleMetadata rule : result.rules()) {
            ruleNames.putIfAbsent(rule.id(), rule.name());
        }
        unsuppressed.forEach(finding -> ruleNames.putIfAbsent(finding.ruleId(), null));
        Map<List<String>, List<Finding>> byRuleAndFile = new HashMap<>();
        for (Finding finding : unsuppressed) {
            byRuleAndFile.computeIfAbsent(List.of(finding.ruleId(), finding.file().displayPath()),
                    key -> new ArrayList<>()).add(finding);
        }

        List<Suite> suites = new ArrayList<>();
        for (Map.Entry<String, String> rule : ruleNames.entrySet()) {
            List<TestCase> cases = new ArrayList<>();
            for (String file : files) {
                List<Finding> findings = byRuleAndFile.getOrDefault(
                        List.of(rule.getKey(), file), List.of());
                cases.add(new TestCase(rule.getKey(), file, findings));
            }
            suites.add(new Suite(rule.getKey(), rule.getValue(), cases));
        }
        return suites;
    }

    private static void writeSuite(XMLStreamWriter xml, Suite suite) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        String name = suite.ruleName() == null ? suite.ruleId()
                : suite.ruleId() + " " + suite.ruleName();
        xml.writeAttribute("name", attribute(name));
        writeCounts(xml, suite.tests(), suite.failures(), suite.errors());
        xml.writeAttribute("skipped", "0");
        for (TestCase testCase : suite.cases()) {
            writeTestCase(xml, testCase);
        }
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void writeTestCase(XMLStreamWriter xml, TestCase testCase)
            throws XMLStreamException {
        xml.writeCharacters("\n    ");
        if (testCase.findings().isEmpty()) {
            xml.writeEmptyElement("testcase");
            writeTestCaseAttributes(xml, testCase);
            return;
        }
        xml.writeStartElement("testcase");
        writeTestCaseAttributes(xml, testCase);
        xml.writeCharacters("\n      ");
        xml.writeStartElement(testCase.isError() ? "error" : "failure");
        xml.writeAttribute("message", attribute(failureMessage(testCase.findings())));
        xml.writeAttribute("type", worst(testCase.findings()).label());
        StringBuilder text = new StringBuilder();
        for (Finding finding : testCase.findings()) {
            text.append(describe(finding)).append('\n');
        }
        xml.writeCharacters(text(text.toString()));
        xml.writeEndElement();
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void writeTestCaseAttributes(XMLStreamWriter xml, TestCase testCase)
            throws XMLStreamException {
        xml.writeAttribute("classname", attribute(testCase.ruleId()));
        xml.writeAttribute("name", attribute(ReportPaths.normalize(testCase.file())));
    }

    private static void writeCounts(XMLStreamWriter xml, int tests, int failures, int errors)
            throws XMLStreamException {
        xml.writeAttribute("tests", Integer.toString(tests));
        xml.writeAttribute("failures", Integer.toString(failures));
        xml.writeAttribute("errors", Integer.toString(errors));
    }

    /** Returns the first finding's message, with the number of findings when there are more. */
    private static String failureMessage(List<Finding> findings) {
        String first = findings.get(0).message().strip();
        if (findings.size() == 1) {
            return first;
        }
        return findings.size() + " findings; the first: " + first;
    }

    private static Severity worst(List<Finding> findings) {
        Severity worst = Severity.INFO;
        for (Finding finding : findings) {
            if (finding.severity().atLeast(worst)) {
                worst = finding.severity();
            }
        }
        return worst;
    }

    private static String describe(Finding finding) {
        StringBuilder line = new StringBuilder(ReportPaths.normalize(
                finding.file().displayPath()));
        SourceSpan span = finding.span();
        if (span.isKnown()) {
            line.append(':').append(span.line());
            if (span.column() > 0) {
                line.append(':').append(span.column());
            }
        }
        line.append(": ").append(finding.severity().label());
        if (finding.logicalId() != null && !finding.logicalId().isBlank()) {
            line.append(" [").append(finding.logicalId()).append(']');
        }
        return line.append(' ').append(finding.message().strip()).toString();
    }

    /**
     * Prepares element text: line breaks become LF, and characters that XML 1.0 does not allow,
     * such as most control characters and unpaired surrogates, become U+FFFD.
     */
    static String text(String value) {
        String normalized = SarifRegions.normalizeLineBreaks(value);
        StringBuilder text = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); ) {
            int codePoint = normalized.codePointAt(i);
            text.appendCodePoint(isXmlChar(codePoint) ? codePoint : 0xFFFD);
            i += Character.charCount(codePoint);
        }
        return text.toString();
    }

    /**
     * Prepares an attribute value as {@link #text} does and turns line breaks and tabs into
     * spaces, which XML parsers would do anyway when they normalize attribute values.
     */
    static String attribute(String value) {
        return text(value).replace('\n', ' ').replace('\t', ' ');
    }

    private static boolean isXmlChar(int c) {
        return c == '\t' || c == '\n' || c == '\r'
                || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** The test cases of one rule. */
    record Suite(String ruleId, String ruleName, List<TestCase> cases) {

        int tests() {
            return cases.size();
        }

        int failures() {
            return (int) cases.stream().filter(c -> !c.findings().isEmpty() && !c.isError())
                    .count();
        }

        int errors() {
            return (int) cases.stream().filter(TestCase::isError).count();
        }
    }

    /** The findings of one rule in one file, by display path. */
    record TestCase(String ruleId, String file, List<Finding> findings) {

        /** Returns whether the file could not be parsed or the rule failed on it. */
        boolean isError() {
            return !findings.isEmpty() && ERROR_IDS.contains(ruleId);
        }
    }
}
