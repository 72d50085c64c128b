package dev.slens.report;

import java.nio.charset.StandardCharsets;

/** Turns the paths reports show into relative SARIF artifact URIs. */
final class SarifUris {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private SarifUris() {
    }

    /**
     * Encodes {@code displayPath} as an RFC 3986 relative reference. Every byte of its UTF-8 form
     * is percent-encoded except unreserved characters, sub-delimiters, {@code @} and the {@code /}
     * separator, so a space becomes {@code %20} and {@code #} becomes {@code %23}. A colon is
     * encoded too, because one in the first segment would be read as a URI scheme. A leading
     * {@code ./} is dropped, backslashes become slashes and {@code ..} segments are kept, so a
     * file outside the base folder stays a valid relative reference such as {@code ../b/t.yaml}.
     * A Windows path with a drive letter, shown when no relative path exists, becomes the
     * absolute-path reference {@code /C:/x/t.yaml}.
     */
    static String encode(String displayPath) {
        String path = displayPath.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        StringBuilder uri = new StringBuilder(path.length() + 16);
        if (hasDriveLetter(path)) {
            uri.append('/').append(path, 0, 2);
            path = path.substring(2);
        }
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isKept(c)) {
                uri.append((char) c);
            } else {
                uri.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return uri.toString();
    }

    private static boolean hasDriveLetter(String path) {
        return path.length() >= 3 && path.charAt(1) == ':' && path.charAt(2) == '/'
                && (path.charAt(0) >= 'A' && path.charAt(0) <= 'Z'
                        || path.charAt(0) >= 'a' && path.charAt(0) <= 'z');
    }

    private static boolean isKept(int c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
    }
}
