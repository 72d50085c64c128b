package dev.slens.rule;

/** The Well-Architected pillar a rule belongs to; the rules module has one package per pillar. */
public enum Pillar {
    OPERATIONAL_EXCELLENCE("operational"),
    SECURITY("security"),
    RELIABILITY("reliability"),
    PERFORMANCE("performance"),
    COST("cost"),
    SUSTAINABILITY("sustainability"),
    /** Checks of the engine itself, such as unreadable files. */
    ENGINE("engine");

    private final String packageName;

    Pillar(String packageName) {
        this.packageName = packageName;
    }

    /** Returns the last part of the package name rules of this pillar live in. */
    public String packageName() {
        return packageName;
    }
}
