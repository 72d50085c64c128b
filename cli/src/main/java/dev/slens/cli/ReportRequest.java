package dev.slens.cli;

import dev.slens.report.ReportFormat;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One value of {@code scan --format}: a report format and, after {@code =}, the file to write
 * it to.
 *
 * @param format the report format
 * @param file the file given after {@code =}, or {@code null} when the report goes to
 *     {@code --output} or stdout
 */
record ReportRequest(ReportFormat format, Path file) {

    /**
     * Converts {@code FORMAT} or {@code FORMAT=FILE}. The value is split at the first {@code =},
     * because format names never contain one and file names may.
     */
    static final class Converter implements ITypeConverter<ReportRequest> {

        private final ScanCommand.FormatValues formats = new ScanCommand.FormatValues();

        @Override
        public ReportRequest convert(String value) {
            int separator = value.indexOf('=');
            if (separator < 0) {
                return new ReportRequest(formats.convert(value), null);
            }
            ReportFormat format = formats.convert(value.substring(0, separator));
            String file = value.substring(separator + 1);
            if (file.isEmpty()) {
                throw new TypeConversionException("missing file name after '=' in '" + value
                        + "'; write FORMAT=FILE or leave out '='");
            }
            return new ReportRequest(format, Path.of(file));
        }
    }
}
