package dev.slens.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Describes an option that takes one value but was given more than once, naming each
 * occurrence as the user wrote it and the name to keep. picocli's own message names only the
 * option's first name, which misleads a user who wrote another name.
 */
final class RepeatedOption {

    private RepeatedOption() {
    }

    /**
     * Returns the message for {@code option} given more than once in {@code args}. The option's
     * first declared name is the one to keep, because the help lists it first.
     */
    static String message(OptionSpec option, String[] args) {
        List<String> occurrences = occurrences(option, args);
        String nameToKeep = option.names()[0];
        List<String> namesUsed = occurrences.stream().map(RepeatedOption::name).distinct()
                .toList();
        if (occurrences.size() < 2) {
            String allNames = Arrays.stream(option.names()).map(name -> "'" + name + "'")
                    .collect(Collectors.joining(" or "));
            return "option " + allNames + " takes one value but was given more than once;"
                    + " give it once, as '" + nameToKeep + "'";
        }
        String listed = occurrences.stream().map(occurrence -> "'" + occurrence + "'")
                .collect(Collectors.joining(" and "));
        if (namesUsed.size() == 1) {
            return "option '" + namesUsed.get(0) + "' takes one value but was given "
                    + times(occurrences.size()) + ": " + listed + "; give it once";
        }
        String others = namesUsed.stream().filter(name -> !name.equals(nameToKeep))
                .map(name -> "'" + name + "'").collect(Collectors.joining(" and "));
        return others + (namesUsed.size() > 2 ? " are other names" : " is another name")
                + " for '" + nameToKeep + "', which takes one value but was given "
                + times(occurrences.size()) + ": " + listed + "; keep only '" + nameToKeep + "'";
    }

    /**
     * Returns each occurrence of {@code option} in {@code args} as "NAME VALUE", in order. It
     * reads {@code --name value} and {@code --name=value}, and stops at {@code --}, after which
     * every argument is a parameter.
     */
    private static List<String> occurrences(OptionSpec option, String[] args) {
        List<String> occurrences = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            for (String name : option.names()) {
                if (args[i].equals(name) && i + 1 < args.length) {
                    occurrences.add(name + " " + args[i + 1]);
                    i++;
                    break;
                }
                if (args[i].startsWith(name + "=")) {
                    occurrences.add(name + " " + args[i].substring(name.length() + 1));
                    break;
                }
            }
        }
        return occurrences;
    }

    private static String times(int count) {
        return count == 2 ? "twice" : count + " times";
    }

    private static String name(String occurrence) {
        return occurrence.substring(0, occurrence.indexOf(' '));
    }
}
