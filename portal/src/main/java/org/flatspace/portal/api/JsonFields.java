package org.flatspace.portal.api;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** Turns Jackson's and Spring's type errors into a field name and what the field expects. */
final class JsonFields {

    private JsonFields() {
    }

    /** "leaseEnd", or "items[2].count" for nested fields. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    static String expected(JsonMappingException e) {
        if (e.getCause() instanceof InputCoercionException) {
            return "The number is too large";
        }
        return expected(e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null);
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "This value is of the wrong type";
        }
        if (type == LocalDate.class) {
            return "Give a date as YYYY-MM-DD";
        }
        if (isNumber(type)) {
            return "Give a whole number (up to " + maximum(type) + ")";
        }
        if (type.isEnum()) {
            return "Give one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Give true or false";
        }
        if (type == String.class) {
            return "Give a text";
        }
        return "This value is of the wrong type";
    }

    private static boolean isNumber(Class<?> type) {
        return type == Long.class || type == long.class || type == Integer.class || type == int.class;
    }

    private static long maximum(Class<?> type) {
        return type == Integer.class || type == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }
}
