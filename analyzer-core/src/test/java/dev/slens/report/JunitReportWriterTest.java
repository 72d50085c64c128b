package dev.slens.report;

import static dev.slens.report.ReportTestData.TEMPLATE_LINES;
import static dev.slens.report.ReportTestData.TIMEOUT;
import static dev.slens.report.ReportTestData.URL_AUTH;
import static dev.slens.report.ReportTestData.file;
import static dev.slens.report.ReportTestData.finding;
import static dev.slens.report.ReportTestData.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.AnalysisResult;
import dev.slens.model.SourceFile;
import dev.slens.model.SourceSpan;
import dev.slens.rule.EngineChecks;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitReportWriterTest {

    private static final SourceFile TEMPLATE = file("stacks/template.yaml", TEMPLATE_LINES);
    private static final SourceFile OTHER = file("other.yaml", List.of("Resources: {}"));

    @Test
    void writesSuitePerRuleAndCasePerFile() throws Exception {
        Document xml = parse(result(List.of(TEMPLATE, OTHER), List.of()));

        NodeList suites = xml.getElementsByTagName("testsuite");
        assertEquals(ReportTestData.allRules().size(), suites.getLength());
        Element timeout = suite(xml, "SL1001 FunctionTimeoutMissing");
        NodeList cases = timeout.getElementsByTagName("testcase");
        assertEquals(2, cases.getLength());
        assertEquals("SL1001", ((Element) cases.item(0)).getAttribute("classname"));
        assertEquals("stacks/template.yaml", ((Element) cases.item(0)).getAttribute("name"));
        assertEquals("other.yaml", ((Element) cases.item(1)).getAttribute("name"));
        assertEquals("2", timeout.getAttribute("tests"));
        assertEquals("0", timeout.getAttribute("failures"));
    }

    @Test
    void suppressedFinding_leavesCasePassed() throws Exception {
        Finding timeout = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), "Fn", "W.");

        Document xml = parse(result(List.of(TEMPLATE),
                List.of(ReportTestData.suppressed(timeout, 4, "Reason."))));

        Element suite = suite(xml, "SL1001 FunctionTimeoutMissing");
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(0, suite.getElementsByTagName("failure").getLength());
    }

    @Test
    void findingsOfRuleInFile_becomeOneFailure() throws Exception {
        Finding first = finding(TIMEOUT, TEMPLATE, new SourceSpan(4, 5, 4, 9), "MainFunction",
                "First.");
        Finding second = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), null, "Second.");

        Element suite = suite(parse(result(List.of(TEMPLATE, OTHER), List.of(first, second))),
                "SL1001 FunctionTimeoutMissing");

        NodeList failures = suite.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failure = (Element) failures.item(0);
        assertEquals("2 findings; the first: First.", failure.getAttribute("message"));
        assertEquals("warning", failure.getAttribute("type"));
        assertEquals("stacks/template.yaml:4:5: warning [MainFunction] First.\n"
                + "stacks/template.yaml:6:7: warning Second.\n", failure.getTextContent());
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("errors"));
    }

    @Test
    void parseError_isErrorNotFailure() throws Exception {
        Finding broken = new Finding(EngineChecks.PARSE_ERROR.id(), Severity.ERROR,
                "Cannot parse.", OTHER, SourceSpan.at(1, 1), null, List.of());

        Document xml = parse(result(List.of(TEMPLATE, OTHER), List.of(broken)));

        Element suite = suite(xml, "SL0001 " + EngineChecks.PARSE_ERROR.name());
        assertEquals(1, suite.getElementsByTagName("error").getLength());
        assertEquals(0, suite.getElementsByTagName("failure").getLength());
        assertEquals("1", suite.getAttribute("errors"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals("1", xml.getDocumentElement().getAttribute("errors"));
    }

    @Test
    void counts_addUpOverSuites() throws Exception {
        Finding warning = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), null, "W.");
        Finding error = finding(URL_AUTH, OTHER, SourceSpan.at(1, 1), null, "E.");
        Finding broken = new Finding(EngineChecks.PARSE_ERROR.id(), Severity.ERROR, "P.", OTHER,
                SourceSpan.at(1, 1), null, List.of());

        Document xml = parse(result(List.of(TEMPLATE, OTHER), List.of(warning, error, broken)));

        Element root = xml.getDocumentElement();
        NodeList suites = xml.getElementsByTagName("testsuite");
        int tests = 0;
        int failures = 0;
        int errors = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            tests += Integer.parseInt(suite.getAttribute("tests"));
            failures += Integer.parseInt(suite.getAttribute("failures"));
            errors += Integer.parseInt(suite.getAttribute("errors"));
            assertEquals(suite.getElementsByTagName("testcase").getLength(),
                    Integer.parseInt(suite.getAttribute("tests")));
        }
        assertEquals(tests, Integer.parseInt(root.getAttribute("tests")));
        assertEquals(2 * ReportTestData.allRules().size(), tests);
        assertEquals(2, failures);
        assertEquals(failures, Integer.parseInt(root.getAttribute("failures")));
        assertEquals(1, errors);
        assertEquals(errors, Integer.parseInt(root.getAttribute("errors")));
    }

    @Test
    void findingOfUnknownRule_getsOwnSuite() throws Exception {
        Finding finding = new Finding("SL9999", Severity.INFO, "Odd.", TEMPLATE,
                SourceSpan.NONE, null, List.of());

        Element suite = suite(parse(result(List.of(TEMPLATE), List.of(finding))), "SL9999");

        assertEquals("stacks/template.yaml: info Odd.\n",
                suite.getElementsByTagName("failure").item(0).getTextContent());
    }

    @Test
    void hostileMessageAndPath_areEscaped() throws Exception {
        SourceFile hostile = file("dir\\a&b <c> \"d\" 'é'%,:.yaml", TEMPLATE_LINES);
        Finding finding = finding(TIMEOUT, hostile, SourceSpan.at(6, 7), "Fn",
                "100% <b>&amp;</b> \"q\",\r\nnext: 'ü'\u0001\uD800 ]]> end");

        String text = ReportTestData.write(new JunitReportWriter(),
                result(List.of(hostile), List.of(finding)));
        Element suite = suite(parseText(text), "SL1001 FunctionTimeoutMissing");
        Element testCase = (Element) suite.getElementsByTagName("testcase").item(0);
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);

        assertEquals("dir/a&b <c> \"d\" 'é'%,:.yaml", testCase.getAttribute("name"));
        assertEquals("100% <b>&amp;</b> \"q\", next: 'ü'\uFFFD\uFFFD ]]> end",
                failure.getAttribute("message"));
        assertEquals("dir/a&b <c> \"d\" 'é'%,:.yaml:6:7: warning [Fn] 100% <b>&amp;</b> \"q\","
                + "\nnext: 'ü'\uFFFD\uFFFD ]]> end\n", failure.getTextContent());
        assertFalse(text.contains("\r"), "raw carriage return in output");
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"),
                text);
    }

    @Test
    void sameResult_givesSameBytes() {
        Finding finding = finding(TIMEOUT, TEMPLATE, SourceSpan.at(6, 7), "Fn", "W.");
        AnalysisResult result = result(List.of(TEMPLATE), List.of(finding));

        assertEquals(ReportTestData.write(new JunitReportWriter(), result),
                ReportTestData.write(new JunitReportWriter(), result));
    }

    private static Element suite(Document xml, String name) {
        NodeList suites = xml.getElementsByTagName("testsuite");
        for (int i = 0; i < suites.getLength(); i++) {
            Element suite = (Element) suites.item(i);
            if (suite.getAttribute("name").equals(name)) {
                return suite;
            }
        }
        throw new AssertionError("no test suite named " + name);
    }

    private static Document parse(AnalysisResult result) throws Exception {
        return parseText(ReportTestData.write(new JunitReportWriter(), result));
    }

    private static Document parseText(String text) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
