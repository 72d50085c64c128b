package dev.slens.cli;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option value to an enum constant ignoring case, and lists the constants in lower
 * case, as users type them, for the option's help text and for the error on an invalid value.
 * picocli's own enum conversion lists the upper-case constant names instead. Each enum needs a
 * subclass with a no-argument constructor, because picocli creates converters and completion
 * candidates from their class.
 *
 * @param <E> the option's enum type
 */
abstract class EnumOptionValues<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {

    private final Class<E> type;

    EnumOptionValues(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        throw new TypeConversionException("expected one of " + String.join(", ", this)
                + " but was '" + value + "'");
    }

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).iterator();
    }
}
