package io.github.latentlab.lessons;

/** A run of text in one style: lessons write **strong**, *emphasis*, `code` and $math$ (shown as text). */
public record Inline(String text, Style style) {
    public enum Style { PLAIN, STRONG, EMPHASIS, CODE, MATH }
}
