package dev.slens.config;

import dev.slens.AnalyzerException;
import java.util.List;

/** The mistakes found in a configuration file, each a sentence naming the file and line. */
public final class ConfigException extends AnalyzerException {

    private static final long serialVersionUID = 1L;

    /** The mistakes in file order, also joined in the message, so they are not serialized. */
    private final transient List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns each mistake as one sentence. */
    public List<String> problems() {
        return problems;
    }
}
