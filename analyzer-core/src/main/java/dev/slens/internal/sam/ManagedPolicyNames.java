package dev.slens.internal.sam;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The AWS managed policies whose bare name SAM turns into an ARN in a role's
 * {@code ManagedPolicyArns}, with the path each has. The table, about 1,100 names in
 * {@code aws-managed-policies.tsv} next to this class, is read on the first lookup.
 */
public final class ManagedPolicyNames {

    private static final String RESOURCE = "aws-managed-policies.tsv";
    private static final String ARN_PREFIX = "arn:aws:iam::aws:policy";

    private ManagedPolicyNames() {
    }

    /**
     * Returns the ARN of the AWS managed policy {@code name} in the aws partition, such as
     * {@code arn:aws:iam::aws:policy/service-role/AWSLambdaRole}, or {@code null} when the
     * table does not list the name.
     */
    static String arn(String name) {
        String path = Holder.PATHS.get(name);
        return path == null ? null : ARN_PREFIX + path + name;
    }

    /** Returns whether {@code name} is the bare name of an AWS managed policy in the table. */
    public static boolean isAwsManaged(String name) {
        return Holder.PATHS.containsKey(name);
    }

    private static final class Holder {
        static final Map<String, String> PATHS = read();
    }

    private static Map<String, String> read() {
        Map<String, String> paths = new HashMap<>();
        try (InputStream stream = ManagedPolicyNames.class.getResourceAsStream(RESOURCE)) {
            if (stream == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(
                    new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // A line is a name, or a name, a tab and a path other than "/".
                String[] columns = line.split("\t");
                String path = columns.length == 2 ? columns[1] : "/";
                if (columns.length > 2 || columns[0].isEmpty() || !path.startsWith("/")
                        || !path.endsWith("/")) {
                    throw new IllegalStateException(RESOURCE + " has an invalid line: " + line);
                }
                paths.put(columns[0], path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to read " + RESOURCE, e);
        }
        return Map.copyOf(paths);
    }
}
