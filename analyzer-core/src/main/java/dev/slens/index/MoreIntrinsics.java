package dev.slens.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slens.model.ListNode;
import dev.slens.model.MapNode;
import dev.slens.model.Node;
import dev.slens.model.Nodes;
import dev.slens.report.ExpandedTemplate;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Evaluates {@code Fn::FindInMap} (with the {@code DefaultValue} of the
 * {@code AWS::LanguageExtensions} transform), {@code Fn::Length}, {@code Fn::ToJsonString},
 * {@code Fn::Cidr} and {@code Fn::Base64}. Each works on one alternative of its argument at a
 * time, so conditions never multiply.
 */
final class MoreIntrinsics {

    private final Evaluator evaluator;

    MoreIntrinsics(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    /**
     * Evaluates {@code [MapName, TopKey, SecondKey]} and the form with a fourth item
     * {@code {DefaultValue: value}}, which gives the value when the keys are known but absent
     * from the mapping.
     */
    List<Alternative> findInMap(Node argument, Node node, Evaluator.Trail trail) {
        ListNode parts = argument.asList();
        if (parts == null || parts.size() < 3) {
            return unknown("malformed Fn::FindInMap", node, trail);
        }
        String mapName = evaluator.exactText(parts.get(0));
        String topKey = evaluator.exactText(parts.get(1));
        String secondKey = evaluator.exactText(parts.get(2));
        MapNode mapping = mapName == null ? null
                : evaluator.template().section("Mappings").getMap(mapName);
        MapNode top = mapping == null || topKey == null ? null : mapping.getMap(topKey);
        Node value = top == null || secondKey == null ? null : top.get(secondKey);
        if (value != null) {
            // Findings point at the Fn::FindInMap the property uses, as for a parameter, and
            // the message names the mapping entry the value came from.
            String entry = mapName + "." + topKey + "." + secondKey;
            return evaluator.evaluate(value, trail.via("mapping '" + entry + "'")).stream()
                    .map(a -> new Alternative(a.value(), a.conditions(), a.via(), node))
                    .toList();
        }
        MapNode options = parts.size() > 3 ? parts.get(3).asMap() : null;
        boolean keysKnown = mapName != null && topKey != null && secondKey != null;
        if (keysKnown && options != null && options.has("DefaultValue")) {
            return evaluator.evaluate(options.get("DefaultValue"),
                    trail.via("Fn::FindInMap DefaultValue")).stream()
                    .map(a -> new Alternative(a.value(), a.conditions(), a.via(), node))
                    .toList();
        }
        return unknown("Fn::FindInMap keys are not known", node, trail);
    }

    /** Counts the items of a written list, leaving out {@code AWS::NoValue} items. */
    List<Alternative> length(Node argument, Node node, Evaluator.Trail trail) {
        if (!(argument instanceof ListNode list)) {
            return unknown("Fn::Length of a list that is not written out", node, trail);
        }
        int count = 0;
        for (Node item : list.items()) {
            boolean noValue = "Ref".equals(item.intrinsicName())
                    && "AWS::NoValue".equals(item.asMap().getText("Ref"));
            count += noValue ? 0 : 1;
        }
        return List.of(trail.of(new Value.Literal(Integer.toString(count)), node));
    }

    /**
     * Returns the JSON text of a map or list. It is exact only when the argument contains no
     * intrinsic function. Otherwise the functions stay in the text as written.
     */
    List<Alternative> toJsonString(Node argument, Node node, Evaluator.Trail trail) {
        try {
            String text = Json.MAPPER.writeValueAsString(ExpandedTemplate.toJson(argument));
            return List.of(trail.of(new Value.Text(text, !hasIntrinsic(argument)), node));
        } catch (JsonProcessingException e) {
            return unknown("Fn::ToJsonString failed: " + e.getOriginalMessage(), node, trail);
        }
    }

    /** Encodes each exact text the argument may take in Base64, as CloudFormation does. */
    List<Alternative> base64(Node argument, Node node, Evaluator.Trail trail) {
        List<Alternative> result = new ArrayList<>();
        for (Alternative alternative : evaluator.evaluate(argument, trail)) {
            String text = alternative.value().exactText();
            Value value = text == null ? new Value.Unknown("Fn::Base64 of text not known")
                    : new Value.Text(Base64.getEncoder().encodeToString(
                            text.getBytes(StandardCharsets.UTF_8)), true);
            result.add(new Alternative(value, alternative.conditions(), alternative.via(),
                    node));
        }
        return Evaluator.limit(result);
    }

    /**
     * Evaluates {@code [ipBlock, count, cidrBits]} over an IPv4 block to the list of
     * {@code count} subnets with {@code cidrBits} host bits, as a list that
     * {@code Fn::Select} can index.
     */
    List<Alternative> cidr(Node argument, Node node, Evaluator.Trail trail) {
        ListNode parts = argument.asList();
        String block = parts == null || parts.size() != 3 ? null
                : evaluator.exactText(parts.get(0));
        Integer count = parts == null || parts.size() != 3 ? null : number(parts.get(1));
        Integer bits = parts == null || parts.size() != 3 ? null : number(parts.get(2));
        List<String> subnets = block == null || count == null || bits == null ? null
                : subnets(block, count, bits);
        if (subnets == null) {
            return unknown("Fn::Cidr arguments are not known IPv4 values", node, trail);
        }
        List<Node> items = subnets.stream().map(s -> (Node) Nodes.text(s, node.span())).toList();
        return List.of(trail.of(new Value.Structure(Nodes.list(node.span(), items)), node));
    }

    private Integer number(Node node) {
        String text = evaluator.exactText(node);
        if (text == null) {
            text = node.text();
        }
        try {
            return text == null ? null : Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Returns the subnets, or {@code null} when the block is not IPv4 or they do not fit. */
    static List<String> subnets(String block, int count, int bits) {
        String[] address = block.split("/");
        String[] octets = address[0].split("\\.");
        if (address.length != 2 || octets.length != 4 || count < 1 || count > 256 || bits < 1
                || bits > 32) {
            return null;
        }
        try {
            long base = 0;
            for (String octet : octets) {
                base = base * 256 + Integer.parseInt(octet);
            }
            int prefix = Integer.parseInt(address[1]);
            if (32 - bits < prefix || BigInteger.valueOf(count).bitLength() - 1
                    > 32 - bits - prefix) {
                return null;
            }
            List<String> result = new ArrayList<>();
            for (long i = 0; i < count; i++) {
                long start = base + (i << bits);
                result.add(((start >> 24) & 255) + "." + ((start >> 16) & 255) + "."
                        + ((start >> 8) & 255) + "." + (start & 255) + "/" + (32 - bits));
            }
            return result;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean hasIntrinsic(Node node) {
        if (node.intrinsicName() != null) {
            return true;
        }
        if (node instanceof MapNode map) {
            return map.entries().stream().anyMatch(entry -> hasIntrinsic(entry.value()));
        }
        return node instanceof ListNode list && list.items().stream()
                .anyMatch(MoreIntrinsics::hasIntrinsic);
    }

    private static List<Alternative> unknown(String reason, Node node, Evaluator.Trail trail) {
        return List.of(trail.of(new Value.Unknown(reason), node));
    }

    /**
     * The mapper, in a holder class so that it is built on first use. Building one loads a few
     * hundred Jackson classes, which would add to the start-up of every scan.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
