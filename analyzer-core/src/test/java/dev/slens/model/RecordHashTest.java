package dev.slens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.slens.index.PolicyDocument;
import dev.slens.rule.Finding;
import dev.slens.rule.Severity;
import dev.slens.rule.Suppression;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.runtime.ObjectMethods;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks that the records whose equals and hashCode are written out return what the JDK's
 * generated methods return, by building those methods with {@link ObjectMethods}.
 */
class RecordHashTest {

    private static final SourceFile FILE =
            new SourceFile(Path.of("a/template.yaml"), "a/template.yaml", List.of("x: 1", ""));
    private static final SourceFile OTHER_FILE =
            new SourceFile(Path.of("b.yaml"), "b.yaml", List.of("y: 2"));
    private static final SourceSpan SPAN = new SourceSpan(3, 5, 3, 12, FILE);
    private static final MapNode PROPERTIES = new MapNode(List.of(), SPAN);

    @Test
    void sourceFile_matchesGeneratedMethods() throws Throwable {
        assertLikeGenerated(FILE, new SourceFile(FILE.path(), FILE.displayPath(), FILE.lines()),
                OTHER_FILE, new SourceFile(FILE.path(), FILE.displayPath(), List.of()));
    }

    @Test
    void resource_matchesGeneratedMethods() throws Throwable {
        Resource resource = new Resource("Fn", "AWS::Serverless::Function", PROPERTIES, SPAN,
                "IsProd", null, PROPERTIES);
        assertLikeGenerated(resource, new Resource("Fn", "AWS::Serverless::Function",
                PROPERTIES, SPAN, "IsProd", null, PROPERTIES),
                new Resource("Fn", "AWS::Serverless::Function", PROPERTIES, SPAN, null, null,
                        PROPERTIES),
                new Resource("Fn2", "AWS::Lambda::Function", PROPERTIES, SPAN, null, "Fn",
                        PROPERTIES));
    }

    @Test
    void finding_matchesGeneratedMethods() throws Throwable {
        Finding finding = new Finding("SL1001", Severity.WARNING, "Function 'Fn' has no DLQ.",
                FILE, SPAN, "Fn", List.of(new Finding.Related(SPAN, "here")), null, null);
        Finding copy = new Finding("SL1001", Severity.WARNING, "Function 'Fn' has no DLQ.",
                FILE, SPAN, "Fn", List.of(new Finding.Related(SPAN, "here")), null, null);
        Finding suppressed = finding.withSuppression(
                new Suppression(Suppression.Kind.values()[0], "accepted", SPAN));
        Finding inBaseline = new Finding("SL1001", Severity.WARNING, "Function 'Fn' has no DLQ.",
                FILE, SPAN, "Fn", List.of(), null, Finding.BaselineState.NEW);
        assertLikeGenerated(finding, copy, suppressed, inBaseline);
    }

    @Test
    void policyDocument_matchesGeneratedMethods() throws Throwable {
        Resource role = new Resource("Role", "AWS::IAM::Role", PROPERTIES, SPAN, null, null);
        Resource other = new Resource("Other", "AWS::IAM::Role", PROPERTIES, SPAN, null, null);
        assertLikeGenerated(new PolicyDocument(PROPERTIES, role),
                new PolicyDocument(PROPERTIES, role), new PolicyDocument(PROPERTIES, other),
                new PolicyDocument(new MapNode(List.of(), SPAN), role));
    }

    @Test
    void privateKeys_matchGeneratedMethods() throws Throwable {
        Record packageKey = key("dev.slens.index.PackageSizes$Key", "src/", List.of("*.js"));
        assertLikeGenerated(packageKey, key("dev.slens.index.PackageSizes$Key", "src/",
                List.of("*.js")), key("dev.slens.index.PackageSizes$Key", "src/", List.of()));
        String variants = "dev.slens.engine.ValueVariants$Key";
        Record variantKey = key(variants, "SL1001", "t.yaml", SPAN, "Fn", null, null);
        assertLikeGenerated(variantKey, key(variants, "SL1001", "t.yaml", SPAN, "Fn", null, null),
                key(variants, "SL1001", "t.yaml", SPAN, "Fn", null, Finding.BaselineState.NEW));
    }

    @Test
    void of_noComponents_isZero() {
        assertEquals(0, RecordHash.of());
    }

    /**
     * Asserts that {@code record} equals {@code copy}, differs from each of {@code others}, and
     * that its equals and hashCode agree with the methods the JDK generates for its class.
     */
    private static void assertLikeGenerated(Record record, Record copy, Record... others)
            throws Throwable {
        MethodHandle generatedEquals = generated(record.getClass(), "equals",
                MethodType.methodType(boolean.class, record.getClass(), Object.class));
        MethodHandle generatedHash = generated(record.getClass(), "hashCode",
                MethodType.methodType(int.class, record.getClass()));

        assertEquals((int) generatedHash.invoke(record), record.hashCode(), record.toString());
        assertEquals((int) generatedHash.invoke(copy), copy.hashCode(), copy.toString());
        assertTrue(record.equals(copy), record.toString());
        assertEquals(record.hashCode(), copy.hashCode(), record.toString());
        for (Record other : others) {
            assertEquals((int) generatedHash.invoke(other), other.hashCode(), other.toString());
            assertEquals((boolean) generatedEquals.invoke(record, other), record.equals(other),
                    other.toString());
            assertFalse(record.equals(other), other.toString());
        }
        assertFalse(record.equals(null), "null");
        assertFalse(record.equals("text"), "another type");
    }

    private static Record key(String className, Object... components) throws Exception {
        Class<?> type = Class.forName(className);
        Constructor<?> constructor = type.getDeclaredConstructors()[0];
        constructor.setAccessible(true);
        return (Record) constructor.newInstance(components);
    }

    private static MethodHandle generated(Class<?> type, String name, MethodType methodType)
            throws Throwable {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        RecordComponent[] components = type.getRecordComponents();
        MethodHandle[] getters = new MethodHandle[components.length];
        for (int i = 0; i < components.length; i++) {
            getters[i] = lookup.unreflect(components[i].getAccessor());
        }
        String names = String.join(";", Arrays.stream(components)
                .map(RecordComponent::getName).toList());
        CallSite site = (CallSite) ObjectMethods.bootstrap(lookup, name, methodType, type, names,
                getters);
        return site.getTarget();
    }
}
