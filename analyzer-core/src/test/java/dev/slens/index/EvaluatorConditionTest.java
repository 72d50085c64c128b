package dev.slens.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.slens.load.TestLoading;
import dev.slens.model.Template;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Values inside a resource with a {@code Condition} that needs that condition false. */
class EvaluatorConditionTest {

    private static final String TEMPLATE = """
            Parameters:
              Env: {Type: String, AllowedValues: [dev, test, prod], Default: dev}
              Tier: {Type: String, Default: free}
              Region: {Type: String}
            Conditions:
              IsProd: !Equals [!Ref Env, prod]
              IsProdOrTest: !Or [!Condition IsProd, !Equals [test, !Ref Env]]
              NotDev: !Not [!Equals [!Ref Env, dev]]
              PaidProd: !And [!Condition IsProd, !Equals [!Ref Tier, paid]]
              InEurope: !Equals [!Ref Region, eu-west-1]
            Mappings:
              RuntimeMap:
                dev: {Runtime: python3.8}
                test: {Runtime: python3.11}
                prod: {Runtime: python3.12}
            Resources:
              ProdQueue:
                Type: AWS::SQS::Queue
                Condition: IsProd
                Properties:
                  Tracing: !If [IsProd, Active, !Ref AWS::NoValue]
                  Other: !If [InEurope, a, b]
                  Runtime: !FindInMap [RuntimeMap, !Ref Env, Runtime]
                  Env: !Ref Env
                  Actions: [x, !If [IsProd, y, z]]
              WideQueue:
                Type: AWS::SQS::Queue
                Condition: IsProdOrTest
                Properties:
                  Env: !Ref Env
              NotDevQueue:
                Type: AWS::SQS::Queue
                Condition: NotDev
                Properties:
                  Env: !Ref Env
              PaidQueue:
                Type: AWS::SQS::Queue
                Condition: PaidProd
                Properties:
                  Tier: !Ref Tier
                  Env: !Ref Env
              EuropeQueue:
                Type: AWS::SQS::Queue
                Condition: InEurope
                Properties:
                  Env: !Ref Env
              PlainQueue:
                Type: AWS::SQS::Queue
                Properties:
                  Tracing: !If [IsProd, Active, !Ref AWS::NoValue]
                  Env: !Ref Env
                  Branch: !If [IsProd, !Sub '${Env}-a', !Sub '${Env}-b']
            """;

    private static Template template;
    private static Evaluator evaluator;

    @BeforeAll
    static void load() {
        template = TestLoading.template("t.yaml", TEMPLATE);
        evaluator = new Evaluator(template);
    }

    @Test
    void ifOnResourceConditionKeepsTrueBranch() {
        List<Alternative> values = values("ProdQueue", "Tracing");

        assertEquals(List.of("Active"), texts(values));
        assertEquals(List.of("condition 'IsProd' is true"), values.get(0).conditions());
    }

    @Test
    void ifOnOtherConditionKeepsBothBranches() {
        assertEquals(List.of("a", "b"), texts(values("ProdQueue", "Other")));
        assertEquals(2, values("PlainQueue", "Tracing").size());
    }

    @Test
    void listItemsKeepTrueBranchOnly() {
        List<Alternative> items = evaluator.elements(
                template.resource("ProdQueue").property("Actions"));

        assertEquals(List.of("x", "y"), texts(items));
    }

    @Test
    void defaultContradictingConditionYieldsAllowedValue() {
        List<Alternative> values = values("ProdQueue", "Env");

        assertEquals(List.of("prod"), texts(values));
        assertEquals(List.of("parameter 'Env' allowed value"), values.get(0).via());
    }

    @Test
    void mappingKeyFollowsResourceCondition() {
        assertEquals(List.of("python3.12"), texts(values("ProdQueue", "Runtime")));
    }

    @Test
    void orAndNotConditionsFilterValues() {
        assertEquals(List.of("test", "prod"), texts(values("WideQueue", "Env")));
        assertEquals(List.of("test", "prod"), texts(values("NotDevQueue", "Env")));
    }

    @Test
    void conditionOnOtherParameterKeepsEveryValue() {
        assertEquals(List.of("dev", "test", "prod"), texts(values("EuropeQueue", "Env")));
    }

    @Test
    void andConditionFiltersEachParameter() {
        assertEquals(List.of("prod"), texts(values("PaidQueue", "Env")));
    }

    @Test
    void contradictedDefaultWithoutAllowedValuesIsUnknown() {
        List<Alternative> values = values("PaidQueue", "Tier");

        assertEquals(1, values.size());
        assertInstanceOf(Value.Unknown.class, values.get(0).value());
    }

    @Test
    void unconditionedResourceUsesDefaultThenAllowedValues() {
        List<Alternative> values = values("PlainQueue", "Env");

        assertEquals(List.of("dev", "test", "prod"), texts(values));
        assertEquals(List.of("parameter 'Env' default"), values.get(0).via());
        assertEquals(List.of("parameter 'Env' allowed value"), values.get(2).via());
    }

    @Test
    void ifBranchKeepsOnlyValuesItsConditionAllows() {
        assertEquals(List.of("prod-a", "dev-b", "test-b"), texts(values("PlainQueue", "Branch")));
    }

    private static List<Alternative> values(String resource, String property) {
        return evaluator.alternatives(template.resource(resource).property(property));
    }

    private static List<String> texts(List<Alternative> values) {
        List<String> texts = new ArrayList<>();
        for (Alternative alternative : values) {
            texts.add(alternative.value().exactText());
        }
        return texts;
    }
}
