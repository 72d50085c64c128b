package dev.slens.model;

/**
 * Placeholders in text whose value is set after slens reads the template. A dynamic reference
 * such as <code>{{resolve:ssm:/app/memory}}</code> is resolved by CloudFormation at deployment,
 * and a text template placeholder such as <code>{{ runtime }}</code> is replaced by a build step.
 * Rules treat such text as unknown.
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** Returns whether {@code text} contains a <code>{{...}}</code> placeholder. */
    public static boolean contains(String text) {
        if (text == null) {
            return false;
        }
        int open = text.indexOf("{{");
        return open >= 0 && text.indexOf("}}", open + 2) >= 0;
    }
}
