package io.github.latentlab.ui;

import java.util.Locale;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with Simplified Chinese as the default locale, so the window it builds reads
 * its words (and lessons) in Chinese; the locale before is put back after the class.
 */
public final class InChinese implements BeforeAllCallback, AfterAllCallback {
    private Locale before;

    @Override
    public void beforeAll(ExtensionContext context) {
        before = Locale.getDefault();
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Locale.setDefault(before);
    }
}
